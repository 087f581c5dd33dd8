package org.cabackoffice.automationtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the automation test certificate is due again (Chrome Root Program policy 1.8: at least every 30 days). */
class AutomationTestRunsTest {

  static final Instant NOW = Instant.parse("2027-02-01T00:00:00Z");
  static final AutomationTestProperties PROPERTIES = new AutomationTestProperties(
      true, "test.example.jp", "ops@example.jp", Duration.ofDays(7), Duration.ofHours(1), null, null, null, null, null, null);
  final AutomationTestRuns runs =
      new AutomationTestRuns(mock(AutomationTestRunRepository.class), PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

  private static AutomationTestRun finished(Instant at, boolean success) {
    AutomationTestRun run = new AutomationTestRun("test.example.jp", AutomationTestRun.SCHEDULE, at.minusSeconds(30));
    if (success) {
      run.succeeded("0abc", at.plus(Duration.ofDays(90)), "http://127.0.0.1/acme/account/1", at);
    } else {
      run.failed("urn:ietf:params:acme:error:connection could not fetch", null, at);
    }
    return run;
  }

  @Test
  void nothingRenewedYetIsDueNow() {
    assertThat(runs.nextDue(Optional.empty(), Optional.empty())).isEqualTo(NOW);
  }

  @Test
  void aSuccessIsFollowedByTheNextRenewalAfterRenewEvery() {
    Instant success = NOW.minus(Duration.ofDays(2));
    assertThat(runs.nextDue(Optional.of(finished(success, true)), Optional.empty()))
        .isEqualTo(success.plus(Duration.ofDays(7)));
  }

  @Test
  void aFailureIsRetriedAfterRetryAfterEvenWhenTheLastSuccessIsRecent() {
    Instant failure = NOW.minus(Duration.ofMinutes(10));
    assertThat(runs.nextDue(Optional.of(finished(NOW.minus(Duration.ofDays(1)), true)), Optional.of(finished(failure, false))))
        .isEqualTo(failure.plus(Duration.ofHours(1)));
  }

  @Test
  void anIntervalOverThirtyDaysOrAnEnabledTestWithoutDomainIsAConfigurationError() {
    assertThatThrownBy(() -> new AutomationTestProperties(
            true, "test.example.jp", "ops@example.jp", Duration.ofDays(31), null, null, null, null, null, null, null))
        .hasMessageContaining("30 days");
    assertThatThrownBy(() -> new AutomationTestProperties(
            true, null, "ops@example.jp", null, null, null, null, null, null, null, null))
        .hasMessageContaining("domain");
  }
}
