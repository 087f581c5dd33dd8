package org.cabackoffice.domain.corroboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cabackoffice.domain.corroboration.PerspectiveResult.Verdict;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.junit.jupiter.api.Test;

class CorroborationTimelineTest {

  private static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");

  @Test
  void aCorroborationShowsItsQuorumAndEveryPerspective() {
    Corroboration c =
        new Corroboration(
            7L, AT, Corroboration.Subject.DOMAIN_CONTROL, List.of("_pki-validation.sample.co.jp"),
            CorroborationSchedule.FROM_2026_06_15, "3/5", false, true, "quorum NOT met", null);

    TimelineEntry entry =
        CorroborationTimeline.entry(
            c,
            List.of(
                new PerspectiveAttempt(1, new PerspectiveResult("tokyo-1", RirRegion.APNIC, Verdict.CORROBORATED, "ok", "SECURE")),
                new PerspectiveAttempt(1, new PerspectiveResult("saopaulo-1", RirRegion.LACNIC, Verdict.NOT_CORROBORATED, "no TXT", null))));

    assertThat(entry.kind()).isEqualTo(TimelineKind.MPIC_CORROBORATION);
    assertThat(entry.actor()).isEqualTo(TimelineEntry.SYSTEM);
    assertThat(entry.summary())
        .isEqualTo(
            "Multi-perspective corroboration of DNS change record _pki-validation.sample.co.jp: quorum 3/5 NOT met"
                + " (at least 4 perspectives required): tokyo-1 APNIC CORROBORATED, saopaulo-1 LACNIC NOT_CORROBORATED");
  }

  @Test
  void thePrivateCaSaysCorroborationIsOffInsteadOfStayingSilent() {
    Corroboration off =
        new Corroboration(
            7L, AT, Corroboration.Subject.CAA, List.of("www.sample.co.jp"), CorroborationSchedule.FROM_2026_06_15,
            "0/0", false, false, "not corroborated: off", null);

    assertThat(CorroborationTimeline.entry(off, List.of()).summary())
        .isEqualTo(
            "Multi-perspective corroboration of CAA for www.sample.co.jp: not corroborated, multi-perspective"
                + " corroboration is off (private CA)");
  }

  @Test
  void reusedCaaEvidenceNamesTheCorroborationItRelidOn() {
    Corroboration reused =
        new Corroboration(
            8L, AT, Corroboration.Subject.CAA, List.of("shop.sample.co.jp"), CorroborationSchedule.FROM_2026_06_15,
            "5/5", true, true, "reused", 41L);

    assertThat(CorroborationTimeline.entry(reused, List.of()).summary())
        .endsWith("CAA for shop.sample.co.jp: quorum 5/5 reused from mpic_corroboration:41");
  }
}
