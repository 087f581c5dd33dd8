package org.cabackoffice.domain.corroboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.domain.corroboration.PerspectiveResult.Verdict;
import org.junit.jupiter.api.Test;

class QuorumTest {

  private static final CorroborationSchedule FIVE = CorroborationSchedule.FROM_2026_12_15;
  private static final CorroborationSchedule FOUR = CorroborationSchedule.FROM_2026_06_15;

  private static PerspectiveResult yes(String id, RirRegion region) {
    return new PerspectiveResult(id, region, Verdict.CORROBORATED, "carries the random value", "SECURE");
  }

  private static PerspectiveResult no(String id, RirRegion region) {
    return new PerspectiveResult(id, region, Verdict.NOT_CORROBORATED, "no TXT record", "SECURE");
  }

  private static PerspectiveResult silent(String id, RirRegion region) {
    return new PerspectiveResult(id, region, Verdict.NO_ANSWER, "no answer within 10000 ms", null);
  }

  @Test
  void fiveOfFiveInTwoRegionsIsMet() {
    Quorum quorum =
        Quorum.of(
            List.of(
                yes("a", RirRegion.ARIN), yes("b", RirRegion.ARIN), yes("c", RirRegion.RIPE_NCC),
                yes("d", RirRegion.APNIC), yes("e", RirRegion.APNIC)),
            FIVE);

    assertThat(quorum.met()).isTrue();
    assertThat(quorum.ratio()).isEqualTo("5/5");
    assertThat(quorum.permitsIssuance()).isTrue();
  }

  @Test
  void withTwoToFivePerspectivesOneMayDisagree() {
    List<PerspectiveResult> results =
        List.of(
            yes("a", RirRegion.ARIN), yes("b", RirRegion.RIPE_NCC), yes("c", RirRegion.APNIC),
            yes("d", RirRegion.APNIC), no("e", RirRegion.LACNIC));

    Quorum quorum = Quorum.of(results, FIVE);

    assertThat(quorum.met()).isTrue();
    assertThat(quorum.ratio()).isEqualTo("4/5");
    assertThat(quorum.reason()).contains("not corroborated by e (LACNIC, NOT_CORROBORATED");
  }

  @Test
  void withFivePerspectivesTwoDisagreeingFailAndAreNamed() {
    List<PerspectiveResult> results =
        List.of(
            yes("a", RirRegion.ARIN), yes("b", RirRegion.RIPE_NCC), yes("c", RirRegion.APNIC),
            no("tokyo-2", RirRegion.APNIC), silent("frankfurt-1", RirRegion.RIPE_NCC));

    Quorum quorum = Quorum.of(results, FIVE);

    assertThat(quorum.met()).isFalse();
    assertThat(quorum.permitsIssuance()).isFalse();
    assertThat(quorum.ratio()).isEqualTo("3/5");
    assertThat(quorum.reason())
        .contains("2 non-corroborations, at most 1 allowed with 5 perspectives")
        .contains("tokyo-2 (APNIC, NOT_CORROBORATED: no TXT record)")
        .contains("frankfurt-1 (RIPE_NCC, NO_ANSWER: no answer within 10000 ms)");
  }

  @Test
  void withSixOrMorePerspectivesTwoMayDisagreeButNotThree() {
    List<PerspectiveResult> results = new ArrayList<>(List.of(
        yes("a", RirRegion.ARIN), yes("b", RirRegion.RIPE_NCC), yes("c", RirRegion.APNIC),
        yes("d", RirRegion.APNIC), no("e", RirRegion.LACNIC), silent("f", RirRegion.AFRINIC)));

    assertThat(Quorum.of(results, FIVE).met()).isTrue();
    assertThat(Quorum.of(results, FIVE).ratio()).isEqualTo("4/6");

    results.set(3, no("d", RirRegion.APNIC));
    Quorum three = Quorum.of(results, FIVE);
    assertThat(three.met()).isFalse();
    assertThat(three.reason()).contains("3 non-corroborations, at most 2 allowed with 6 perspectives");
  }

  @Test
  void twoPerspectivesAllowOneNonCorroboration() {
    // The table's lower bound: 2–5 perspectives, 1 allowed (the phase of 2025-09-15 asked for 2).
    CorroborationSchedule two = CorroborationSchedule.FROM_2025_09_15;
    assertThat(Quorum.of(List.of(yes("a", RirRegion.ARIN), no("b", RirRegion.ARIN)), two).met()).isTrue();
    assertThat(Quorum.of(List.of(no("a", RirRegion.ARIN), no("b", RirRegion.ARIN)), two).met()).isFalse();
  }

  @Test
  void corroboratingPerspectivesAllInOneRegionFailFrom20260315() {
    List<PerspectiveResult> results =
        List.of(yes("a", RirRegion.ARIN), yes("b", RirRegion.ARIN), yes("c", RirRegion.ARIN), no("d", RirRegion.APNIC));

    Quorum quorum = Quorum.of(results, FOUR);

    assertThat(quorum.met()).isFalse();
    assertThat(quorum.reason()).contains("all within one RIR region (ARIN)").contains("at least 2 distinct RIR regions");
    // Before 2026-03-15 region diversity was not asked.
    assertThat(Quorum.of(results, CorroborationSchedule.FROM_2025_09_15).met()).isTrue();
  }

  @Test
  void aDisagreeingPerspectiveInAnotherRegionDoesNotMakeTheCorroborationDiverse() {
    // BR 3.2.2.9: it is the perspectives that corroborate that must span two regions.
    List<PerspectiveResult> results =
        List.of(
            yes("a", RirRegion.ARIN), yes("b", RirRegion.ARIN), yes("c", RirRegion.ARIN),
            yes("d", RirRegion.ARIN), no("e", RirRegion.RIPE_NCC));

    assertThat(Quorum.of(results, FIVE).met()).isFalse();
  }

  @Test
  void fewerPerspectivesThanThePhaseAsksForFailEvenWhenAllAgree() {
    List<PerspectiveResult> four =
        List.of(yes("a", RirRegion.ARIN), yes("b", RirRegion.RIPE_NCC), yes("c", RirRegion.APNIC), yes("d", RirRegion.APNIC));

    assertThat(Quorum.of(four, FOUR).met()).isTrue();
    Quorum fromDecember = Quorum.of(four, FIVE);
    assertThat(fromDecember.met()).isFalse();
    assertThat(fromDecember.ratio()).isEqualTo("4/4");
    assertThat(fromDecember.reason()).contains("4 remote perspective(s) used, at least 5 required from 2026-12-15");
  }

  @Test
  void beforeTheQuorumWasEnforcedAFailedQuorumIsRecordedButDoesNotStopIssuance() {
    // 2025-03-15 to 2025-09-14: "The CA MAY proceed with certificate issuance" whatever the count.
    Quorum quorum =
        Quorum.of(List.of(no("a", RirRegion.ARIN), no("b", RirRegion.RIPE_NCC)), CorroborationSchedule.FROM_2025_03_15);

    assertThat(quorum.met()).isFalse();
    assertThat(quorum.enforced()).isFalse();
    assertThat(quorum.permitsIssuance()).isTrue();
  }
}
