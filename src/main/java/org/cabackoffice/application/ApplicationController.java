package org.cabackoffice.application;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.workflow.ProcessSignals;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
  private final ProcessSignals signals;
  private final CurrentUser currentUser;

  public ApplicationController(
      Applications applications,
      CustomerAccounts customers,
      ProcessSignals signals,
      CurrentUser currentUser) {
    this.applications = applications;
    this.customers = customers;
    this.signals = signals;
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
    if (currentUser.isCustomer() && application.getCustomerAccountId() != ownAccountId()) {
      throw new ApplicationNotFoundException(id);
    }
    return view(application);
  }

  @GetMapping
  @PreAuthorize(
      "hasAnyRole('CUSTOMER','OFFICER','SENIOR_OFFICER','AUDITOR','OPERATIONS','ADMIN')")
  public List<ApplicationView> list(
      @RequestParam(defaultValue = "IN_PROGRESS") ApplicationStatus status) {
    List<Application> found =
        currentUser.isCustomer()
            ? applications.ofCustomer(ownAccountId())
            : applications.withStatus(status);
    return found.stream().map(this::view).toList();
  }

  private long ownAccountId() {
    return customers.byEmail(currentUser.name()).orElseThrow().getId();
  }

  private ApplicationView view(Application application) {
    List<String> stage =
        application.getStatus() == ApplicationStatus.IN_PROGRESS
            ? signals.currentActivities(application.getId())
            : List.of();
    return ApplicationView.of(application, stage);
  }
}
