package org.cabackoffice.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.annotation.Order;

/** The timeline is what the features contribute; audit knows none of their tables. */
class ApplicationTimelinesTest {

  static final Instant T = Instant.parse("2026-11-20T01:00:00.123Z");

  /** A feature recording something an instant after the engine's step, and something at the same millisecond. */
  @Order(20)
  static class PaymentLikeFeature implements TimelineContributor {
    @Override
    public List<TimelineEntry> entriesOf(long applicationId) {
      return applicationId != 7
          ? List.of()
          : List.of(
              new TimelineEntry(T.plusSeconds(60), TimelineKind.PAYMENT_RECORDED, "officer", "paid", "payment:1"),
              new TimelineEntry(T, TimelineKind.INVOICE_ISSUED, null, "invoiced", "invoice:1"));
    }
  }

  @Order(10)
  static class DomainLikeFeature implements TimelineContributor {
    @Override
    public List<TimelineEntry> entriesOf(long applicationId) {
      return List.of(new TimelineEntry(T, TimelineKind.DNS_CHECK, null, "dns checked", "dns_check_evidence:1"));
    }
  }

  AnnotationConfigApplicationContext features;
  Applications applications = mock(Applications.class);
  ProcessHistory engine =
      id -> List.of(new TimelineEntry(T, TimelineKind.ACTIVITY_STARTED, null, "activity started", "x:1"));

  @BeforeEach
  void features() {
    // Registered against their order, so only @Order can put the domain first.
    features = new AnnotationConfigApplicationContext(PaymentLikeFeature.class, DomainLikeFeature.class);
  }

  @AfterEach
  void close() {
    features.close();
  }

  ApplicationTimelines timelines() {
    return new ApplicationTimelines(applications, engine, features.getBeanProvider(TimelineContributor.class));
  }

  @Test
  void aFeaturesEntriesAppearInTheTimelineMergedWithTheEnginesByTime() {
    List<TimelineEntry> entries = timelines().of(7).entries();

    assertThat(entries)
        .extracting(TimelineEntry::summary)
        .containsExactly("activity started", "dns checked", "invoiced", "paid");
    assertThat(entries.get(3).actor()).isEqualTo("officer");
    assertThat(entries.get(3).reference()).isEqualTo("payment:1");
  }

  @Test
  void eachFeatureAnswersForItsOwnApplicationOnly() {
    assertThat(timelines().of(8).entries())
        .extracting(TimelineEntry::summary)
        .containsExactly("activity started", "dns checked");
  }

  @Test
  void anUnknownApplicationHasNoTimeline() {
    when(applications.get(9)).thenThrow(new ApplicationNotFoundException(9));
    assertThatThrownBy(() -> timelines().of(9)).isInstanceOf(ApplicationNotFoundException.class);
  }
}
