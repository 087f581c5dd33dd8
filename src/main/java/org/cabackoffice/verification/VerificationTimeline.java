package org.cabackoffice.verification;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Phone verification and the second officer's decision (guide [4], EV Guidelines 5.2.4): who was
 * called on which number from which directory, and who approved or refused issuance.
 */
@Component
@Order(TimelineOrder.VERIFICATION)
class VerificationTimeline implements TimelineContributor {

  private final PhoneVerificationRepository phoneCalls;
  private final IssuanceApprovalRepository approvals;

  VerificationTimeline(PhoneVerificationRepository phoneCalls, IssuanceApprovalRepository approvals) {
    this.phoneCalls = phoneCalls;
    this.approvals = approvals;
  }

  @Override
  public List<TimelineEntry> entriesOf(long applicationId) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (PhoneVerification v : phoneCalls.findByApplicationIdOrderByIdAsc(applicationId)) {
      entries.add(phoneCall(v));
    }
    for (IssuanceApproval a : approvals.findByApplicationIdOrderByIdAsc(applicationId)) {
      entries.add(
          new TimelineEntry(
              a.getDecidedAt(),
              TimelineKind.ISSUANCE_DECISION,
              a.getApprover(),
              (a.isApproved() ? "Issuance approved" : "Issuance refused") + TimelineEntry.note(a.getNote()),
              "issuance_approval:" + a.getId()));
    }
    return entries;
  }

  private static TimelineEntry phoneCall(PhoneVerification v) {
    StringBuilder s =
        new StringBuilder("Phone verification ")
            .append(v.getOutcome())
            .append(": called ")
            .append(v.getCalledNumber() == null ? "(no number)" : v.getCalledNumber());
    if (v.getDirectorySource() != null) {
      s.append(" from ").append(v.getDirectorySource());
    }
    if (v.getSpokeWith() != null && !v.getSpokeWith().isBlank()) {
      s.append(", spoke with ").append(v.getSpokeWith());
    }
    s.append(TimelineEntry.note(v.getNote()));
    return new TimelineEntry(
        v.getVerifiedAt(),
        TimelineKind.PHONE_VERIFICATION,
        v.getOfficer(),
        s.toString(),
        "phone_verification:" + v.getId());
  }
}
