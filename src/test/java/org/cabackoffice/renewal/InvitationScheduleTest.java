package org.cabackoffice.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvitationScheduleTest {

  private static final Instant ISSUED = Instant.parse("2026-01-10T00:00:00Z");
  private final InvitationSchedule schedule =
      new InvitationSchedule(List.of(Duration.ofDays(14), Duration.ofDays(60), Duration.ofDays(30)));

  private static Instant days(Instant from, double days) {
    return from.plusSeconds((long) (days * 86400));
  }

  @Test
  void aYearLongCertificateIsInvitedSixtyThirtyAndFourteenDaysBeforeExpiry() {
    Instant expiry = ISSUED.plus(Duration.ofDays(398));
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -61))).isEmpty();
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -60)).orElseThrow().number()).isEqualTo(1);
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -31)).orElseThrow().number()).isEqualTo(1);
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -30)).orElseThrow().number()).isEqualTo(2);
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -1)).orElseThrow().number()).isEqualTo(3);
    assertThat(schedule.longestLeadTime()).isEqualTo(Duration.ofDays(60));
  }

  @Test
  void aMissedInvitationIsNotSentLateOnceALaterOneIsDue() {
    Instant expiry = ISSUED.plus(Duration.ofDays(398));
    InvitationSchedule.Invitation due = schedule.due(ISSUED, expiry, days(expiry, -10)).orElseThrow();
    assertThat(due.number()).isEqualTo(3);
    assertThat(due.leadTime()).isEqualTo(Duration.ofDays(14));
  }

  @Test
  void shorterLifetimesUnderSc081GetProportionallyShorterLeadTimes() {
    // 100 days (from 2027-03-15): 60/30/14 become about 15, 7.5 and 3.5 days.
    Instant expiry = ISSUED.plus(Duration.ofDays(100));
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -16))).isEmpty();
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -15)).orElseThrow().number()).isEqualTo(1);
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -7)).orElseThrow().number()).isEqualTo(2);
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -3)).orElseThrow().number()).isEqualTo(3);
  }

  @Test
  void noInvitationBeforeTheRenewalWindowOpensOrAfterExpiry() {
    // 47 days (from 2029-03-15): renewal opens 30 days after issuance, 17 days before expiry;
    // the first scaled lead time (about 7 days) falls after that, so it is sent.
    Instant expiry = ISSUED.plus(Duration.ofDays(47));
    assertThat(schedule.due(ISSUED, expiry, days(ISSUED, 29))).isEmpty();
    assertThat(schedule.due(ISSUED, expiry, days(expiry, -7)).orElseThrow().number()).isEqualTo(1);
    assertThat(schedule.due(ISSUED, expiry, expiry)).isEmpty();
    assertThat(schedule.due(ISSUED, expiry, days(expiry, 1))).isEmpty();
    // A 20-day certificate's window opens after it expires: never invited.
    Instant shortExpiry = ISSUED.plus(Duration.ofDays(20));
    assertThat(schedule.due(ISSUED, shortExpiry, days(shortExpiry, -1))).isEmpty();
  }

  @Test
  void leadTimesMustBePositive() {
    assertThatThrownBy(() -> new InvitationSchedule(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new InvitationSchedule(List.of(Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
