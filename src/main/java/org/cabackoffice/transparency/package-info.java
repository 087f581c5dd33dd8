/**
 * Certificate Transparency (RFC 6962; Chrome's and Apple's CT policies): the logs a
 * precertificate goes to, the SCTs they return, their verification and TLS encoding, and the
 * policy on how many are enough. Issuance reaches it through {@link
 * org.cabackoffice.issuance.TransparencyLogs}; this package depends on issuance, never the
 * other way round.
 */
package org.cabackoffice.transparency;
