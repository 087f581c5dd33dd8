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
  private final TradeNames tradeNames;

  DirectoryRegisteredSubject(OrganizationCandidates candidates, TradeNames tradeNames) {
    this.candidates = candidates;
    this.tradeNames = tradeNames;
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
            applicant.organization(), applicant.locality(), applicant.stateOrProvince(), applicant.country(), only.entry(),
            tradeNames.current(only.entry().getId()).stream().map(TradeName::getName).toList())
        .stream()
        .map(d -> new IntakeFinding("csr", d.code(), d.message(), d.messageJa()))
        .toList();
  }

  @Override
  public boolean statesVerifiedTradeName(Applicant applicant) {
    if (applicant.organization() == null || applicant.organization().isBlank()) {
      return false;
    }
    List<OrganizationValidation.Candidate> found =
        candidates.find(applicant.corporateNumber(), applicant.nameEn(), applicant.nameJa());
    if (found.size() != 1 || found.get(0).match() != NameMatch.MATCH || found.get(0).entry().getNameEn() == null) {
      return false;
    }
    OrganizationDirectoryEntry entry = found.get(0).entry();
    List<String> names = tradeNames.current(entry.getId()).stream().map(TradeName::getName).toList();
    return !names.isEmpty()
        && !SubjectAgreement.statedOrganization(applicant.organization(), entry, names).equals(entry.getNameEn());
  }
}
