package org.cabackoffice.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * What every storefront page shares: the logged-in account (a customer sees only its own data)
 * and the page answer, never cached, since it shows that account's certificates and invoices.
 */
@Component
class StorefrontPages {

  private final Pages pages;
  private final CurrentUser currentUser;
  private final CustomerAccounts customers;

  StorefrontPages(Pages pages, CurrentUser currentUser, CustomerAccounts customers) {
    this.pages = pages;
    this.currentUser = currentUser;
    this.customers = customers;
  }

  /** The logged-in customer's account (the chain lets only customers in). */
  CustomerAccount account() {
    return customers
        .byEmail(currentUser.name())
        .orElseThrow(() -> new IllegalStateException("no storefront account for the logged-in user"));
  }

  ResponseEntity<String> page(String template, HttpServletRequest request, Map<String, ?> model) {
    return page(HttpStatus.OK, template, request, model);
  }

  ResponseEntity<String> page(
      HttpStatusCode status, String template, HttpServletRequest request, Map<String, ?> model) {
    Map<String, Object> variables = new HashMap<>(model);
    if (!model.containsKey("loginPage")) {
      variables.putIfAbsent("account", account());
    }
    return ResponseEntity.status(status)
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(Pages.HTML)
        .body(pages.render(template, request, variables));
  }
}
