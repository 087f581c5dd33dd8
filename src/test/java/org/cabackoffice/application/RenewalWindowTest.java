package org.cabackoffice.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Guide, introduction: from 30 days after issuance until 89 days after expiry. */
class RenewalWindowTest {

  static final Instant NOT_BEFORE = Instant.parse("2026-01-10T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2026-07-28T23:59:59Z");
  final RenewalWindow window = new RenewalWindow(NOT_BEFORE, NOT_AFTER);

  @Test
  void opensThirtyDaysAfterIssuance() {
    Instant opens = NOT_BEFORE.plus(Duration.ofDays(30));
    assertThat(window.check(opens.minusSeconds(1)))
        .hasValueSatisfying(f -> assertThat(f.code()).isEqualTo("renewal.too-early"));
    assertThat(window.check(opens)).isEmpty();
  }

  @Test
  void closesEightyNineDaysAfterExpiry() {
    Instant closes = NOT_AFTER.plus(Duration.ofDays(89));
    assertThat(window.check(closes)).isEmpty();
    assertThat(window.check(closes.plusSeconds(1)))
        .hasValueSatisfying(
            f -> {
              assertThat(f.code()).isEqualTo("renewal.too-late");
              assertThat(f.field()).isEqualTo("renewedCertificateSerial");
              assertThat(f.message()).contains("apply for a new certificate");
            });
  }

  @Test
  void anExpiredCertificateCanStillBeRenewedWithinTheWindow() {
    assertThat(window.check(NOT_AFTER.plus(Duration.ofDays(45)))).isEmpty();
  }
}
