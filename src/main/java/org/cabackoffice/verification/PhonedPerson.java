package org.cabackoffice.verification;

/** Who the officer spoke to on the call of guide [4]. */
public enum PhonedPerson {
  /** The applicant's responsible person (申請責任者), the one the guide calls. */
  RESPONSIBLE_PERSON,
  /**
   * The technical contact (技術担当者), instead of an absent responsible person: allowed only when
   * the technical contact is employed by the applicant (guide [4]), never an agency's staff.
   */
  TECHNICAL_CONTACT
}
