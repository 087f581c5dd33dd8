package org.cabackoffice.verification;

/**
 * How the officer established that the technical contact phoned instead of the responsible person
 * works for the applicant (guide [4]: 技術担当者が申請団体所属の方であれば). Both go through the
 * directory's main number, so the applicant's own switchboard vouches, not the person phoned.
 */
public enum EmploymentBasis {
  /** The main number's switchboard put the call through to the technical contact as its staff. */
  TRANSFERRED_BY_MAIN_NUMBER("the main number's switchboard transferred the call to them as staff"),
  /** Whoever answered the main number confirmed that the technical contact works there. */
  CONFIRMED_BY_MAIN_NUMBER("the person answering the main number confirmed they work there");

  private final String description;

  EmploymentBasis(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
