package org.cabackoffice.security;

import java.util.List;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** What staff tried on the application and the rules refused: who, what, why (BR 5.4.1). */
@Component
@Order(TimelineOrder.REFUSED_ATTEMPTS)
class RefusedAttemptsTimeline implements TimelineContributor {

  private final RefusedAttempts refusedAttempts;

  RefusedAttemptsTimeline(RefusedAttempts refusedAttempts) {
    this.refusedAttempts = refusedAttempts;
  }

  @Override
  public List<TimelineEntry> entriesOf(long applicationId) {
    return refusedAttempts.of(applicationId).stream()
        .map(
            r ->
                new TimelineEntry(
                    r.getAttemptedAt(),
                    TimelineKind.REFUSED_ATTEMPT,
                    r.getActor(),
                    "Refused: " + r.getAttempted() + " — " + r.getReason(),
                    "refused_attempt:" + r.getId()))
        .toList();
  }
}
