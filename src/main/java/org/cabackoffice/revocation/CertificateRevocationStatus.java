package org.cabackoffice.revocation;

import java.util.Optional;
import org.cabackoffice.issuance.RevocationStatus;
import org.springframework.stereotype.Component;

/** What the certificate look-up shows of a revocation: when, and the BR 7.2.2 reason. */
@Component
class CertificateRevocationStatus implements RevocationStatus {

  private final CertificateRevocationRepository revocations;

  CertificateRevocationStatus(CertificateRevocationRepository revocations) {
    this.revocations = revocations;
  }

  @Override
  public Optional<Revoked> of(String serial) {
    return revocations.findBySerial(serial).map(r -> new Revoked(r.revokedAt(), r.reason().rfc5280Name()));
  }
}
