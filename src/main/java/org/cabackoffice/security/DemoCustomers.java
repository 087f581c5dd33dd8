package org.cabackoffice.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo storefront accounts of the embedded setup; password = "customer". */
@Component
@ConditionalOnProperty(name = "backoffice.demo.enabled", havingValue = "true")
public class DemoCustomers {

  public static final String DEMO_CUSTOMER = "web-admin@sample.co.jp";
  public static final String DEMO_AGENCY = "ssl@agency.example.jp";

  private final CustomerAccounts accounts;

  public DemoCustomers(CustomerAccounts accounts) {
    this.accounts = accounts;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(0)
  public void create() {
    if (accounts.byEmail(DEMO_CUSTOMER).isEmpty()) {
      accounts.register(DEMO_CUSTOMER, "Sample K.K.", "Ichiro Yamada", "customer");
    }
    if (accounts.byEmail(DEMO_AGENCY).isEmpty()) {
      accounts.register(DEMO_AGENCY, "Agency Web Services Co., Ltd.", "Jiro Kobayashi", "customer");
    }
  }
}
