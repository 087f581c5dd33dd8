package org.cabackoffice.domain;

import org.cabackoffice.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.io.BaseEncoding;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DNS change validation (BR 3.2.2.4.7) against the loopback resolver, with a clock to move. */
class DnsChangeValidationsTest {

  static final long APPLICATION = 7L;

  private final LoopbackDnsServer server = new LoopbackDnsServer().start();
  private final MutableClock clock =
      new MutableClock(Instant.parse("2026-06-01T01:00:00Z"));
  private final InMemoryDnsValidationRecords records = new InMemoryDnsValidationRecords();
  private final FixedCorroboration perspectives = FixedCorroboration.corroborating();
  private final DnsChangeValidations validations =
      new DnsChangeValidations(
          records.challengeRepository,
          records.checkRepository,
          new DnsLookup(new DnsProperties(server.address(), Duration.ofMillis(500), null, DnsProperties.Dnssec.off()), clock),
          new DnsProperties(server.address(), Duration.ofMillis(500), null, DnsProperties.Dnssec.off()),
          new ValidationProperties(null),
          clock,
          perspectives,
          new CaaProperties(null),
          null);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theRandomValueCarriesAtLeast128BitsInBase32AndIsUnique() {
    Set<String> values = new HashSet<>();
    for (long application = 1; application <= 200; application++) {
      DnsChallenge challenge = validations.issue(application, "sample.co.jp");
      assertThat(challenge.getValue()).matches("[a-z2-7]{32}");
      assertThat(BaseEncoding.base32().lowerCase().omitPadding().decode(challenge.getValue()).length * 8)
          .isGreaterThanOrEqualTo(128);
      values.add(challenge.getValue());
    }
    assertThat(values).hasSize(200);
  }

  @Test
  void theChallengeGoesUnderPkiValidationAndLives30Days() {
    DnsChallenge challenge = validations.issue(APPLICATION, "Sample.CO.JP.");

    assertThat(challenge.getDomainName()).isEqualTo("sample.co.jp");
    assertThat(challenge.getRecordName()).isEqualTo("_pki-validation.sample.co.jp");
    assertThat(challenge.getStatus()).isEqualTo(DnsChallenge.Status.PENDING);
    assertThat(Duration.between(challenge.getIssuedAt(), challenge.getExpiresAt()))
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void fromMarch2029TheValueLivesNoLongerThanTheTenDayReusePeriod() {
    clock.advance(Duration.between(clock.instant(), Instant.parse("2029-03-15T00:00:00Z")));

    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");

    assertThat(Duration.between(challenge.getIssuedAt(), challenge.getExpiresAt()))
        .isEqualTo(Duration.ofDays(10));
  }

  @Test
  void aRetriedIssueHandsOutTheSameValueAndAWildcardIsValidatedThroughItsBase() {
    DnsChallenge first = validations.issue(APPLICATION, "sample.co.jp");

    assertThat(validations.issue(APPLICATION, "sample.co.jp").getValue()).isEqualTo(first.getValue());
    assertThat(validations.issue(APPLICATION, "*.sample.co.jp").getValue()).isEqualTo(first.getValue());
    assertThat(records.challenges).hasSize(1);
  }

  @Test
  void publicSuffixesAndBadNamesAreRefused() {
    assertThatThrownBy(() -> validations.issue(APPLICATION, "co.jp"))
        .isInstanceOf(InvalidDomainNameException.class)
        .hasMessageContaining("public suffix");
    assertThatThrownBy(() -> validations.issue(APPLICATION, "bad_name!.jp"))
        .isInstanceOf(InvalidDomainNameException.class);
  }

  @Test
  void thePublishedValueValidatesAndIsRecordedWithMethodVersionAndAnswer() {
    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");
    server.txt("_pki-validation.sample.co.jp", "google-site-verification=abc", challenge.getValue());

    DnsCheckOutcome outcome = validations.check(APPLICATION, "sample.co.jp");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(outcome.reason()).contains("BR 3.2.2.4.7").endsWith("corroborated 4/4 by remote perspectives");
    assertThat(challenge.getStatus()).isEqualTo(DnsChallenge.Status.VALIDATED);
    assertThat(challenge.getMethod()).isEqualTo("3.2.2.4.7");
    assertThat(challenge.getBrVersion()).isEqualTo("2.2.8");
    assertThat(challenge.getValidatedAt()).isEqualTo(clock.instant());
    DnsCheckEvidence evidence = records.checks.get(0);
    assertThat(evidence.getId()).isEqualTo(outcome.evidenceId());
    assertThat(evidence.getOutcome()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(evidence.getMethod()).isEqualTo("3.2.2.4.7");
    assertThat(evidence.getBrVersion()).isEqualTo("2.2.8");
    assertThat(evidence.getResolver()).startsWith(server.address()).contains("DNSSEC not validated");
    assertThat(evidence.getAnswer()).contains(challenge.getValue()).contains("_pki-validation.sample.co.jp");
    assertThat(evidence.getCheckedAt()).isEqualTo(clock.instant());
  }

  @Test
  void aValueTheRemotePerspectivesDoNotCorroborateIsNotYetAndNamesThem() {
    // BR 3.2.2.9: the primary's finding alone is no validation once the quorum fails.
    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");
    server.txt("_pki-validation.sample.co.jp", challenge.getValue());
    perspectives.refusing(
        "DNS change record corroborated 2/4 by remote perspectives: quorum NOT met (not corroborated by"
            + " tokyo-2 (APNIC, NOT_CORROBORATED: no _pki-validation.sample.co.jp TXT record); frankfurt-1"
            + " (RIPE_NCC, NO_ANSWER: no answer within 10000 ms))");

    DnsCheckOutcome outcome = validations.check(APPLICATION, "sample.co.jp");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason())
        .contains("carries the random value here, but the DNS change record corroborated 2/4")
        .contains("tokyo-2 (APNIC")
        .contains("frankfurt-1 (RIPE_NCC")
        .endsWith("looking again later");
    assertThat(perspectives.asked).containsExactly("_pki-validation.sample.co.jp");
    assertThat(challenge.getStatus()).isEqualTo(DnsChallenge.Status.PENDING);
    assertThat(validations.validated(APPLICATION, "sample.co.jp")).isFalse();
    assertThat(records.checks.get(0).getOutcome()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
  }

  @Test
  void aValueNotFoundHereIsNeverSentToThePerspectives() {
    validations.issue(APPLICATION, "sample.co.jp");

    assertThat(validations.check(APPLICATION, "sample.co.jp").status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(perspectives.asked).isEmpty();
  }

  @Test
  void absentThenPresent() {
    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");

    DnsCheckOutcome absent = validations.check(APPLICATION, "sample.co.jp");
    assertThat(absent.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(absent.reason()).contains("no _pki-validation.sample.co.jp TXT record");

    clock.advance(Duration.ofHours(2));
    server.txt("_pki-validation.sample.co.jp", challenge.getValue());
    assertThat(validations.check(APPLICATION, "sample.co.jp").status())
        .isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(records.checks).extracting(DnsCheckEvidence::getOutcome)
        .containsExactly(DnsCheckOutcome.Status.NOT_YET, DnsCheckOutcome.Status.VALIDATED);
  }

  @Test
  void aDifferentValueIsNotYetAndTheComparisonIsExact() {
    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");
    server.txt(
        "_pki-validation.sample.co.jp",
        challenge.getValue().toUpperCase(),
        " " + challenge.getValue(),
        challenge.getValue() + "x");

    DnsCheckOutcome outcome = validations.check(APPLICATION, "sample.co.jp");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason()).contains("does not carry the random value").contains(challenge.getValue() + "x");
  }

  @Test
  void aValueDelegatedByCnameIsFound() {
    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");
    server.cname("_pki-validation.sample.co.jp", "sample-co-jp.dcv.hosting.example");
    server.txt("sample-co-jp.dcv.hosting.example", challenge.getValue());

    DnsCheckOutcome outcome = validations.check(APPLICATION, "sample.co.jp");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(outcome.reason()).contains("through CNAME sample-co-jp.dcv.hosting.example");
  }

  @Test
  void aTimeoutIsNotYetWithTheReasonAndKeepsTheChallenge() {
    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");
    server.txt("_pki-validation.sample.co.jp", challenge.getValue());
    server.delay("_pki-validation.sample.co.jp", 2000);

    DnsCheckOutcome outcome = validations.check(APPLICATION, "sample.co.jp");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason()).contains("failed").contains("no answer from " + server.address());
    assertThat(challenge.getStatus()).isEqualTo(DnsChallenge.Status.PENDING);
    assertThat(challenge.getLastCheckReason()).isEqualTo(outcome.reason());
    assertThat(records.checks.get(0).getAnswer()).contains("no answer");
  }

  @Test
  void servfailIsNotYetWithTheReason() {
    validations.issue(APPLICATION, "sample.co.jp");
    server.servfail("_pki-validation.sample.co.jp");

    DnsCheckOutcome outcome = validations.check(APPLICATION, "sample.co.jp");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason()).contains("SERVFAIL");
  }

  @Test
  void after30DaysTheValueHasExpiredAndIsNotLookedUp() {
    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");
    server.txt("_pki-validation.sample.co.jp", challenge.getValue());
    clock.advance(Duration.ofDays(30));

    DnsCheckOutcome outcome = validations.check(APPLICATION, "sample.co.jp");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.EXPIRED);
    assertThat(challenge.getStatus()).isEqualTo(DnsChallenge.Status.EXPIRED);
    assertThat(server.queries()).isEmpty();
    assertThat(validations.validated(APPLICATION, "sample.co.jp")).isFalse();
    DnsChallenge fresh = validations.issue(APPLICATION, "sample.co.jp");
    assertThat(fresh.getValue()).isNotEqualTo(challenge.getValue());
    assertThat(fresh.getStatus()).isEqualTo(DnsChallenge.Status.PENDING);
  }

  @Test
  void aValidationCoversTheNamesBelowForTheReusePeriod() {
    DnsChallenge challenge = validations.issue(APPLICATION, "sample.co.jp");
    assertThat(validations.validated(APPLICATION, "sample.co.jp")).isFalse();
    server.txt("_pki-validation.sample.co.jp", challenge.getValue());
    validations.check(APPLICATION, "sample.co.jp");

    assertThat(validations.validated(APPLICATION, "sample.co.jp")).isTrue();
    assertThat(validations.validated(APPLICATION, "www.sample.co.jp")).isTrue();
    assertThat(validations.validated(APPLICATION, "*.shop.sample.co.jp")).isTrue();
    assertThat(validations.validated(APPLICATION, "notsample.co.jp")).isFalse();
    assertThat(validations.validated(APPLICATION + 1, "sample.co.jp")).isFalse();

    clock.advance(Duration.ofDays(200).minusSeconds(1));
    assertThat(validations.validated(APPLICATION, "www.sample.co.jp")).isTrue();
    assertThat(validations.issue(APPLICATION, "sample.co.jp").getValue()).isEqualTo(challenge.getValue());
    clock.advance(Duration.ofSeconds(1));
    assertThat(validations.validated(APPLICATION, "www.sample.co.jp")).isFalse();
    assertThat(validations.check(APPLICATION, "sample.co.jp").status())
        .isEqualTo(DnsCheckOutcome.Status.EXPIRED);
    assertThat(validations.issue(APPLICATION, "sample.co.jp").getValue()).isNotEqualTo(challenge.getValue());
  }

  @Test
  void checkingWithoutAChallengeIsAProgrammingError() {
    assertThatThrownBy(() -> validations.check(APPLICATION, "sample.co.jp"))
        .isInstanceOf(DnsChangeValidations.NoDnsChallengeException.class)
        .hasMessageContaining("no DNS challenge issued for sample.co.jp");
  }

  @Test
  void theCustomerSeesTheLatestChallengePerDomain() {
    DnsChallenge first = validations.issue(APPLICATION, "sample.co.jp");
    clock.advance(Duration.ofDays(31));
    DnsChallenge second = validations.issue(APPLICATION, "sample.co.jp");
    validations.issue(APPLICATION, "sample-shop.jp");

    assertThat(validations.challenges(APPLICATION))
        .extracting(DnsChallengeView::domain, DnsChallengeView::value, DnsChallengeView::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sample.co.jp", second.getValue(), DnsChallenge.Status.PENDING),
            org.assertj.core.groups.Tuple.tuple(
                "sample-shop.jp",
                records.challenges.get(2).getValue(),
                DnsChallenge.Status.PENDING));
    assertThat(first.getStatus()).isEqualTo(DnsChallenge.Status.EXPIRED);
  }
}
