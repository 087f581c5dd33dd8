package org.cabackoffice.revocation;

/**
 * Published after a revocation is committed, so the CRL and OCSP answers are renewed within
 * minutes (BR 4.9.7: a new CRL whenever a certificate is revoked).
 */
public record CertificateRevoked(CertificateRevocation revocation) {}
