/**
 * The loopback ports the embedded setup's own servers listen on (development WHOIS registry,
 * mail catcher): a port another program holds is replaced by a free one before anything is
 * configured with it, and a port lost all the same fails the start with one line naming the port
 * and the property that moves it (issue 8). A leaf: it knows none of the features.
 */
package org.cabackoffice.ports;
