package org.cabackoffice.csr;

/**
 * Which keys the CA has already certified, and for whom. A private key belongs to one subscriber
 * (BR 9.6.3: the subscriber keeps it under its sole control); the same key in the requests of two
 * customers means at least one of them does not hold it alone, which is key compromise as BR
 * 4.9.1.1 defines it.
 */
public interface KeyHistory {

  /**
   * Whether a certificate of this CA (signed here or imported from the previous system) for a
   * customer other than {@code customerAccountId} has the key with this fingerprint.
   *
   * @param spkiSha256 lower-case hex SHA-256 of the DER SubjectPublicKeyInfo, 64 characters
   */
  boolean usedByAnotherCustomer(String spkiSha256, long customerAccountId);

  /** No key was ever certified: for checks outside the running system (tests, benchmarks). */
  static KeyHistory none() {
    return (spkiSha256, customerAccountId) -> false;
  }
}
