package org.cabackoffice.documents;

public enum DocumentRequestStatus {
  /** Mailed to the technical contact, nothing uploaded yet. */
  REQUESTED,
  /** At least one file arrived; more may follow until an officer reviews. */
  UPLOADED,
  ACCEPTED,
  REFUSED,
  /** The link lapsed before anything was uploaded. */
  EXPIRED;

  /** Open requests still take uploads and wait for an officer's review. */
  public boolean isOpen() {
    return this == REQUESTED || this == UPLOADED;
  }
}
