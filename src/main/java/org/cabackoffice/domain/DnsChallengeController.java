package org.cabackoffice.domain;

import java.util.List;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the customer publishes for DNS change validation (BR 3.2.2.4.7): {@code GET
 * /api/applications/{id}/dns-challenges}, one TXT record per domain. A customer sees its own
 * applications only; officers and auditors see all.
 */
@RestController
public class DnsChallengeController {

  private final Applications applications;
  private final CustomerAccounts customers;
  private final CurrentUser currentUser;
  private final DnsChangeValidations validations;

  public DnsChallengeController(
      Applications applications,
      CustomerAccounts customers,
      CurrentUser currentUser,
      DnsChangeValidations validations) {
    this.applications = applications;
    this.customers = customers;
    this.currentUser = currentUser;
    this.validations = validations;
  }

  @GetMapping("/api/applications/{id}/dns-challenges")
  @PreAuthorize("hasAnyRole('CUSTOMER','OFFICER','SENIOR_OFFICER','AUDITOR')")
  public List<DnsChallengeView> challenges(@PathVariable long id) {
    Application application = applications.get(id);
    // Another customer's application answers as if it did not exist (as ApplicationController).
    if (currentUser.isCustomer()
        && customers
            .byEmail(currentUser.name())
            .map(CustomerAccount::getId)
            .filter(own -> own == application.getCustomerAccountId())
            .isEmpty()) {
      throw new ApplicationNotFoundException(id);
    }
    return validations.challenges(id);
  }
}
