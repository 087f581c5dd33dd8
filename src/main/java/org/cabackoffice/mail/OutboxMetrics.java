package org.cabackoffice.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code backoffice_outbox_mails{status=…}}: the outbox by status. PENDING and SENDING are the
 * backlog; FAILED are mails that gave up and wait for operations (POST .../retry); both read
 * from the table at each scrape, so they hold for the whole cluster.
 */
@Component
class OutboxMetrics implements MeterBinder {

  private final OutboxMailRepository outbox;

  OutboxMetrics(OutboxMailRepository outbox) {
    this.outbox = outbox;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OutboxStatus status : OutboxStatus.values()) {
      Gauge.builder("backoffice.outbox.mails", outbox, o -> o.countByStatus(status))
          .description("Mails in the outbox by status (PENDING and SENDING are the backlog)")
          .tag("status", status.name())
          .register(registry);
    }
  }
}
