package org.cabackoffice.auditlog;

import java.security.cert.CertificateEncodingException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The log's verification for auditors, and the audit certificate for anyone checking a checkpoint. */
@RestController
class AuditLogController {

  static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

  private final AuditLogVerifier verifier;
  private final AuditKey key;

  AuditLogController(AuditLogVerifier verifier, AuditKey key) {
    this.verifier = verifier;
    this.key = key;
  }

  @GetMapping("/api/audit-log/verification")
  @PreAuthorize("hasAnyRole('AUDITOR', 'OPERATIONS', 'ADMIN')")
  public AuditLogVerification verification() {
    return verifier.verify();
  }

  /** DER like the CA certificates beside it; public, as a certificate is. */
  @GetMapping("/ca/audit-key.crt")
  @PreAuthorize("permitAll()")
  public ResponseEntity<byte[]> certificate() throws CertificateEncodingException {
    return ResponseEntity.ok().contentType(PKIX_CERT).body(key.certificate().getEncoded());
  }
}
