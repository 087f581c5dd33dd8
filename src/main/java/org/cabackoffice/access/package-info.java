/**
 * The roles every feature names as the owner of its endpoints. A leaf: it imports nothing of
 * the back office, so naming a role never ties a feature to the security package's accounts.
 */
package org.cabackoffice.access;
