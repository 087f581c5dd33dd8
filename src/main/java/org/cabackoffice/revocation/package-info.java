/**
 * Revocation: the final record that a certificate is revoked (who, when, why, on which request),
 * which the CRL and the OCSP responder publish (BR 4.9, 4.10, 7.2).
 *
 * <p>{@link org.cabackoffice.revocation.CertificateRevocations#revoke} is the one way a certificate
 * becomes revoked; whatever decided it (the subscriber, officers, a problem report) calls it. A
 * revocation is never undone (RFC 5280 5.3.1: certificateHold is not used, BR 7.2.2).
 */
package org.cabackoffice.revocation;
