package org.cabackoffice.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.calendar.ValidityReductionSchedule;
import org.cabackoffice.domain.NameMatch;
import org.cabackoffice.domain.OrganizationNameMatcher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The phone check of guide [4]: prepared from the directory, recorded with its checklist. */
@Service
public class PhoneVerifications {

  /** The length of the employment basis's column, as the form's limit. */
  static final int MAX_EMPLOYMENT_BASIS_NOTE = 2000;

  private final Applications applications;
  private final OrganizationDirectory directory;
  private final PhoneVerificationRepository calls;
  private final OrganizationNameMatcher names;
  private final OrganizationValidation organizationValidation;
  private final Clock clock;

  public PhoneVerifications(
      Applications applications,
      OrganizationDirectory directory,
      PhoneVerificationRepository calls,
      OrganizationNameMatcher names,
      OrganizationValidation organizationValidation,
      Clock clock) {
    this.applications = applications;
    this.directory = directory;
    this.calls = calls;
    this.names = names;
    this.organizationValidation = organizationValidation;
    this.clock = clock;
  }

  /** The number to call: the organization's main number in the directory ([4] 1.). */
  @Transactional(readOnly = true)
  public PhoneCallSheet callSheet(long applicationId) {
    Application application = applications.get(applicationId);
    // The record the organization-validation stage verified, which the officer confirmed by
    // number or name; an application from before that stage falls back to the exact-name listing.
    return organizationValidation
        .verifiedRecord(applicationId)
        .or(() -> directory.find(application.getOrganizationNameEn(), application.getOrganizationNameJa()))
        // An entry from the NTA's data alone names no number: nothing to call yet.
        .filter(e -> e.getMainPhone() != null)
        .map(e -> new PhoneCallSheet(true, e.getMainPhone(), e.getSource()))
        .orElseGet(() -> new PhoneCallSheet(false, null, null));
  }

  /**
   * Records the call. A confirmation must tick every checklist item and must have gone through a
   * listed main number; otherwise nothing is stored and the officer is told why.
   */
  @Transactional
  public PhoneVerification record(long applicationId, String officer, PhoneCallReport report) {
    if (report.outcome() == null) {
      throw new PhoneVerificationRefusedException("choose the outcome of the call");
    }
    if (report.phonedPerson() == PhonedPerson.TECHNICAL_CONTACT) {
      checkStandIn(applications.get(applicationId), report);
    }
    PhoneCallSheet sheet = callSheet(applicationId);
    if (report.outcome() == PhoneOutcome.CONFIRMED) {
      List<String> missing = new ArrayList<>();
      if (!sheet.listed()) {
        throw new PhoneVerificationRefusedException(
            "the organization is not in the directory, so it cannot be confirmed by phone: the"
                + " number the applicant gave must not be used (guide [4]); choose UNREACHABLE to"
                + " ask for an employment certificate");
      }
      if (!report.productAndTypeConfirmed()) {
        missing.add("product and new/renewal");
      }
      if (!report.organizationAndCommonNameConfirmed()) {
        missing.add("organization name and common name");
      }
      if (!report.technicalContactConfirmed()) {
        missing.add("technical contact's company, name and e-mail");
      }
      if (!report.intentConfirmed()) {
        missing.add("intent to apply");
      }
      if (report.spokeWith() == null || report.spokeWith().isBlank()) {
        missing.add("the name of the person spoken to");
      }
      if (!missing.isEmpty()) {
        throw new PhoneVerificationRefusedException(
            "a confirmed call needs every checklist item; missing: " + String.join(", ", missing));
      }
    }
    return calls.save(
        new PhoneVerification(applicationId, officer, sheet, report, clock.instant()));
  }

  /**
   * Guide [4]: 申請責任者が不在の場合、技術担当者が申請団体所属の方であれば、申請責任者に代わり技術担当者へ電話認証を
   * 実施することも可能. The technical contact stands in only for an absent responsible person, only
   * as the applicant's own employee, and the officer says how that employment was confirmed. The
   * guide's technical contact may be an agency applying on the applicant's behalf ([1-3]): its
   * staff speak for the agency, not for the applicant, so a technical contact of another company
   * is refused whatever the officer ticks.
   */
  private void checkStandIn(Application application, PhoneCallReport report) {
    if (report.outcome() == PhoneOutcome.UNREACHABLE) {
      throw new PhoneVerificationRefusedException(
          "UNREACHABLE records that the responsible person could not be reached, which asks for an"
              + " employment certificate; record it as a call to the responsible person (guide [4])");
    }
    String company = application.getTechnicalCompany();
    NameMatch match =
        names.match(
            Arrays.asList(
                application.getOrganizationNameEn(), application.getOrganizationNameJa()),
            Collections.singletonList(company));
    if (match != NameMatch.MATCH) {
      throw new PhoneVerificationRefusedException(
          "the technical contact works for \""
              + company
              + "\", not for the applicant \""
              + application.getOrganizationNameEn()
              + "\": a technical contact of another company (e.g. an agency applying on the"
              + " applicant's behalf, guide [1-3]) may not be phoned instead of the responsible"
              + " person (guide [4]); reach the responsible person, or choose UNREACHABLE as a call"
              + " to the responsible person to ask for an employment certificate");
    }
    if (report.employmentBasis() == null) {
      throw new PhoneVerificationRefusedException(
          "phoning the technical contact instead of the responsible person needs how their"
              + " employment by the applicant was confirmed (guide [4]): choose the employment"
              + " basis");
    }
    String how = report.employmentBasisNote();
    if (how == null || how.isBlank()) {
      throw new PhoneVerificationRefusedException(
          "phoning the technical contact instead of the responsible person needs who confirmed"
              + " their employment by the applicant, and how (guide [4])");
    }
    if (how.length() > MAX_EMPLOYMENT_BASIS_NOTE) {
      throw new PhoneVerificationRefusedException(
          "the employment basis takes at most " + MAX_EMPLOYMENT_BASIS_NOTE + " characters");
    }
  }

  /**
   * Guide [4]: a valid earlier phone verification may be reused instead of calling again. Valid
   * means a call an officer made and confirmed within the reuse period of organization data (398
   * days from the call since 2026-03-15, BR 4.2.1 as amended by ballot SC-081), for the same organization and
   * responsible person, applied for by the same storefront account and technical contact: a
   * stranger naming the same company and person must not skip the call. The reuse is recorded
   * for this application with the earlier call as its source.
   */
  @Transactional
  public Optional<PhoneVerification> reuseEarlier(long applicationId) {
    Application application = applications.get(applicationId);
    Instant now = clock.instant();
    return calls
        .confirmedEarlier(
            applicationId,
            application.getCustomerAccountId(),
            application.getTechnicalEmail(),
            application.getOrganizationNameEn(),
            application.getResponsibleName(),
            now.minus(
                Duration.ofDays(ValidityReductionSchedule.at(now).organizationDataReuseDays())))
        .stream()
        .findFirst()
        .map(earlier -> calls.save(earlier.reusedFor(applicationId, now)));
  }

  @Transactional(readOnly = true)
  public List<PhoneVerification> of(long applicationId) {
    return calls.findByApplicationIdOrderByIdAsc(applicationId);
  }
}
