package org.cabackoffice.application;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The storefront's application API (DESIGN.md, "Contracts others test against"). */
@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

  private final Applications applications;
  private final CustomerAccounts customers;
  private final ApplicationSearch search;
  private final ApplicationViews views;
  private final CurrentUser currentUser;

  public ApplicationController(
      Applications applications,
      CustomerAccounts customers,
      ApplicationSearch search,
      ApplicationViews views,
      CurrentUser currentUser) {
    this.applications = applications;
    this.customers = customers;
    this.search = search;
    this.views = views;
    this.currentUser = currentUser;
  }

  @PostMapping
  @PreAuthorize("hasRole('CUSTOMER')")
  public ResponseEntity<ApplicationView> submit(@Valid @RequestBody ApplicationForm form) {
    Application application = applications.submit(currentUser.name(), form);
    return ResponseEntity.created(URI.create("/api/applications/" + application.getId()))
        .body(view(application));
  }

  @GetMapping("/{id}")
  @PreAuthorize(
      "hasAnyRole('CUSTOMER','OFFICER','SENIOR_OFFICER','AUDITOR','OPERATIONS','ADMIN')")
  public ApplicationView get(@PathVariable long id) {
    Application application = applications.get(id);
    // A customer sees only its own applications; another's answers as if it did not exist.
    if (currentUser.isCustomer()) {
      if (application.getCustomerAccountId() != ownAccountId()) {
        throw new ApplicationNotFoundException(id);
      }
      return view(application);
    }
    return views.forStaff(application);
  }

  /**
   * Staff read every application, a customer its own (README, API); filters and order as {@link
   * ApplicationQuery} reads them.
   */
  @GetMapping
  @PreAuthorize(
      "hasAnyRole('CUSTOMER','OFFICER','SENIOR_OFFICER','AUDITOR','OPERATIONS','ADMIN')")
  public ApplicationPage list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String product,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String domain,
      @RequestParam(required = false) String organization,
      @RequestParam(required = false) String submittedFrom,
      @RequestParam(required = false) String submittedTo,
      @RequestParam(required = false) String officer,
      @RequestParam(required = false) String rejection,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String sort) {
    if (currentUser.isCustomer() && officer != null && !officer.isBlank()) {
      // Who worked an application is staff's record (the timeline is closed to customers too).
      throw new ApplicationQueryRefusedException(
          List.of(new IntakeFinding("officer", "parameter.invalid", "is for staff only")));
    }
    ApplicationQuery query =
        search.read(
            new ApplicationQuery.Parameters(
                status, product, stage, domain, organization, submittedFrom, submittedTo, officer,
                rejection, page, size, sort));
    return views.of(search.search(query, currentUser.isCustomer() ? ownAccountId() : null));
  }

  @ExceptionHandler(ApplicationQueryRefusedException.class)
  ProblemDetail queryRefused(ApplicationQueryRefusedException e) {
    // The caller's mistake, answered with the valid values; nothing for the error log.
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid list parameters");
    problem.setProperty("findings", e.findings());
    return problem;
  }

  private long ownAccountId() {
    return customers.byEmail(currentUser.name()).orElseThrow().getId();
  }

  private ApplicationView view(Application application) {
    return views.of(application);
  }
}
