package org.cabackoffice.issuance;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.cabackoffice.access.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Issued certificates for staff: look-up by serial, and import from the previous system. */
@RestController
class IssuedCertificateController {

  private final IssuedCertificates certificates;
  private final CustomerDirectory customers;

  IssuedCertificateController(IssuedCertificates certificates, CustomerDirectory customers) {
    this.certificates = certificates;
    this.customers = customers;
  }

  /** Imports one PEM certificate of the previous system for the customer with that user ID. */
  @PostMapping("/api/certificates/import")
  @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
  ResponseEntity<CertificateView> importCertificate(
      @RequestParam("customer") String customerEmail, @RequestBody(required = false) String pem) {
    long customerId =
        customers
            .idOfEmail(customerEmail)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.UNPROCESSABLE_ENTITY,
                        "no customer account has the user ID " + customerEmail));
    IssuedCertificate imported = certificates.importFromPreviousSystem(pem, customerId);
    return ResponseEntity.created(URI.create("/api/certificates/" + imported.serial()))
        .body(CertificateView.of(imported));
  }

  @GetMapping("/api/certificates/{serial}")
  @PreAuthorize(
      "hasAnyRole('" + Roles.OFFICER + "', '" + Roles.SENIOR_OFFICER + "', '" + Roles.AUDITOR + "')")
  CertificateView certificate(@PathVariable String serial) {
    return certificates
        .findBySerial(serial)
        .map(CertificateView::of)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no certificate with serial " + serial + " is recorded"));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badInput(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(CertificateAlreadyRecordedException.class)
  ProblemDetail duplicate(CertificateAlreadyRecordedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setProperty("serial", e.serial());
    return problem;
  }

  record CertificateView(
      String serial,
      Long applicationId,
      long customerAccountId,
      String commonName,
      List<String> dnsNames,
      String spkiSha256,
      Instant notBefore,
      Instant notAfter,
      Instant issuedAt,
      boolean imported,
      String pem) {

    static CertificateView of(IssuedCertificate c) {
      return new CertificateView(
          c.serial(),
          c.applicationId(),
          c.customerAccountId(),
          c.commonName(),
          c.dnsNames(),
          c.spkiSha256(),
          c.notBefore(),
          c.notAfter(),
          c.issuedAt(),
          c.imported(),
          c.pem());
    }
  }
}
