package org.cabackoffice.csr;

/**
 * The request's public key. {@code algorithm} is RSA or EC, or the key algorithm's OID when it is
 * neither; {@code spkiSha256} is the hex SHA-256 of the DER SubjectPublicKeyInfo, the usual key
 * fingerprint for finding a key again (blocklists, reuse by another customer).
 */
public record CsrPublicKey(String algorithm, Integer sizeBits, String curve, String spkiSha256) {}
