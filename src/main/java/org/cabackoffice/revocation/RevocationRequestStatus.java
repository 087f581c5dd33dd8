package org.cabackoffice.revocation;

/** Where a revocation request stands; the last four are final. */
public enum RevocationRequestStatus {
  /** A problem report the officers investigate (BR 4.9.5: within 24 hours). */
  INVESTIGATING,
  /** Proposed by an officer on the CA's initiative; a second officer decides. */
  AWAITING_APPROVAL,
  /** Decided; the revocation is being recorded. */
  REVOKING,
  REVOKED,
  /** The second officer did not approve: nothing revoked. */
  NOT_APPROVED,
  /** A problem report investigated and found to need no revocation. */
  NO_ACTION,
  /** Its process was deleted by an administrator before a decision. */
  CANCELLED;

  public boolean isFinal() {
    return this == REVOKED || this == NOT_APPROVED || this == NO_ACTION || this == CANCELLED;
  }
}
