package org.cabackoffice.automationtest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The timer of the automation test: each {@code check-interval} every node looks whether a renewal
 * is due ({@code renew-every} after the last success, {@code retry-after} after a failure); the
 * record of a running attempt keeps a second node from starting another.
 */
@Component
@ConditionalOnProperty(name = "backoffice.automation-test.enabled", havingValue = "true")
class AutomationTestSchedule {

  private final AutomationTestRenewal renewal;

  AutomationTestSchedule(AutomationTestRenewal renewal) {
    this.renewal = renewal;
  }

  @Scheduled(
      fixedDelayString = "${backoffice.automation-test.check-interval:PT10M}",
      initialDelayString = "${backoffice.automation-test.initial-delay:PT2M}")
  void check() {
    renewal.startIfDue();
  }
}
