package org.cabackoffice.audit;

import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationTimelineTest {

  static final Instant T = Instant.parse("2026-11-20T01:00:00Z");

  static TimelineEntry entry(Instant at, TimelineKind kind, String summary) {
    return new TimelineEntry(at, kind, null, summary, "test:" + summary);
  }

  @Test
  void mergesSourcesByTime() {
    List<TimelineEntry> engine =
        List.of(
            entry(T, TimelineKind.PROCESS_STARTED, "start"),
            entry(T.plusSeconds(10), TimelineKind.ACTIVITY_STARTED, "phone task"),
            entry(T.plusSeconds(30), TimelineKind.PROCESS_ENDED, "end"));
    List<TimelineEntry> evidence =
        List.of(
            entry(T.plusSeconds(5), TimelineKind.REGISTRANT_LOOKUP, "whois"),
            entry(T.plusSeconds(20), TimelineKind.PHONE_VERIFICATION, "call"),
            entry(T.minusSeconds(1), TimelineKind.APPLICATION_SUBMITTED, "submitted"));

    ApplicationTimeline timeline = ApplicationTimeline.of(7, engine, evidence);

    assertThat(timeline.applicationId()).isEqualTo(7);
    assertThat(timeline.entries())
        .extracting(TimelineEntry::summary)
        .containsExactly("submitted", "start", "whois", "phone task", "call", "end");
  }

  @Test
  void entriesOfTheSameMillisecondKeepSourceOrderThenTheirOrderWithinTheSource() {
    // Evidence written inside an activity carries microseconds; the engine's history does not.
    Instant withMicros = T.plusNanos(123_456_000);
    Instant millis = T.plusMillis(123);
    List<TimelineEntry> engine =
        List.of(
            entry(millis, TimelineKind.ACTIVITY_STARTED, "sign started"),
            entry(millis, TimelineKind.ACTIVITY_COMPLETED, "sign completed"));
    List<TimelineEntry> evidence =
        List.of(
            entry(withMicros, TimelineKind.CERTIFICATE_ISSUED, "certificate"),
            entry(millis, TimelineKind.MAIL_QUEUED, "mail"));

    List<TimelineEntry> merged = ApplicationTimeline.of(1, engine, evidence).entries();

    assertThat(merged)
        .extracting(TimelineEntry::summary)
        .containsExactly("sign started", "sign completed", "certificate", "mail");
    assertThat(merged.get(2).at()).isEqualTo(millis);
  }

  @Test
  void anEmptyHistoryGivesTheEvidenceAlone() {
    List<TimelineEntry> evidence = List.of(entry(T, TimelineKind.APPLICATION_SUBMITTED, "submitted"));
    assertThat(ApplicationTimeline.of(1, List.of(), evidence).entries()).hasSize(1);
    assertThat(ApplicationTimeline.of(1).entries()).isEmpty();
  }

  @Test
  void theTimelineCannotBeChangedAfterwards() {
    ApplicationTimeline timeline = ApplicationTimeline.of(1, List.of(entry(T, TimelineKind.MAIL_SENT, "m")));
    assertThatThrownBy(() -> timeline.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEntryIsOneLineAndNamesAnActor() {
    TimelineEntry e =
        new TimelineEntry(T, TimelineKind.DOCUMENTS_REVIEWED, " ", "Accepted:\r\n  registry\tcertificate\nok ", "x:1");
    assertThat(e.summary()).isEqualTo("Accepted: / registry certificate / ok");
    assertThat(e.actor()).isEqualTo(TimelineEntry.SYSTEM);
  }

  @Test
  void anEntryNeedsATimeAndAKind() {
    assertThatThrownBy(() -> new TimelineEntry(null, TimelineKind.MAIL_SENT, null, "s", "r"))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TimelineEntry(T, null, null, "s", "r"))
        .isInstanceOf(NullPointerException.class);
  }
}
