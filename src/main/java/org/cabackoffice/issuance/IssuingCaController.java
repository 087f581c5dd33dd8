package org.cabackoffice.issuance;

import java.security.cert.CertificateEncodingException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CA's certificates, DER-encoded as RFC 5280 4.2.2.1 asks, with the RFC 2585 media type.
 * Public: relying parties fetch them to build and anchor the chain. The issuing CA's is at the
 * caIssuers URL of every subscriber certificate (BR 7.1.2.7.7); the root's is the trust anchor
 * that a private CA's users install (README: trusting the development root), served so that
 * nobody needs the keystore, and its password, to get it.
 */
@RestController
class IssuingCaController {

  static final MediaType PKIX_CERT = MediaType.parseMediaType("application/pkix-cert");

  private final CertificateAuthority authority;

  IssuingCaController(CertificateAuthority authority) {
    this.authority = authority;
  }

  @GetMapping("/ca/issuing-ca.crt")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> issuingCaCertificate() throws CertificateEncodingException {
    return ResponseEntity.ok()
        .contentType(PKIX_CERT)
        .body(authority.issuingCertificate().getEncoded());
  }

  @GetMapping("/ca/root-ca.crt")
  @PreAuthorize("permitAll()")
  ResponseEntity<byte[]> rootCaCertificate() throws CertificateEncodingException {
    return ResponseEntity.ok()
        .contentType(PKIX_CERT)
        .body(authority.rootCertificate().getEncoded());
  }
}
