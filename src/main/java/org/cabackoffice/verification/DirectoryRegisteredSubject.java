package org.cabackoffice.verification;

import java.util.List;
import org.cabackoffice.application.IntakeFinding;
import org.cabackoffice.application.RegisteredSubject;
import org.cabackoffice.domain.NameMatch;
import org.springframework.stereotype.Component;

/**
 * Intake's comparison of the CSR subject with the directory (guide [1-2]), so a customer learns
 * of a wrong O, L, ST or C when applying, not after paying. Only an unambiguous record counts
 * here: the listed corporate number, or the one record whose name matches exactly. Anything less
 * is for the officer in the organization-validation stage, which compares again after confirming.
 */
@Component
class DirectoryRegisteredSubject implements RegisteredSubject {

  private final OrganizationCandidates candidates;

  DirectoryRegisteredSubject(OrganizationCandidates candidates) {
    this.candidates = candidates;
  }

  @Override
  public List<IntakeFinding> disagreements(Applicant applicant) {
    List<OrganizationValidation.Candidate> found =
        candidates.find(applicant.corporateNumber(), applicant.nameEn(), applicant.nameJa());
    if (found.size() != 1) {
      return List.of();
    }
    OrganizationValidation.Candidate only = found.get(0);
    if (only.byCorporateNumber() && only.match() == NameMatch.NO_MATCH) {
      OrganizationDirectoryEntry entry = only.entry();
      return List.of(
          new IntakeFinding(
              "organization.corporateNumber",
              "organization.corporate-number-other-name",
              "corporate number " + applicant.corporateNumber() + " is registered to " + entry.getNameJa()
                  + ", not to the organization named in the application; check the number or the names",
              "法人番号 " + applicant.corporateNumber() + " は「" + entry.getNameJa()
                  + "」の番号で、申請団体名と一致しません。法人番号または団体名をご確認ください"));
    }
    if (only.match() != NameMatch.MATCH) {
      return List.of();
    }
    return SubjectAgreement.compare(
            applicant.organization(), applicant.locality(), applicant.stateOrProvince(), applicant.country(), only.entry())
        .stream()
        .map(d -> new IntakeFinding("csr", d.code(), d.message(), d.messageJa()))
        .toList();
  }
}
