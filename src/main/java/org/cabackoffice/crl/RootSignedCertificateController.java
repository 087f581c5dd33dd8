package org.cabackoffice.crl;

import java.time.Instant;
import java.util.List;
import org.cabackoffice.access.Roles;
import org.cabackoffice.security.CurrentUser;
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
 * The certificates the root signed, and the four-eyes record of a CA certificate's revocation
 * (decided in a key ceremony): operations or a senior officer asks, another of them confirms, and
 * the root's ARL lists it (BR 4.9.7, 7.2.2). Auditors and admins read the list.
 */
@RestController
class RootSignedCertificateController {

  private static final Logger log = LoggerFactory.getLogger(RootSignedCertificateController.class);

  static final String STAFF = "hasAnyRole('" + Roles.OPERATIONS + "','" + Roles.SENIOR_OFFICER + "')";

  private final RootSignedCertificates certificates;
  private final CurrentUser currentUser;

  RootSignedCertificateController(RootSignedCertificates certificates, CurrentUser currentUser) {
    this.certificates = certificates;
    this.currentUser = currentUser;
  }

  /** A certificate the root signed elsewhere: one PEM certificate and what it is. */
  record RecordForm(String pem, RootSignedCertificate.Kind kind) {}

  /** A revocation decided in a ceremony: the reason (RFC 5280 name) and the ceremony's reference. */
  record RevocationForm(String reason, String comment) {}

  /** One certificate as listed; {@code reason} is the RFC 5280 name. */
  record CaCertificateView(
      String serial,
      String kind,
      String subject,
      Instant notBefore,
      Instant notAfter,
      String status,
      Instant recordedAt,
      String recordedBy,
      String reason,
      String comment,
      String revocationRequestedBy,
      Instant revocationRequestedAt,
      String revokedBy,
      Instant revokedAt,
      Long arlNumber) {

    static CaCertificateView of(RootSignedCertificate c, Long arlNumber) {
      return new CaCertificateView(
          c.serial(), c.kind().name(), c.subject(), c.notBefore(), c.notAfter(), c.status().name(),
          c.recordedAt(), c.recordedBy(),
          c.revocationReason() == null ? null : c.revocationReason().rfc5280Name(),
          c.revocationComment(), c.revocationRequestedBy(), c.revocationRequestedAt(),
          c.revokedBy(), c.revokedAt(), arlNumber);
    }
  }

  @GetMapping("/api/ca-certificates")
  @PreAuthorize("hasAnyRole('" + Roles.OPERATIONS + "','" + Roles.SENIOR_OFFICER + "','" + Roles.AUDITOR + "','" + Roles.ADMIN + "')")
  public List<CaCertificateView> list() {
    return certificates.all().stream().map(c -> CaCertificateView.of(c, null)).toList();
  }

  @PostMapping("/api/ca-certificates")
  @PreAuthorize("hasRole('" + Roles.OPERATIONS + "')")
  public ResponseEntity<CaCertificateView> record(@RequestBody RecordForm form) {
    RootSignedCertificate recorded = certificates.record(form.pem(), form.kind(), currentUser.name());
    return ResponseEntity.status(HttpStatus.CREATED).body(CaCertificateView.of(recorded, null));
  }

  @PostMapping("/api/ca-certificates/{serial}/revocation")
  @PreAuthorize(STAFF)
  public ResponseEntity<CaCertificateView> requestRevocation(
      @PathVariable String serial, @RequestBody RevocationForm form) {
    RootSignedCertificate requested =
        certificates.requestRevocation(serial, form.reason(), form.comment(), currentUser.name());
    return ResponseEntity.accepted().body(CaCertificateView.of(requested, null));
  }

  @PostMapping("/api/ca-certificates/{serial}/revocation/confirmation")
  @PreAuthorize(STAFF)
  public CaCertificateView confirmRevocation(@PathVariable String serial) {
    RootSignedCertificates.Revocation revocation = certificates.confirmRevocation(serial, currentUser.name());
    return CaCertificateView.of(revocation.certificate(), revocation.arlNumber().orElse(null));
  }

  @PostMapping("/api/ca-certificates/{serial}/revocation/decline")
  @PreAuthorize(STAFF)
  public CaCertificateView declineRevocation(@PathVariable String serial) {
    return CaCertificateView.of(certificates.declineRevocation(serial, currentUser.name()), null);
  }

  @ExceptionHandler(CaCertificateRefused.class)
  ResponseEntity<ProblemDetail> refused(CaCertificateRefused e) {
    HttpStatus status =
        switch (e.ground()) {
          case BAD_INPUT -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case CONFLICT -> HttpStatus.CONFLICT;
        };
    log.info("CA certificate request refused ({}): {}", e.code(), e.getMessage());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("CA certificate request refused");
    problem.setProperty("code", e.code());
    return ResponseEntity.status(status).body(problem);
  }
}
