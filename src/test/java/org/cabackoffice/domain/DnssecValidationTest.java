package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;
import org.xbill.DNS.Type;

/**
 * DNSSEC validation of CAA and DNS change lookups (BR 3.2.2.4, 3.2.2.8.1, ballot SC-085) against
 * a real BIND 9 serving a signed test root: a signed zone, a zone whose signatures are broken, and
 * an unsigned zone delegated from a signed parent; the validator's trust anchor is the test root's
 * key.
 */
class DnssecValidationTest {

  static final String CA = "backoffice.example";

  static BindDnsServer bind;
  static DnsLookup dns;

  @BeforeAll
  static void startBind() {
    bind =
        new BindDnsServer()
            .signed("signed.test")
            .broken("bogus.test")
            .unsigned("unsigned.signed.test")
            .caa("signed.test", 0, "issue", CA)
            .caa("bogus.test", 0, "issue", CA)
            .caa("unsigned.signed.test", 0, "issue", CA)
            .txt("signed.test", "v=spf1 -all")
            .start();
    dns = lookup(bind.trustAnchorLocation());
  }

  @AfterAll
  static void stopBind() {
    bind.close();
  }

  static DnsLookup lookup(String trustAnchor) {
    return new DnsLookup(
        new DnsProperties(
            bind.address(), Duration.ofSeconds(2), null, new DnsProperties.Dnssec(true, trustAnchor)),
        Clock.systemUTC());
  }

  private final InMemoryDnsValidationRecords records = new InMemoryDnsValidationRecords();

  private CaaCheck caa(DnsLookup lookup) {
    return new CaaCheck(
        lookup,
        new CaaProperties(List.of(CA)),
        records.caaRepository,
        Clock.systemUTC(),
        TransactionOperations.withoutTransaction());
  }

  @Test
  void aSignedZonesCaaAnswerIsSecureAndPermits() {
    CaaVerdict verdict = caa(dns).check(List.of("www.signed.test"));

    assertThat(verdict.permitted()).isTrue();
    assertThat(verdict.names().get(0).relevantDomain()).isEqualTo("signed.test");
    assertThat(verdict.names().get(0).reason()).contains("DNSSEC: secure");
    CaaEvidence evidence = records.caa.get(0);
    assertThat(evidence.getDnssec())
        .containsExactly("www.signed.test CAA SECURE", "signed.test CAA SECURE");
    assertThat(evidence.getResolver()).contains("DNSSEC-validated to . DS");
    assertThat(evidence.getAnswers()).contains(";; DNSSEC: SECURE").contains("CAA");
  }

  @Test
  void aBrokenSignatureRefusesNamingTheZoneAndTheFailure() {
    CaaVerdict verdict = caa(dns).check(List.of("www.bogus.test"));

    assertThat(verdict.permitted()).isFalse();
    // A retry, then an incident for operations (CaaBeforeIssuance), never a permission.
    assertThat(verdict.refusedOnlyByLookupFailures()).isTrue();
    assertThat(verdict.refusals().get(0))
        .contains("DNSSEC validation of bogus.test CAA failed in zone bogus.test")
        .contains("never permission to issue");
    CaaEvidence evidence = records.caa.get(0);
    assertThat(evidence.isPermitted()).isFalse();
    assertThat(evidence.getDnssec()).contains("www.bogus.test CAA SECURE", "bogus.test CAA BOGUS");
    // What the server sent, unvalidated, stays with the evidence for the auditor.
    assertThat(evidence.getAnswers()).contains("as sent by the server, unvalidated (CD)");
  }

  @Test
  void anUnsignedZoneUnderASignedParentIsInsecureAndAllowedWithThatRecorded() {
    CaaVerdict verdict = caa(dns).check(List.of("www.unsigned.signed.test"));

    assertThat(verdict.permitted()).isTrue();
    assertThat(verdict.names().get(0).relevantDomain()).isEqualTo("unsigned.signed.test");
    assertThat(verdict.names().get(0).reason()).contains("DNSSEC: insecure");
    assertThat(records.caa.get(0).getDnssec()).contains("unsigned.signed.test CAA INSECURE");
  }

  @Test
  void withAnotherRootsAnchorNothingValidates() {
    // IANA's root KSKs do not sign this test root: every answer is bogus, none permits.
    DnsAnswer answer = lookup(DnssecTrustAnchor.IANA_ROOT).query("signed.test", Type.CAA);

    assertThat(answer.failed()).isTrue();
    assertThat(answer.dnssec()).isEqualTo(DnssecStatus.BOGUS);
    assertThat(answer.failure()).contains("DNSSEC validation of signed.test CAA failed");
  }

  @Test
  void aDnsChangeChallengeIsValidatedThroughDnssec() {
    DnsChangeValidations validations = validations();
    DnsChallenge challenge = validations.issue(11L, "signed.test");
    bind.publishTxt(challenge.getRecordName(), challenge.getValue());

    DnsCheckOutcome outcome = validations.check(11L, "signed.test");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(outcome.reason()).contains("BR 3.2.2.4.7; DNSSEC: secure");
    DnsCheckEvidence evidence = records.checks.get(records.checks.size() - 1);
    assertThat(evidence.getDnssec()).isEqualTo(DnssecStatus.SECURE);
    assertThat(evidence.getAnswer()).contains(challenge.getValue()).contains(";; DNSSEC: SECURE");
  }

  @Test
  void aChallengeInAnInsecureZoneIsValidatedAndRecordedAsInsecure() {
    DnsChangeValidations validations = validations();
    DnsChallenge challenge = validations.issue(12L, "unsigned.signed.test");
    bind.publishTxt(challenge.getRecordName(), challenge.getValue());

    DnsCheckOutcome outcome = validations.check(12L, "unsigned.signed.test");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(outcome.reason()).contains("DNSSEC: insecure");
    assertThat(records.checks.get(records.checks.size() - 1).getDnssec())
        .isEqualTo(DnssecStatus.INSECURE);
  }

  @Test
  void aChallengeRecordWithABrokenSignatureNeverValidates() {
    DnsChangeValidations validations = validations();
    DnsChallenge challenge = validations.issue(13L, "bogus.test");
    // The right value is published, but its signature does not verify.
    bind.publishTxt(challenge.getRecordName(), challenge.getValue());

    DnsCheckOutcome outcome = validations.check(13L, "bogus.test");

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason())
        .contains("DNSSEC validation of _pki-validation.bogus.test TXT failed in zone bogus.test");
    assertThat(validations.validated(13L, "bogus.test")).isFalse();
    assertThat(records.checks.get(records.checks.size() - 1).getDnssec())
        .isEqualTo(DnssecStatus.BOGUS);
  }

  private DnsChangeValidations validations() {
    DnsProperties properties =
        new DnsProperties(
            bind.address(),
            Duration.ofSeconds(2),
            null,
            new DnsProperties.Dnssec(true, bind.trustAnchorLocation()));
    return new DnsChangeValidations(
        records.challengeRepository,
        records.checkRepository,
        dns,
        properties,
        new ValidationProperties(null),
        Clock.systemUTC(),
        FixedCorroboration.corroborating(),
        new CaaProperties(List.of(CA)),
        new WebsiteFileFetch(dns, 80, 443, Duration.ofSeconds(2)));
  }
}
