package org.cabackoffice.verification;

import java.util.List;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Says on the timeline when the technical contact was phoned instead of the absent responsible
 * person (guide [4]), and on what basis: the call's own entry names the person spoken to, not
 * whether they were the one the guide calls.
 */
@Component
class PhoneStandInTimeline implements TimelineContributor {

  private final PhoneVerificationRepository calls;

  PhoneStandInTimeline(PhoneVerificationRepository calls) {
    this.calls = calls;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesOf(long applicationId) {
    return calls.findByApplicationIdOrderByIdAsc(applicationId).stream()
        .filter(v -> v.getPhonedPerson() == PhonedPerson.TECHNICAL_CONTACT)
        .map(PhoneStandInTimeline::entry)
        .toList();
  }

  static TimelineEntry entry(PhoneVerification v) {
    StringBuilder s =
        new StringBuilder("Technical contact phoned instead of the absent responsible person");
    if (v.getSpokeWith() != null && !v.getSpokeWith().isBlank()) {
      s.append(" (").append(v.getSpokeWith().strip()).append(')');
    }
    s.append(", ")
        .append(v.getOutcome())
        .append(", at ")
        .append(v.getCalledNumber() == null ? "(no number)" : v.getCalledNumber());
    if (v.getDirectorySource() != null) {
      s.append(" from ").append(v.getDirectorySource());
    }
    s.append("; employed by the applicant: ")
        .append(v.getEmploymentBasis() == null ? "(no basis recorded)" : v.getEmploymentBasis().description());
    if (v.getEmploymentBasisNote() != null && !v.getEmploymentBasisNote().isBlank()) {
      s.append(" (").append(v.getEmploymentBasisNote().strip()).append(')');
    }
    if (v.getReusedFrom() != null) {
      s.append("; reused from phone verification #").append(v.getReusedFrom());
    }
    return new TimelineEntry(
        v.getVerifiedAt(),
        TimelineKind.PHONE_VERIFICATION_STAND_IN,
        v.getOfficer(),
        s.toString(),
        "phone_verification:" + v.getId());
  }
}
