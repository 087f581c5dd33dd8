package org.cabackoffice.payment;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The timer that looks again for payments no process took ({@link Payments#tellUnheard}). Every
 * node runs it: a process hears a payment once, since the message ends its wait.
 */
@Component
class UnheardPaymentsLook {

  private final Payments payments;
  private final Clock clock;
  private final Duration lookBack;

  UnheardPaymentsLook(
      Payments payments,
      Clock clock,
      @Value("${backoffice.payment.unheard-look-back:P7D}") Duration lookBack) {
    this.payments = payments;
    this.clock = clock;
    this.lookBack = lookBack;
  }

  @Scheduled(
      fixedDelayString = "${backoffice.payment.unheard-look-interval:30s}",
      initialDelayString = "${backoffice.payment.unheard-look-interval:30s}")
  void lookAgain() {
    payments.tellUnheard(clock.instant().minus(lookBack));
  }
}
