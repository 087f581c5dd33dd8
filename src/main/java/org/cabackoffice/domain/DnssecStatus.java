package org.cabackoffice.domain;

/**
 * What DNSSEC validation (RFC 4035 5, RFC 4033 5) said about one answer, recorded with the
 * evidence of domain validation (BR 3.2.2.4) and CAA (BR 3.2.2.8.1).
 */
public enum DnssecStatus {
  /** Signed, and the signatures chain up to the configured trust anchor. */
  SECURE,
  /**
   * "Insecure" as RFC 4035 4.3 defines it: a signed parent proves there is no DS for the zone (an
   * insecure delegation). Validation succeeded; BR 3.2.2.4 and 3.2.2.8.1 (ballot SC-085, "Require
   * Validation of DNSSEC (when present)") require validation, not signatures, and BR 3.2.2.8 names
   * this state itself.
   */
  INSECURE,
  /** Validation failed (bad or missing signature, broken chain): never permission to issue. */
  BOGUS,
  /** DNSSEC validation is off in this configuration (a private CA, not bound by the BR). */
  NOT_VALIDATED
}
