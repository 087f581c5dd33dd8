package org.cabackoffice.verification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the demo directory ({@code demoDirectory} in the readiness group): with {@code
 * backoffice.demo.enabled} the walkthrough's phone step needs the demo organizations' main
 * numbers, seeded once the application has started (DemoDirectory). Without demo data it is up.
 */
@Component
class DemoDirectoryHealthIndicator extends AbstractHealthIndicator {

  private final OrganizationDirectory directory;
  private final boolean demo;

  DemoDirectoryHealthIndicator(
      OrganizationDirectory directory, @Value("${backoffice.demo.enabled:false}") boolean demo) {
    super("demo directory check failed");
    this.directory = directory;
    this.demo = demo;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    if (!demo) {
      health.up().withDetail("demo", "off");
    } else if (directory.size() == 0) {
      health.down().withDetail("reason", "the demo directory entries are not there yet");
    } else {
      health.up().withDetail("entries", directory.size());
    }
  }
}
