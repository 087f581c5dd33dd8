package org.cabackoffice.issuance;

import org.cabackoffice.access.Roles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Downloads of a certificate with its intermediate (guide [5-2]): PEM, and PKCS#7 for Microsoft
 * IIS. The owning customer and staff; another customer's serial answers 404 as if it did not exist.
 */
@org.springframework.web.bind.annotation.RestController
class CertificateChainController {

  private static final String READERS =
      "hasAnyRole('" + Roles.CUSTOMER + "', '" + Roles.OFFICER + "', '" + Roles.SENIOR_OFFICER + "', '"
          + Roles.AUDITOR + "')";

  private final IssuedCertificates certificates;
  private final CustomerDirectory customers;
  private final CertificateChains chains;

  CertificateChainController(
      IssuedCertificates certificates, CustomerDirectory customers, CertificateChains chains) {
    this.certificates = certificates;
    this.customers = customers;
    this.chains = chains;
  }

  @GetMapping("/api/certificates/{serial}/chain.pem")
  @PreAuthorize(READERS)
  ResponseEntity<byte[]> pem(@PathVariable String serial, Authentication caller) {
    IssuedCertificate certificate = readable(serial, caller);
    return download(chains.pem(certificate), "application/pem-certificate-chain", certificate.serial() + "-chain.pem");
  }

  @GetMapping("/api/certificates/{serial}/chain.p7b")
  @PreAuthorize(READERS)
  ResponseEntity<byte[]> pkcs7(@PathVariable String serial, Authentication caller) {
    IssuedCertificate certificate = readable(serial, caller);
    return download(chains.pkcs7(certificate), CertificateChains.PKCS7_TYPE, certificate.serial() + "-chain.p7b");
  }

  private IssuedCertificate readable(String serial, Authentication caller) {
    boolean customer =
        caller.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Roles.CUSTOMER).equals(a.getAuthority()));
    return certificates
        .findBySerial(serial)
        .filter(
            c ->
                !customer
                    || customers.idOfEmail(caller.getName()).filter(id -> id == c.customerAccountId()).isPresent())
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no certificate with serial " + serial + " is recorded"));
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(IllegalArgumentException.class)
  org.springframework.http.ProblemDetail notASerial(IllegalArgumentException e) {
    return org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  private static ResponseEntity<byte[]> download(byte[] body, String type, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(
            "Content-Disposition", ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }
}
