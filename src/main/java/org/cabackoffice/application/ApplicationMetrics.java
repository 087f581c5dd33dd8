package org.cabackoffice.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code backoffice_applications{status=…}}: applications by outcome (in progress, issued,
 * rejected), read from the database at each scrape, so every node reports the same totals.
 * Where the open ones are is {@code backoffice_applications_at_stage} (the process's metrics).
 */
@Component
class ApplicationMetrics implements MeterBinder {

  private final ApplicationRepository applications;

  ApplicationMetrics(ApplicationRepository applications) {
    this.applications = applications;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (ApplicationStatus status : ApplicationStatus.values()) {
      Gauge.builder("backoffice.applications", applications, a -> a.countByStatus(status))
          .description("Applications by status: IN_PROGRESS, ISSUED, REJECTED")
          .tag("status", status.name())
          .register(registry);
    }
  }
}
