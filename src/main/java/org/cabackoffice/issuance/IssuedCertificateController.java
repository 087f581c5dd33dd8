package org.cabackoffice.issuance;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.cabackoffice.access.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Issued certificates: look-up by serial with their status (staff any, a customer its own), and
 * import from the previous system.
 */
@RestController
class IssuedCertificateController {

  private final IssuedCertificates certificates;
  private final CustomerDirectory customers;
  private final RevocationStatus revocations;
  private final Clock clock;

  IssuedCertificateController(
      IssuedCertificates certificates,
      CustomerDirectory customers,
      RevocationStatus revocations,
      Clock clock) {
    this.certificates = certificates;
    this.customers = customers;
    this.revocations = revocations;
    this.clock = clock;
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
        .body(CertificateView.of(imported, null, clock.instant()));
  }

  /**
   * The certificate and its status. A customer sees only the certificates of its own account;
   * another's answers as if it did not exist, so serials cannot be probed for their owners.
   */
  @GetMapping("/api/certificates/{serial}")
  @PreAuthorize(
      "hasAnyRole('"
          + Roles.CUSTOMER
          + "', '"
          + Roles.OFFICER
          + "', '"
          + Roles.SENIOR_OFFICER
          + "', '"
          + Roles.AUDITOR
          + "')")
  CertificateView certificate(@PathVariable String serial, Authentication caller) {
    return certificates
        .findBySerial(serial)
        .filter(c -> !isCustomer(caller) || ownedBy(c, caller))
        .map(c -> CertificateView.of(c, revocations.of(c.serial()).orElse(null), clock.instant()))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no certificate with serial " + serial + " is recorded"));
  }

  private static boolean isCustomer(Authentication caller) {
    return caller != null
        && caller.getAuthorities().stream()
            .anyMatch(a -> ("ROLE_" + Roles.CUSTOMER).equals(a.getAuthority()));
  }

  private boolean ownedBy(IssuedCertificate certificate, Authentication caller) {
    return customers.idOfEmail(caller.getName()).filter(id -> id == certificate.customerAccountId()).isPresent();
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

  /** What a certificate is now (DESIGN.md contract): revocation wins over expiry. */
  enum Status {
    ISSUED,
    REVOKED,
    EXPIRED
  }

  record CertificateView(
      String serial,
      Status status,
      Instant revokedAt,
      String reason,
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

    static CertificateView of(IssuedCertificate c, RevocationStatus.Revoked revoked, Instant now) {
      Status status =
          revoked != null ? Status.REVOKED : now.isAfter(c.notAfter()) ? Status.EXPIRED : Status.ISSUED;
      return new CertificateView(
          c.serial(),
          status,
          revoked == null ? null : revoked.revokedAt(),
          revoked == null ? null : revoked.reason(),
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
