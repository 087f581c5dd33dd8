/**
 * Automation test certificates (Chrome Root Program policy 1.8; issue 15): the CA keeps a test
 * certificate for a domain of its own that it renews through its own ACME server, with a real ACME
 * client flow over HTTP (external account binding, newOrder, http-01, finalize, download), at
 * least every 30 days, and records every attempt. One ACME account serves every run on every
 * node: its key is kept once in the shared database as a PKCS#12 under the CA keystore's password
 * ({@code AutomationTestAccountKey}), and EAB credentials are issued only when that key has no
 * account (the first run, or after the account was deactivated). Operations see the last success, the next due
 * run and any failure under {@code /operations/automation-test}; a failure is an open incident
 * there until a later attempt succeeds.
 *
 * <p>Off by default: the http-01 check reaches the test domain at its DNS address on port 80, so a
 * deployment needs the domain's A/AAAA record pointing to this node and port 80 forwarded to the
 * responder's port ({@code backoffice.automation-test.http01-port}); the README lists it.
 */
package org.cabackoffice.automationtest;
