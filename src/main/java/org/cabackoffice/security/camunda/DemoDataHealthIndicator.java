package org.cabackoffice.security.camunda;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.security.DemoCustomers;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the demo logins ({@code demoData} in the readiness group): with {@code
 * backoffice.demo.enabled} every demo staff member is there in their group and both demo
 * customers can log in. They are created once the application has started (DemoStaff,
 * DemoCustomers), after the web server answers: a first login tried before answered 401 (issue
 * 8). Without demo data it is up, since there is nothing to wait for.
 */
@Component
class DemoDataHealthIndicator extends AbstractHealthIndicator {

  private final IdentityService identity;
  private final CustomerAccounts customers;
  private final boolean demo;

  DemoDataHealthIndicator(
      IdentityService identity,
      CustomerAccounts customers,
      @Value("${backoffice.demo.enabled:false}") boolean demo) {
    super("demo data check failed");
    this.identity = identity;
    this.customers = customers;
    this.demo = demo;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    if (!demo) {
      health.up().withDetail("demo", "off");
      return;
    }
    List<String> missing = new ArrayList<>();
    for (DemoStaff.DemoUser user : DemoStaff.USERS) {
      if (identity.createUserQuery().userId(user.id()).memberOfGroup(user.group()).count() == 0) {
        missing.add(user.id() + " in " + user.group());
      }
    }
    for (String customer : List.of(DemoCustomers.DEMO_CUSTOMER, DemoCustomers.DEMO_AGENCY)) {
      if (customers.byEmail(customer).isEmpty()) {
        missing.add(customer);
      }
    }
    if (missing.isEmpty()) {
      health.up().withDetail("demo", "staff and customers present");
    } else {
      health.down().withDetail("missing", missing);
    }
  }
}
