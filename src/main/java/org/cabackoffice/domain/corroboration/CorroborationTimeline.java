package org.cabackoffice.domain.corroboration;

import java.util.List;
import java.util.stream.Collectors;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's multi-perspective corroborations on its timeline (BR 5.4.1 items 7 and 8):
 * what was corroborated, the quorum ("4/5"), and each perspective's id, region and result. Right
 * after the domain stage's own evidence, which the corroboration follows.
 */
@Component
@Order(TimelineOrder.DOMAIN + 1)
class CorroborationTimeline implements TimelineContributor {

  private final CorroborationRepository corroborations;
  private final PerspectiveAttemptRepository attempts;

  CorroborationTimeline(CorroborationRepository corroborations, PerspectiveAttemptRepository attempts) {
    this.corroborations = corroborations;
    this.attempts = attempts;
  }

  @Override
  @Transactional(readOnly = true)
  public List<TimelineEntry> entriesOf(long applicationId) {
    return corroborations.findByApplicationIdOrderByIdAsc(applicationId).stream()
        .map(c -> entry(c, attempts.findByCorroborationIdOrderByIdAsc(c.getId())))
        .toList();
  }

  static TimelineEntry entry(Corroboration c, List<PerspectiveAttempt> attempts) {
    String what =
        c.getSubject() == Corroboration.Subject.CAA
            ? "CAA for " + String.join(", ", c.getDnsNames())
            : c.getDnsNames().stream().allMatch(n -> n.startsWith("http://"))
                ? "website file " + String.join(", ", c.getDnsNames())
                : "DNS change record " + String.join(", ", c.getDnsNames());
    String outcome = c.outcome();
    String perspectives =
        attempts.isEmpty()
            ? ""
            : ": " + attempts.stream()
                .map(a -> a.getPerspectiveId() + " " + a.getRegion() + " " + a.getVerdict())
                .collect(Collectors.joining(", "));
    return new TimelineEntry(
        c.getCheckedAt(),
        TimelineKind.MPIC_CORROBORATION,
        TimelineEntry.SYSTEM,
        "Multi-perspective corroboration of " + what + ": " + outcome + perspectives,
        "mpic_corroboration:" + c.getId());
  }
}
