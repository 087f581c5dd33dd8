package org.cabackoffice.verification;

/**
 * What the officer records after the call: the outcome and the guide's checklist [4] 3., and who
 * was phoned; for a technical contact phoned instead of the absent responsible person, how their
 * employment by the applicant was confirmed.
 */
public record PhoneCallReport(
    PhoneOutcome outcome,
    String spokeWith,
    boolean productAndTypeConfirmed,
    boolean organizationAndCommonNameConfirmed,
    boolean technicalContactConfirmed,
    boolean intentConfirmed,
    String note,
    PhonedPerson phonedPerson,
    EmploymentBasis employmentBasis,
    String employmentBasisNote) {

  public PhoneCallReport {
    // Forms from before the technical contact could stand in name nobody: the responsible person.
    phonedPerson = phonedPerson == null ? PhonedPerson.RESPONSIBLE_PERSON : phonedPerson;
  }

  /** A call to the responsible person, as the guide's first path has it. */
  public PhoneCallReport(
      PhoneOutcome outcome,
      String spokeWith,
      boolean productAndTypeConfirmed,
      boolean organizationAndCommonNameConfirmed,
      boolean technicalContactConfirmed,
      boolean intentConfirmed,
      String note) {
    this(
        outcome,
        spokeWith,
        productAndTypeConfirmed,
        organizationAndCommonNameConfirmed,
        technicalContactConfirmed,
        intentConfirmed,
        note,
        PhonedPerson.RESPONSIBLE_PERSON,
        null,
        null);
  }
}
