package org.cabackoffice.revocation;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.cabackoffice.access.Roles;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.security.CurrentUser;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revocation requests through the API (BR 4.9.2): the subscriber for its own certificates, an
 * officer for the subscriber or on the CA's initiative. The request runs as a process; the answer
 * is 202 with the request and where to follow it.
 */
@RestController
public class RevocationController {

  private static final Logger log = LoggerFactory.getLogger(RevocationController.class);

  private final RevocationRequests requests;
  private final IssuedCertificates certificates;
  private final CustomerAccounts customers;
  private final CurrentUser currentUser;

  public RevocationController(
      RevocationRequests requests,
      IssuedCertificates certificates,
      CustomerAccounts customers,
      CurrentUser currentUser) {
    this.requests = requests;
    this.certificates = certificates;
    this.customers = customers;
    this.currentUser = currentUser;
  }

  @PostMapping("/api/certificates/{serial}/revocations")
  @PreAuthorize("hasAnyRole('" + Roles.CUSTOMER + "','" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "')")
  public ResponseEntity<RevocationView> request(
      @PathVariable String serial, @Valid @RequestBody RevocationForm form) {
    RevocationRequest request;
    if (currentUser.isCustomer()) {
      if (form.initiative() != null && !"SUBSCRIBER".equals(form.initiative())) {
        throw RevocationRefused.badInput(
            "revocation.initiative-not-for-subscriber", "initiative is for officers; leave it out");
      }
      CustomerAccount account = ownAccount();
      request = requests.requestBySubscriber(serial, account.getId(), account.getEmail(), form.reason(), form.comment());
    } else {
      boolean ca;
      if ("CA".equals(form.initiative())) {
        ca = true;
      } else if ("SUBSCRIBER".equals(form.initiative())) {
        ca = false;
      } else {
        throw RevocationRefused.badInput(
            "revocation.initiative-missing",
            "initiative is required from an officer: SUBSCRIBER (the subscriber asked) or CA (the CA's own"
                + " decision, which a second officer approves)");
      }
      request = requests.requestByOfficer(serial, currentUser.name(), form.reason(), form.comment(), ca);
    }
    return ResponseEntity.accepted()
        .location(URI.create("/api/revocations/" + request.id()))
        .body(RevocationView.of(request));
  }

  /** A request and where it stands; a customer sees the requests about its own certificates. */
  @GetMapping("/api/revocations/{id}")
  @PreAuthorize(
      "hasAnyRole('" + Roles.CUSTOMER + "','" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "','" + Roles.AUDITOR + "')")
  public RevocationView get(@PathVariable long id) {
    RevocationRequest request = requests.get(id);
    if (currentUser.isCustomer()) {
      long own = ownAccount().getId();
      boolean mine =
          certificates.findBySerial(request.serial()).filter(c -> c.customerAccountId() == own).isPresent();
      if (!mine) {
        throw new RevocationRefused(RevocationRefused.Ground.NOT_FOUND, "revocation.no-request", "no revocation request " + id);
      }
    }
    return RevocationView.of(request);
  }

  private CustomerAccount ownAccount() {
    return customers
        .byEmail(currentUser.name())
        .orElseThrow(() -> new IllegalStateException("no storefront account for " + currentUser.name()));
  }

  @ExceptionHandler(RevocationRefused.class)
  ResponseEntity<ProblemDetail> refused(RevocationRefused e) {
    return problem(e);
  }

  static ResponseEntity<ProblemDetail> problem(RevocationRefused e) {
    HttpStatus status =
        switch (e.ground()) {
          case BAD_INPUT -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
          case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
        };
    log.info("revocation refused ({}): {}", e.code(), e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("Revocation refused");
    problem.setProperty("code", e.code());
    return ResponseEntity.status(status).body(problem);
  }

  /** What the API shows of a request. */
  record RevocationView(
      long id,
      String serial,
      String origin,
      String status,
      String reason,
      Instant requestedAt,
      Instant decidedAt,
      Instant closedAt) {

    static RevocationView of(RevocationRequest r) {
      return new RevocationView(
          r.id(),
          r.serial(),
          r.origin().name(),
          r.status().name(),
          r.reason() == null ? null : r.reason().rfc5280Name(),
          r.requestedAt(),
          r.approvedAt() != null ? r.approvedAt() : r.investigatedAt(),
          r.closedAt());
    }
  }
}
