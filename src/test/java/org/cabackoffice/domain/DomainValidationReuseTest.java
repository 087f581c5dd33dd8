package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Ballot SC-081's domain-data reuse periods, at each boundary (00:00 UTC). */
class DomainValidationReuseTest {

  @Test
  void periodsChangeExactlyAtTheBallotsDates() {
    assertThat(DomainValidationReuse.days(Instant.parse("2026-03-14T23:59:59Z"))).isEqualTo(398);
    assertThat(DomainValidationReuse.days(Instant.parse("2026-03-15T00:00:00Z"))).isEqualTo(200);
    assertThat(DomainValidationReuse.days(Instant.parse("2027-03-14T23:59:59Z"))).isEqualTo(200);
    assertThat(DomainValidationReuse.days(Instant.parse("2027-03-15T00:00:00Z"))).isEqualTo(100);
    assertThat(DomainValidationReuse.days(Instant.parse("2029-03-14T23:59:59Z"))).isEqualTo(100);
    assertThat(DomainValidationReuse.days(Instant.parse("2029-03-15T00:00:00Z"))).isEqualTo(10);
    assertThat(DomainValidationReuse.period(Instant.parse("2040-01-01T00:00:00Z")))
        .isEqualTo(Duration.ofDays(10));
  }

  @Test
  void aValidationCountsUntilThePeriodOfTheIssuanceDateEnds() {
    Instant validated = Instant.parse("2026-06-01T00:00:00Z");
    assertThat(DomainValidationReuse.counts(validated, validated)).isTrue();
    assertThat(DomainValidationReuse.counts(validated, validated.plus(Duration.ofDays(200)).minusSeconds(1)))
        .isTrue();
    assertThat(DomainValidationReuse.counts(validated, validated.plus(Duration.ofDays(200)))).isFalse();
    assertThat(DomainValidationReuse.counts(validated, validated.minusSeconds(1))).isFalse();
    // The period is the one in force at issuance: 300 days old counts in 2026-03 only if under 398.
    Instant early = Instant.parse("2025-05-20T00:00:00Z");
    assertThat(DomainValidationReuse.counts(early, Instant.parse("2026-03-14T00:00:00Z"))).isTrue();
    assertThat(DomainValidationReuse.counts(early, Instant.parse("2026-03-15T00:00:00Z"))).isFalse();
  }
}
