package org.cabackoffice.domain;

import java.util.List;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The domain step as the customer sees it: {@code GET /api/applications/{id}/dns-challenges}, the
 * TXT record (BR 3.2.2.4.7, 3.2.2.4.22) or file URL (BR 3.2.2.4.18) and its value per
 * Authorization Domain Name, and {@code
 * GET|PUT /api/applications/{id}/domain-validation-method}, the method chosen, by BR section. A
 * customer sees and chooses for its own applications only; officers and auditors see all.
 */
@RestController
public class DnsChallengeController {

  private final Applications applications;
  private final CustomerAccounts customers;
  private final CurrentUser currentUser;
  private final DnsChangeValidations validations;
  private final DomainControl domainControl;

  public DnsChallengeController(
      Applications applications,
      CustomerAccounts customers,
      CurrentUser currentUser,
      DnsChangeValidations validations,
      DomainControl domainControl) {
    this.domainControl = domainControl;
    this.applications = applications;
    this.customers = customers;
    this.currentUser = currentUser;
    this.validations = validations;
  }

  @GetMapping("/api/applications/{id}/dns-challenges")
  @PreAuthorize("hasAnyRole('CUSTOMER','OFFICER','SENIOR_OFFICER','AUDITOR')")
  public List<DnsChallengeView> challenges(@PathVariable long id) {
    visible(id);
    return validations.challenges(id);
  }

  /**
   * @param method the BR section chosen, e.g. "3.2.2.4.22"
   * @param offered the sections a customer may choose
   * @param accountUri what a persistent DNS TXT record names as {@code accounturi} (BR 3.2.2.4.22)
   */
  public record MethodChoice(String method, List<String> offered, String accountUri) {}

  /** The method chosen for the domain step, by BR section. */
  public record MethodRequest(String method) {}

  @GetMapping("/api/applications/{id}/domain-validation-method")
  @PreAuthorize("hasAnyRole('CUSTOMER','OFFICER','SENIOR_OFFICER','AUDITOR')")
  public MethodChoice method(@PathVariable long id) {
    Application application = visible(id);
    return new MethodChoice(
        domainControl.chosenMethod(id).section(), DomainControl.offeredSections(), domainControl.accountUri(application));
  }

  /**
   * The technical contact chooses how its domain is validated; while the application waits for a
   * record, the new method's record is mailed at once.
   */
  @PutMapping(path = "/api/applications/{id}/domain-validation-method", consumes = "application/json")
  @PreAuthorize("hasRole('CUSTOMER')")
  public MethodChoice choose(@PathVariable long id, @RequestBody MethodRequest request) {
    Application application = visible(id);
    if (request == null || request.method() == null || request.method().isBlank()) {
      throw new DomainControl.ChoiceRefusedException(
          "method is required, one of " + DomainControl.offeredSections());
    }
    domainControl.choose(id, request.method().strip(), currentUser.name());
    return new MethodChoice(
        domainControl.chosenMethod(id).section(), DomainControl.offeredSections(), domainControl.accountUri(application));
  }

  @ExceptionHandler(DomainControl.ChoiceRefusedException.class)
  ProblemDetail refused(DomainControl.ChoiceRefusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Domain validation method refused");
    return problem;
  }

  private Application visible(long id) {
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
    return application;
  }
}
