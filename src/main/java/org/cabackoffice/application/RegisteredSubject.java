package org.cabackoffice.application;

import java.util.List;

/**
 * The organization as a qualified independent information source registers it, compared with
 * the subject the CSR asks for (guide [1-2]: O is the official English name, L and ST as
 * registered, C=JP; BR 7.1.4.2). Intake tells the customer of a disagreement before anything is
 * paid; implemented where the organization directory lives, so intake needs no dependency on it.
 */
public interface RegisteredSubject {

  /** What the applicant gave that identifies the organization, and the CSR's subject fields. */
  record Applicant(
      String corporateNumber,
      String nameEn,
      String nameJa,
      String organization,
      String locality,
      String stateOrProvince,
      String country) {}

  /**
   * Findings for each subject field that differs from the registered record, when exactly one
   * open record is the applicant's; none when the applicant is not (yet) identified, which the
   * organization-validation stage settles with an officer.
   */
  List<IntakeFinding> disagreements(Applicant applicant);

  /**
   * Whether the CSR's O is a DBA or trade name an officer verified for the applicant's one open
   * record (BR 3.2.2.2), alone or as "DBA (Name)" (BR 7.1.4.2.2); then O may differ from the
   * English name the application gives.
   */
  boolean statesVerifiedTradeName(Applicant applicant);
}
