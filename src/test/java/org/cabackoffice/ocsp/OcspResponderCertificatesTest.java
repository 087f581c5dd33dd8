package org.cabackoffice.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OcspResponderCertificatesTest {

  static final Instant NOT_BEFORE = Instant.parse("2026-10-01T00:00:00Z");
  final OcspResponderCertificate fourDays =
      new OcspResponderCertificate("1", NOT_BEFORE, NOT_BEFORE.plusSeconds(4 * 86400 - 1), new byte[] {1});

  @Test
  void renewedOnceHalfItsLifeHasPassed() {
    assertThat(OcspResponderCertificates.renewalDue(fourDays, NOT_BEFORE.plusSeconds(86400))).isFalse();
    assertThat(OcspResponderCertificates.renewalDue(fourDays, NOT_BEFORE.plusSeconds(2 * 86400))).isTrue();
  }
}
