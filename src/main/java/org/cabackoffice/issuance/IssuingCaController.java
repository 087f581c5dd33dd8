package org.cabackoffice.issuance;

import java.security.cert.CertificateEncodingException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The issuing CA certificate at the caIssuers URL of every subscriber certificate (BR 7.1.2.7.7),
 * DER-encoded as RFC 5280 4.2.2.1 asks, with the RFC 2585 media type. Public: relying parties
 * fetch it to build the chain.
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
}
