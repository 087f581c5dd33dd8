package org.cabackoffice.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The timer that drives {@link OutboxDispatcher}. A bean of its own so that {@code
 * backoffice.mail.dispatcher.enabled=false} removes the timer while the dispatcher stays usable
 * (tests dispatch synchronously). Every node runs it; the claims keep them from sending twice.
 */
@Component
@ConditionalOnProperty(
    name = "backoffice.mail.dispatcher.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class OutboxDispatchSchedule {

  private final OutboxDispatcher dispatcher;

  public OutboxDispatchSchedule(OutboxDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(
      fixedDelayString = "${backoffice.mail.dispatch-interval:2s}",
      initialDelayString = "${backoffice.mail.dispatch-interval:2s}")
  public void dispatch() {
    dispatcher.dispatchDue();
  }
}
