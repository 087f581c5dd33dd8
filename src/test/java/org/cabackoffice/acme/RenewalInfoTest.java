package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ARI's suggested window (RFC 9773 4.2), and how an approved revocation plan (SC-089) moves it. */
class RenewalInfoTest {

  static final Instant NOT_BEFORE = Instant.parse("2027-01-01T00:00:00Z");
  static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(90));
  static final RenewalInfo.Window USUAL = RenewalInfo.window(NOT_BEFORE, NOT_AFTER);

  @Test
  void withoutAPlanTheWindowIsTheLifetimesFifthSixthBeforeItsEnd() {
    assertThat(USUAL.start()).isEqualTo(NOT_BEFORE.plus(Duration.ofDays(60)));
    assertThat(USUAL.end()).isEqualTo(NOT_BEFORE.plus(Duration.ofDays(75)));
    assertThat(USUAL.explanation()).isNull();
  }

  @Test
  void aPlannedRevocationBeforeTheWindowMovesItToEndADayBeforeTheRevocation() {
    Instant approved = NOT_BEFORE.plus(Duration.ofDays(10));
    Instant revocation = NOT_BEFORE.plus(Duration.ofDays(20));

    RenewalInfo.Window moved = RenewalInfo.beforePlannedRevocation(USUAL, revocation, approved, "/public/revocation-plans/7");

    assertThat(moved.start()).isEqualTo(approved);
    assertThat(moved.end()).isEqualTo(revocation.minus(Duration.ofDays(1))).isBefore(USUAL.start());
    assertThat(moved.explanation()).isEqualTo("/public/revocation-plans/7");
  }

  @Test
  void aPlanLeavingLessThanADayEndsTheWindowAtTheRevocationItself() {
    Instant approved = NOT_BEFORE.plus(Duration.ofDays(10));
    Instant revocation = approved.plus(Duration.ofHours(6));

    RenewalInfo.Window moved = RenewalInfo.beforePlannedRevocation(USUAL, revocation, approved, "/x");

    assertThat(moved.start()).isEqualTo(approved);
    assertThat(moved.end()).isEqualTo(revocation);
  }

  @Test
  void aPlanInsideTheUsualWindowKeepsItsStartAndEndsEarlier() {
    Instant approved = NOT_BEFORE.plus(Duration.ofDays(62));
    Instant revocation = NOT_BEFORE.plus(Duration.ofDays(70));

    RenewalInfo.Window moved = RenewalInfo.beforePlannedRevocation(USUAL, revocation, approved, "/x");

    assertThat(moved.start()).isEqualTo(USUAL.start());
    assertThat(moved.end()).isEqualTo(revocation.minus(Duration.ofDays(1)));
  }

  @Test
  void aPlanAfterTheUsualWindowChangesNothing() {
    RenewalInfo.Window same = RenewalInfo.beforePlannedRevocation(
        USUAL, NOT_BEFORE.plus(Duration.ofDays(80)), NOT_BEFORE.plus(Duration.ofDays(5)), "/x");

    assertThat(same).isEqualTo(USUAL);
  }
}
