package org.cabackoffice.issuance;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the CA keys ({@code caKeys} in the readiness group): the issuing key signs and
 * matches its certificate, and both CA certificates are within their validity, since a node that
 * cannot sign must not take applications it would end in an incident. Details (subjects, expiry)
 * are shown to operations and admin only.
 */
@Component
class CaKeysHealthIndicator extends AbstractHealthIndicator {

  private final CertificateAuthority authority;
  private final Clock clock;
  private volatile Instant lastProof;

  CaKeysHealthIndicator(CertificateAuthority authority, Clock clock) {
    super("CA keys check failed");
    this.authority = authority;
    this.clock = clock;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws Exception {
    X509Certificate issuing = authority.issuingCertificate();
    X509Certificate root = authority.rootCertificate();
    health
        .withDetail("issuingCa", issuing.getSubjectX500Principal().getName())
        .withDetail("issuingCaNotAfter", issuing.getNotAfter().toInstant().toString())
        .withDetail("rootCaNotAfter", root.getNotAfter().toInstant().toString());
    Instant now = clock.instant();
    for (X509Certificate ca : new X509Certificate[] {issuing, root}) {
      if (now.isBefore(ca.getNotBefore().toInstant()) || now.isAfter(ca.getNotAfter().toInstant())) {
        health.down().withDetail("reason", "outside its validity: " + ca.getSubjectX500Principal());
        return;
      }
    }
    // The probe is anonymous and frequent: the key signs a challenge at most once a minute, so
    // probes cannot turn the HSM into a signing service or flood its audit log.
    Instant proved = lastProof;
    if (proved == null || proved.isBefore(now.minusSeconds(60))) {
      authority.proveIssuingKey();
      lastProof = now;
    }
    health.up();
  }
}
