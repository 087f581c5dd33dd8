package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.csr.CsrCheckResult;
import org.junit.jupiter.api.Test;

/** Guide [3-1]: whose is the registered domain behind the certificate's names. */
class DomainAssessmentTest {

  final Applications applications = mock(Applications.class);
  final CsrCheck csrCheck = mock(CsrCheck.class);
  final DomainCheck domainCheck = mock(DomainCheck.class);
  /** The directory lists "Sample K.K." under its official English name. */
  final ListedOrganizationNames directory =
      (en, ja) -> "サンプル株式会社".equals(ja) ? List.of("Sample Kabushiki Kaisha Holdings", "サンプル株式会社") : List.of();
  final DomainAssessment assessment = new DomainAssessment(applications, csrCheck, domainCheck, directory);

  private void application(String commonName, String... sans) {
    Application application = mock(Application.class);
    when(application.getCommonName()).thenReturn(commonName);
    when(application.getCsrPem()).thenReturn("pem");
    when(application.getOrganizationNameEn()).thenReturn("Sample K.K.");
    when(application.getOrganizationNameJa()).thenReturn("サンプル株式会社");
    when(applications.get(5)).thenReturn(application);
    CsrCheckResult result = mock(CsrCheckResult.class);
    when(result.sans()).thenReturn(List.of(sans));
    when(csrCheck.check(any(), any())).thenReturn(result);
  }

  private void registry(NameMatch match, boolean registered, List<String> contacts) {
    when(domainCheck.check(eq("sample.co.jp"), any()))
        .thenReturn(new DomainCheckResult("sample.co.jp", registered, "WHOIS", "whois.jprs.jp:43", "X", contacts, match, 1, java.time.Instant.EPOCH, null));
  }

  @Test
  void theRegistrableDomainIsFoundWithThePublicSuffixList() {
    assertThat(DomainAssessment.registrableDomain("www.shop.sample.co.jp")).isEqualTo("sample.co.jp");
    assertThat(DomainAssessment.registrableDomain("*.sample.co.jp")).isEqualTo("sample.co.jp");
    assertThat(DomainAssessment.registrableDomain("WWW.Example.COM")).isEqualTo("example.com");
  }

  @Test
  void theApplicantAsRegistrantMatches() {
    application("www.sample.co.jp", "www.sample.co.jp", "sample.co.jp");
    registry(NameMatch.MATCH, true, List.of());
    assertThat(assessment.assess(5).outcome()).isEqualTo(DomainAssessment.Outcome.MATCH);
  }

  @Test
  void anExpiredRegistrationIsNoAutomaticMatchButAFindingTheOfficerSees() {
    application("www.sample.co.jp");
    java.time.LocalDate expired = java.time.LocalDate.of(2026, 3, 31);
    when(domainCheck.check(eq("sample.co.jp"), any()))
        .thenReturn(
            new DomainCheckResult(
                "sample.co.jp", true, "WHOIS", "whois.jprs.jp:43", "Sample K.K.", List.of(),
                NameMatch.MATCH, 1, java.time.Instant.EPOCH, null, expired, true));

    DomainAssessment.Result result = assessment.assess(5);

    assertThat(result.outcome()).isEqualTo(DomainAssessment.Outcome.COMPARE);
    assertThat(result.registrantOrganization()).isEqualTo("Sample K.K.");
    assertThat(result.registrationFinding()).contains("expired on 2026-03-31", "whois.jprs.jp:43");
  }

  @Test
  void theRegistrantIsComparedWithTheApplicantsNamesAndItsDirectoryEntry() {
    application("www.sample.co.jp");
    registry(NameMatch.MATCH, true, List.of());

    assessment.assess(5);

    // Each name once, the applicant's own first.
    verify(domainCheck)
        .check("sample.co.jp", List.of("Sample K.K.", "サンプル株式会社", "Sample Kabushiki Kaisha Holdings"));
  }

  @Test
  void anotherRegistrantWithContactsNeedsConsent() {
    application("www.sample.co.jp");
    registry(NameMatch.NO_MATCH, true, List.of("hostmaster@hosting.example.jp"));
    DomainAssessment.Result result = assessment.assess(5);
    assertThat(result.outcome()).isEqualTo(DomainAssessment.Outcome.CONSENT_NEEDED);
    assertThat(result.contactEmails()).containsExactly("hostmaster@hosting.example.jp");
  }

  @Test
  void aRedactedRecordWithoutContactsIsRefused() {
    application("www.sample.co.jp");
    registry(NameMatch.NO_REGISTRANT, true, List.of());
    DomainAssessment.Result result = assessment.assess(5);
    assertThat(result.outcome()).isEqualTo(DomainAssessment.Outcome.REFUSED);
    assertThat(result.rejectionCode()).isEqualTo("DOMAIN_NO_CONTACT");
  }

  @Test
  void anUnregisteredDomainIsRefused() {
    application("www.sample.co.jp");
    registry(NameMatch.NO_MATCH, false, List.of());
    assertThat(assessment.assess(5).rejectionCode()).isEqualTo("DOMAIN_NOT_REGISTERED");
  }

  @Test
  void namesUnderTwoRegisteredDomainsAreRefused() {
    application("www.sample.co.jp", "www.sample.co.jp", "www.other.jp");
    DomainAssessment.Result result = assessment.assess(5);
    assertThat(result.rejectionCode()).isEqualTo("DOMAIN_SPANS_REGISTRABLE_DOMAINS");
    assertThat(result.detail()).contains("sample.co.jp", "other.jp");
  }

}
