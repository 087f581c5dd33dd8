package org.cabackoffice.domain;

/**
 * How the applicant's name compares with the registrant in the registration data (guide [3-1]:
 * when they differ, the WHOIS contacts are asked for domain-use consent).
 */
public enum NameMatch {
  /** Equal after normalization (width, case, spaces, punctuation, legal form). */
  MATCH,
  /** Nearly equal: an officer decides (typo, abbreviation, a group company's longer name). */
  CLOSE,
  NO_MATCH,
  /** The record names no registrant: redacted for privacy, absent, or the domain is free. */
  NO_REGISTRANT
}
