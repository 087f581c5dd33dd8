package org.cabackoffice.csr;

/**
 * The keys the CA refuses to certify because their private key is known to be compromised (BR
 * 6.1.1.3: the CA rejects a request whose key it knows to be compromised; BR 4.9.1.1 defines key
 * compromise). Keys are named by the hex SHA-256 of their DER SubjectPublicKeyInfo ({@link
 * CsrPublicKey#spkiSha256}).
 */
public interface KeyBlocklist {

  /** @param spkiSha256 lower-case hex, 64 characters */
  boolean contains(String spkiSha256);

  /** No key is blocked: for checks outside the running system (tests, benchmarks). */
  static KeyBlocklist empty() {
    return spkiSha256 -> false;
  }
}
