package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CertificateLifetimeTest {

  @ParameterizedTest(name = "issued {0} → {1} days")
  @CsvSource({
    "2025-03-15T00:00:00Z, 398",
    "2026-03-14T23:59:59Z, 398",
    "2026-03-15T00:00:00Z, 200",
    "2027-03-14T23:59:59Z, 200",
    "2027-03-15T00:00:00Z, 100",
    "2029-03-14T23:59:59Z, 100",
    "2029-03-15T00:00:00Z, 47",
    "2035-01-01T00:00:00Z, 47"
  })
  void maximumDaysFollowBallotSc081(String issuance, int days) {
    assertThat(CertificateLifetime.maximumDays(Instant.parse(issuance))).isEqualTo(days);
  }

  @Test
  void notAfterCountsTheLifetimeInclusively() {
    Instant notBefore = Instant.parse("2026-03-15T00:00:00Z");

    Instant notAfter = CertificateLifetime.notAfter(notBefore);

    // BR 6.3.2: 200 days are 17,280,000 seconds including the first and the last second.
    assertThat(notAfter).isEqualTo(Instant.parse("2026-09-30T23:59:59Z"));
    assertThat(CertificateLifetime.validityPeriod(notBefore, notAfter)).isEqualTo(Duration.ofDays(200));
  }

  @Test
  void lastSecondBeforeABoundaryStillGetsTheLongerLifetime() {
    Instant notBefore = Instant.parse("2026-03-14T23:59:59Z");

    assertThat(CertificateLifetime.notAfter(notBefore))
        .isEqualTo(notBefore.plus(Duration.ofDays(398)).minusSeconds(1));
  }
}
