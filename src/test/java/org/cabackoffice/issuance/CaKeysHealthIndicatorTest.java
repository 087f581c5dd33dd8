package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** Readiness of the CA keys: a node whose CA cannot sign takes no applications. */
class CaKeysHealthIndicatorTest {

  private static final Clock CREATED = TestFixtures.clockAt("2026-01-10T03:00:00Z");

  @TempDir Path dir;

  @Test
  void upWhenTheIssuingKeySignsWithinTheCertificatesValidity() {
    CertificateAuthority authority = TestFixtures.authority(dir, CREATED);

    Health health = new CaKeysHealthIndicator(authority, CREATED).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsKeys("issuingCa", "issuingCaNotAfter", "rootCaNotAfter");
  }

  @Test
  void downOnceTheIssuingCaCertificateHasExpired() {
    CertificateAuthority authority = TestFixtures.authority(dir, CREATED);
    Clock later =
        Clock.fixed(authority.issuingCertificate().getNotAfter().toInstant().plusSeconds(1), CREATED.getZone());

    Health health = new CaKeysHealthIndicator(authority, later).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails().get("reason").toString()).contains("outside its validity");
  }
}
