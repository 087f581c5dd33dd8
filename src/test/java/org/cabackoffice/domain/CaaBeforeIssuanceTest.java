package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The application's CAA check right before signing honours RFC 8657's accounturi and
 * validationmethods (BR 4.2.2.1.2, ballot SC-098) for the applicant's account and each name's
 * method, and a refusal reaches the application with its reason.
 */
class CaaBeforeIssuanceTest {

  static final String ACCOUNT = "https://ca.example/accounts/12";

  private final LoopbackDnsServer server = new LoopbackDnsServer().start();
  private final InMemoryDnsValidationRecords records = new InMemoryDnsValidationRecords();
  private final DomainAssessment assessment = mock(DomainAssessment.class);
  private final DomainControl domainControl = mock(DomainControl.class);
  private final FixedCorroboration perspectives = FixedCorroboration.corroborating();
  private CaaBeforeIssuance caa;

  @BeforeEach
  void setUp() {
    CaaCheck check =
        new CaaCheck(
            new DnsLookup(
                new DnsProperties(server.address(), Duration.ofMillis(500), null, DnsProperties.Dnssec.off()),
                Clock.systemUTC()),
            new CaaProperties(null),
            records.caaRepository,
            Clock.systemUTC(),
            TransactionOperations.withoutTransaction());
    caa = new CaaBeforeIssuance(true, assessment, check, new CaaProperties(null), perspectives, domainControl);
    when(assessment.certificateNames(7)).thenReturn(List.of("www.sample.co.jp"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void validatedBy(DomainValidationMethod method) {
    when(domainControl.caaRequester(7, "www.sample.co.jp")).thenReturn(CaaRequester.application(ACCOUNT, method));
  }

  @Test
  void aManualApplicationValidatedByTheListedMethodForTheNamedAccountIsPermitted() {
    server.caa("sample.co.jp", 0, "issue", "backoffice.example; accounturi=" + ACCOUNT + "; validationmethods=ca-tbr-7");
    validatedBy(DomainValidationMethod.DNS_CHANGE);

    CaaBeforeIssuance.Outcome outcome = caa.check(7);

    assertThat(outcome.permitted()).isTrue();
    // The perspectives judge permission for the same request, parameters included.
    assertThat(perspectives.caaRequesters)
        .containsExactly(CaaRequester.application(ACCOUNT, DomainValidationMethod.DNS_CHANGE));
  }

  @Test
  void aMethodTheRecordDoesNotListRefusesTheApplicationWithTheReason() {
    server.caa("sample.co.jp", 0, "issue", "backoffice.example; validationmethods=ca-tbr-22");
    validatedBy(DomainValidationMethod.WEBSITE_CHANGE_V2);

    CaaBeforeIssuance.Outcome outcome = caa.check(7);

    assertThat(outcome.permitted()).isFalse();
    assertThat(outcome.detail())
        .startsWith("www.sample.co.jp: ")
        .contains("validationmethods ca-tbr-22 does not list ca-tbr-18 (BR 3.2.2.4.18)");
    assertThat(perspectives.asked).isEmpty();
  }

  @Test
  void anAccounturiOfAnotherAccountRefusesTheApplication() {
    server.caa("sample.co.jp", 0, "issue", "backoffice.example; accounturi=https://ca.example/acme/account/3");
    validatedBy(DomainValidationMethod.PERSISTENT_DNS_TXT);

    CaaBeforeIssuance.Outcome outcome = caa.check(7);

    assertThat(outcome.permitted()).isFalse();
    assertThat(outcome.detail())
        .contains("accounturi https://ca.example/acme/account/3 is not the requesting account " + ACCOUNT);
  }
}
