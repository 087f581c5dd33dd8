package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cabackoffice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The persistent DNS TXT record method (BR 3.2.2.4.22) against a real BIND 9 serving signed zones
 * under a test root, DNSSEC-validated to that root: the record is found at {@code
 * _validation-persist.<ADN>}, names this CA and the account, is corroborated, and is relied on
 * again by a later application while it stays published, each validation for 10 days at most.
 */
class PersistentDnsTxtValidationTest {

  static final String CA = "backoffice.example";
  static final String ACCOUNT = "https://ca.example/accounts/12";
  static final String OTHER_ACCOUNT = "https://ca.example/accounts/99";

  static BindDnsServer bind;

  @BeforeAll
  static void startBind() {
    bind =
        new BindDnsServer()
            .signed("example.jp")
            .signed("moved.jp")
            .broken("bogus.jp")
            .txt("_validation-persist.example.jp", CA + "; accounturi=" + ACCOUNT)
            // BR 3.2.2.4.22: "CNAME records MAY be followed when resolving the Persistent DCV TXT Record".
            .cname("_validation-persist.moved.jp", "dcv.moved.jp")
            .txt("dcv.moved.jp", CA + "; accounturi=" + ACCOUNT)
            .txt("_validation-persist.bogus.jp", CA + "; accounturi=" + ACCOUNT)
            .start();
  }

  @AfterAll
  static void stopBind() {
    bind.close();
  }

  private final MutableClock clock = new MutableClock(Instant.now());
  private final InMemoryDnsValidationRecords records = new InMemoryDnsValidationRecords();
  private final FixedCorroboration perspectives = FixedCorroboration.corroborating();
  private final DnsChangeValidations validations = validations();

  private DnsChangeValidations validations() {
    DnsProperties properties =
        new DnsProperties(
            bind.address(), Duration.ofSeconds(2), null, new DnsProperties.Dnssec(true, bind.trustAnchorLocation()));
    DnsLookup lookup = new DnsLookup(properties, clock);
    return new DnsChangeValidations(
        records.challengeRepository,
        records.checkRepository,
        lookup,
        properties,
        new ValidationProperties(null),
        clock,
        perspectives,
        new CaaProperties(List.of(CA)),
        new WebsiteFileFetch(lookup, 80, 443, Duration.ofSeconds(2)));
  }

  private DnsCheckOutcome validate(long application, String fqdn, String account) {
    validations.issue(application, fqdn, DomainValidationMethod.PERSISTENT_DNS_TXT, account);
    return validations.check(application, fqdn);
  }

  @Test
  void thePublishedRecordValidatesTheBaseDomainAndIsRecordedWithFqdnAdnAndMethod() {
    DnsCheckOutcome outcome = validate(1, "www.example.jp", ACCOUNT);

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(outcome.recordName()).isEqualTo("_validation-persist.example.jp");
    assertThat(outcome.reason()).contains("BR 3.2.2.4.22").contains("DNSSEC: secure").contains("10 days");
    DnsChallenge record = records.challenges.get(0);
    assertThat(record.getFqdn()).isEqualTo("www.example.jp");
    assertThat(record.getDomainName()).isEqualTo("example.jp");
    assertThat(record.getMethod()).isEqualTo("3.2.2.4.22");
    DnsCheckEvidence evidence = records.checks.get(0);
    assertThat(evidence.getMethod()).isEqualTo("3.2.2.4.22");
    assertThat(evidence.getFqdn()).isEqualTo("www.example.jp");
    assertThat(evidence.getDomainName()).isEqualTo("example.jp");
    assertThat(evidence.getDnssec()).isEqualTo(DnssecStatus.SECURE);
    assertThat(perspectives.asked).containsExactly("_validation-persist.example.jp");
    // The ADN allows pruning: names below it are covered, others not.
    assertThat(validations.validated(1, "shop.example.jp")).isTrue();
    assertThat(validations.validated(1, "*.example.jp")).isTrue();
    assertThat(validations.validated(1, "example.com")).isFalse();
    // What the customer publishes, as the API shows it.
    assertThat(validations.challenges(1).get(0).value()).isEqualTo(CA + "; accounturi=" + ACCOUNT);
    assertThat(validations.challenges(1).get(0).method()).isEqualTo("3.2.2.4.22");
  }

  @Test
  void whileTheRecordStaysPublishedALaterApplicationReliesOnItAgainAndEachValidationCountsTenDays() {
    assertThat(validate(1, "www.example.jp", ACCOUNT).validated()).isTrue();

    clock.advance(Duration.ofDays(11));

    assertThat(validations.validated(1, "www.example.jp")).as("BR 3.2.2.4.22: 10 days at most").isFalse();
    DnsCheckOutcome later = validate(2, "mail.example.jp", ACCOUNT);
    assertThat(later.status()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(validations.validated(2, "mail.example.jp")).isTrue();
  }

  @Test
  void aRecordNamingAnotherAccountIsNotEvidenceAndTheReasonSaysWhose() {
    DnsCheckOutcome outcome = validate(3, "www.example.jp", OTHER_ACCOUNT);

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason()).contains("names the account " + ACCOUNT + ", not the applicant's " + OTHER_ACCOUNT);
    assertThat(perspectives.asked).isEmpty();
  }

  @Test
  void aCnameIsFollowedToTheRecordWhileTheAdnStaysTheAppliedForBaseDomain() {
    DnsCheckOutcome outcome = validate(4, "www.moved.jp", ACCOUNT);

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(outcome.reason()).contains("through CNAME dcv.moved.jp");
    assertThat(records.challenges.get(0).getDomainName()).isEqualTo("moved.jp");
    assertThat(validations.validated(4, "www.moved.jp")).isTrue();
    assertThat(validations.validated(4, "www.example.jp")).isFalse();
  }

  @Test
  void aBogusAnswerNeverValidates() {
    DnsCheckOutcome outcome = validate(5, "www.bogus.jp", ACCOUNT);

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason()).contains("DNSSEC validation").contains("bogus.jp");
    assertThat(records.checks.get(0).getDnssec()).isEqualTo(DnssecStatus.BOGUS);
  }

  @Test
  void perspectivesThatDoNotCorroborateKeepItNotYet() {
    perspectives.refusing("DNS change record corroborated 2/5 by remote perspectives: quorum NOT met");

    DnsCheckOutcome outcome = validate(6, "www.example.jp", ACCOUNT);

    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason()).contains("quorum NOT met");
    assertThat(validations.validated(6, "www.example.jp")).isFalse();
  }
}
