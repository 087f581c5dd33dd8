package org.cabackoffice.verification;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The organization validation's part of an application's timeline: what was verified, from what. */
@Component
class OrganizationTimeline implements TimelineContributor {

  private final OrganizationVerificationRepository verifications;
  private final OrganizationCheckRepository checks;

  OrganizationTimeline(OrganizationVerificationRepository verifications, OrganizationCheckRepository checks) {
    this.verifications = verifications;
    this.checks = checks;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesOf(long applicationId) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (OrganizationVerification v : verifications.findByApplicationIdOrderByIdAsc(applicationId)) {
      String reference = "organization_verification:" + v.getId();
      if (v.getOutcome() == OrganizationVerification.Outcome.NOT_LISTED) {
        entries.add(
            new TimelineEntry(
                v.getRecordedAt(), TimelineKind.ORGANIZATION_VERIFIED, v.getOfficer(),
                "Organization not listed in the directory; registry certificate requested (" + v.getBrSection() + ")",
                reference));
        continue;
      }
      if (v.getMethod() == OrganizationVerification.Method.REGISTRY_CERTIFICATE
          || v.getMethod() == OrganizationVerification.Method.STAFF_DIRECTORY) {
        entries.add(
            new TimelineEntry(
                v.getRecordedAt(), TimelineKind.ORGANIZATION_RECORDED, v.getOfficer(),
                "Organization recorded in the directory as record #" + v.getEntryId() + " from " + v.getSource(),
                "organization_directory_entry:" + v.getEntryId()));
      }
      String how =
          switch (v.getMethod()) {
            case CORPORATE_NUMBER -> "found by corporate number, confirmed";
            case NAME -> "found by name, confirmed";
            case REGISTRY_CERTIFICATE -> "verified from the registry certificate";
            case STAFF_DIRECTORY -> "verified from the 職員録 (government body)";
            case REUSED -> "earlier verification reused (BR 4.2.1, verified " + v.getVerifiedAt() + " by " + v.getOfficer() + ")";
          };
      entries.add(
          new TimelineEntry(
              v.getRecordedAt(), TimelineKind.ORGANIZATION_VERIFIED,
              v.getMethod() == OrganizationVerification.Method.REUSED ? TimelineEntry.SYSTEM : v.getOfficer(),
              "Organization " + how + ": directory record #" + v.getEntryId() + ", source " + v.getSource()
                  + " (" + v.getSourceDate() + "), " + v.getBrSection(),
              reference));
      for (OrganizationCheck check : checks.findByVerificationIdOrderByIdAsc(v.getId())) {
        entries.add(
            new TimelineEntry(
                v.getRecordedAt(), TimelineKind.ORGANIZATION_CHECK,
                v.getMethod() == OrganizationVerification.Method.REUSED ? TimelineEntry.SYSTEM : v.getOfficer(),
                check.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + check.getGuideline() + "): "
                    + check.getBasis(),
                reference));
      }
      if (v.getSubjectComparedAt() != null) {
        entries.add(
            new TimelineEntry(
                v.getSubjectComparedAt(), TimelineKind.SUBJECT_COMPARED, TimelineEntry.SYSTEM,
                Boolean.TRUE.equals(v.getSubjectAgrees())
                    ? "Certificate subject agrees with directory record #" + v.getEntryId()
                    : "Certificate subject differs from directory record #" + v.getEntryId() + ": " + v.getSubjectFinding(),
                reference));
      }
    }
    return entries;
  }
}
