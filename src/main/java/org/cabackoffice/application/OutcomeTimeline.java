package org.cabackoffice.application;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What became of the application as a whole: its refusal, and a missed service level. After the
 * stages' own entries, since a stage's finding is what a refusal of the same moment rests on.
 */
@Component
@Order(TimelineOrder.OUTCOME)
class OutcomeTimeline implements TimelineContributor {

  private final ApplicationRepository applications;

  OutcomeTimeline(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  public List<TimelineEntry> entriesOf(long applicationId) {
    return applications.findById(applicationId).map(OutcomeTimeline::entries).orElse(List.of());
  }

  static List<TimelineEntry> entries(Application a) {
    List<TimelineEntry> entries = new ArrayList<>();
    if (a.getStatus() == ApplicationStatus.REJECTED && a.getDecidedAt() != null) {
      entries.add(refusal(a));
    }
    if (a.getServiceLevelMissedAt() != null) {
      entries.add(
          new TimelineEntry(
              a.getServiceLevelMissedAt(),
              TimelineKind.SERVICE_LEVEL_MISSED,
              TimelineEntry.SYSTEM,
              "Service level missed ("
                  + (a.isExpress() ? "express: same business day" : "3 business days")
                  + ")",
              "application:" + a.getId()));
    }
    return entries;
  }

  private static TimelineEntry refusal(Application a) {
    String code = a.getRejectionCode();
    String reason = a.getRejectionReason() == null ? "" : a.getRejectionReason();
    // The stored reason is "Japanese / English[: detail]"; the timeline is in English.
    for (RejectionReason known : RejectionReason.values()) {
      String japanese = known.messageJa() + " / ";
      if (known.name().equals(code) && reason.startsWith(japanese)) {
        reason = reason.substring(japanese.length());
      }
    }
    return new TimelineEntry(
        a.getDecidedAt(),
        TimelineKind.APPLICATION_REFUSED,
        TimelineEntry.SYSTEM,
        "Application refused (" + code + "): " + reason,
        "application:" + a.getId());
  }
}
