package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The private-CA rule at signing: the registrant evidence must be on record for the application,
 * whatever moved its process along.
 */
class DomainControlTest {

  static final Instant SUBMITTED = Instant.parse("2026-11-20T01:00:00Z");

  final Applications applications = mock(Applications.class);
  final RegistrationEvidenceRepository registrations = mock(RegistrationEvidenceRepository.class);
  final DomainUseConsentRepository consents = mock(DomainUseConsentRepository.class);
  final RegistrantComparisonRepository comparisons = mock(RegistrantComparisonRepository.class);
  final DnsChangeValidations dnsChange = mock(DnsChangeValidations.class);
  final DomainControl privateCa =
      new DomainControl(
          true,
          dnsChange,
          applications,
          mock(MailTemplates.class),
          mock(Outbox.class),
          registrations,
          consents,
          comparisons,
          mock(DomainControlDecisions.class),
          mock(DomainValidationChoiceRepository.class),
          "https://ca.example",
          java.time.Clock.systemUTC());

  @BeforeEach
  void application() {
    Application application = mock(Application.class);
    when(application.getId()).thenReturn(7L);
    when(application.getCommonName()).thenReturn("www.sample.co.jp");
    when(application.getOrganizationNameEn()).thenReturn("Sample K.K.");
    when(application.getSubmittedAt()).thenReturn(SUBMITTED);
    when(application.getCustomerAccountId()).thenReturn(12L);
    when(applications.get(7)).thenReturn(application);
    when(applications.ofCustomer(12)).thenReturn(List.of(application));
    when(consents.findByApplicationIdAndStatusOrderByIdAsc(7, DomainUseConsent.Status.APPROVED)).thenReturn(List.of());
    when(comparisons.findByApplicationIdOrderByIdAsc(7)).thenReturn(List.of());
    when(registrations.findByDomainNameOrderByQueriedAtDesc("sample.co.jp")).thenReturn(List.of());
  }

  private static RegistrationEvidence lookup(Instant at, NameMatch match) {
    RegistrationRecord record = new RegistrationRecord(true, List.of("Sample K.K."), List.of(), false, null);
    return new RegistrationEvidence(
        "sample.co.jp",
        new RegistryAnswer("WHOIS", "whois.jprs.jp:43", "…", record, null),
        at,
        List.of("Sample K.K.", "サンプル株式会社"),
        match);
  }

  @Test
  void nothingOnRecordMeansNoControl() {
    assertThat(privateCa.stillEstablished(7)).isFalse();
  }

  @Test
  void aRegistryMatchSinceSubmissionCounts() {
    when(registrations.findByDomainNameOrderByQueriedAtDesc("sample.co.jp"))
        .thenReturn(List.of(lookup(SUBMITTED.plusSeconds(5), NameMatch.MATCH)));
    assertThat(privateCa.stillEstablished(7)).isTrue();
  }

  @Test
  void aMatchBeforeTheApplicationOrANonMatchDoesNot() {
    when(registrations.findByDomainNameOrderByQueriedAtDesc("sample.co.jp"))
        .thenReturn(
            List.of(
                lookup(SUBMITTED.plusSeconds(5), NameMatch.NO_MATCH),
                lookup(SUBMITTED.minusSeconds(60), NameMatch.MATCH)));
    assertThat(privateCa.stillEstablished(7)).isFalse();
  }

  private static DomainUseConsent approvedBy(String email, String domain) {
    DomainUseConsent consent = mock(DomainUseConsent.class);
    when(consent.getEmail()).thenReturn(email);
    when(consent.getDomainName()).thenReturn(domain);
    return consent;
  }

  @Test
  void anApprovedConsentCountsOnlyFromAContactTheRecordNamedForThisDomain() {
    RegistrationRecord hosted =
        new RegistrationRecord(true, List.of("Web Hosting K.K."), List.of("noc@hosting.example.jp"), false, null);
    when(registrations.findByDomainNameOrderByQueriedAtDesc("sample.co.jp"))
        .thenReturn(
            List.of(
                new RegistrationEvidence(
                    "sample.co.jp",
                    new RegistryAnswer("WHOIS", "whois.jprs.jp:43", "…", hosted, null),
                    SUBMITTED.plusSeconds(5),
                    List.of("Sample K.K."),
                    NameMatch.NO_MATCH)));

    // An address slipped into the process (not in the record), or consent for another domain.
    List<DomainUseConsent> stray =
        List.of(approvedBy("friend@attacker.example", "sample.co.jp"), approvedBy("noc@hosting.example.jp", "other.jp"));
    when(consents.findByApplicationIdAndStatusOrderByIdAsc(7, DomainUseConsent.Status.APPROVED)).thenReturn(stray);
    assertThat(privateCa.stillEstablished(7)).isFalse();

    List<DomainUseConsent> listed = List.of(approvedBy("NOC@hosting.example.jp", "sample.co.jp"));
    when(consents.findByApplicationIdAndStatusOrderByIdAsc(7, DomainUseConsent.Status.APPROVED)).thenReturn(listed);
    assertThat(privateCa.stillEstablished(7)).isTrue();
  }

  @Test
  void anOfficersSameDecisionCounts() {
    RegistrantComparison same = mock(RegistrantComparison.class);
    when(same.isSameOrganization()).thenReturn(true);
    when(same.getDomainName()).thenReturn("sample.co.jp");
    when(comparisons.findByApplicationIdOrderByIdAsc(7)).thenReturn(List.of(same));
    assertThat(privateCa.stillEstablished(7)).isTrue();
  }

  @Test
  void caaSeesTheStorefrontAccountAndTheMethodThatValidatedTheName() {
    // RFC 8657 for an application: the account URI a persistent DNS TXT record names, and the
    // method of the validation covering the name (BR 4.2.2.1.2 labels it ca-tbr-22).
    DnsChallenge persistent = mock(DnsChallenge.class);
    when(persistent.validationMethod()).thenReturn(DomainValidationMethod.PERSISTENT_DNS_TXT);
    when(dnsChange.validation(7, "www.sample.co.jp")).thenReturn(java.util.Optional.of(persistent));

    CaaRequester requester = privateCa.caaRequester(7, "www.sample.co.jp");

    assertThat(requester.accountUri()).isEqualTo("https://ca.example/accounts/12");
    assertThat(requester.methodLabels()).containsExactly("ca-tbr-22");
    assertThat(requester.method()).isEqualTo("BR 3.2.2.4.22");
  }

  @Test
  void caaSeesNoMethodForANameNoValidationCovers() {
    when(dnsChange.validation(7, "shop.sample.co.jp")).thenReturn(java.util.Optional.empty());

    CaaRequester requester = privateCa.caaRequester(7, "shop.sample.co.jp");

    assertThat(requester.accountUri()).isEqualTo("https://ca.example/accounts/12");
    assertThat(requester.methodLabels()).isEmpty();
  }
}
