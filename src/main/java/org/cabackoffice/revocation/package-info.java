/**
 * Revocation: the final record that a certificate is revoked (who, when, why, on which request),
 * which the CRL and the OCSP responder publish (BR 4.9, 4.10, 7.2), and the requests that lead to
 * it.
 *
 * <p>{@link org.cabackoffice.revocation.CertificateRevocations#revoke} is the one way a certificate
 * becomes revoked; whatever decided it (the subscriber, officers, a problem report) calls it. A
 * revocation is never undone (RFC 5280 5.3.1: certificateHold is not used, BR 7.2.2).
 *
 * <p>{@link org.cabackoffice.revocation.RevocationRequests} files each request (the subscriber's,
 * an officer's for the subscriber or on the CA's initiative, a public problem report) and runs it
 * as the {@code certificate-revocation} process: the CA's own revocations wait for a second
 * officer, problem reports for an investigation within 24 hours (BR 4.9.5), and each wait for an
 * officer alerts the validation team before its deadline (BR 4.9.1.1). A key compromise blocks
 * the key and revokes every certificate with it; a reporter proves one with a CSR over the CA's
 * challenge ({@link org.cabackoffice.revocation.KeyCompromiseProofs}).
 */
package org.cabackoffice.revocation;
