package org.cabackoffice.verification;

/** How the call of guide [4] ended. */
public enum PhoneOutcome {
  /** The responsible person confirmed every item of the checklist. */
  CONFIRMED,
  /** Not reachable through the main number: ask for an employment certificate (在籍証明書). */
  UNREACHABLE,
  /** Reached, but the application is not intended or the details are wrong. */
  REFUSED
}
