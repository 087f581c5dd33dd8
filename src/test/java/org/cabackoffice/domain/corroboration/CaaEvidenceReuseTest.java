package org.cabackoffice.domain.corroboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationStatus;
import org.cabackoffice.application.Applications;
import org.cabackoffice.domain.CaaRequester;
import org.cabackoffice.domain.DomainValidationMethod;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * BR 3.2.2.9: CAA quorum evidence may be reused for at most 398 days, after a certificate was
 * issued, for the same applicant's same domain or its subdomains, and (RFC 8657, BR 4.2.2.1.2) only
 * where it judged the same account URI and validation method. The perspectives configured here
 * listen nowhere: a reuse must not ask them.
 */
class CaaEvidenceReuseTest {

  private static final CaaRequester REQUESTER =
      CaaRequester.application("https://backoffice.example/accounts/1", DomainValidationMethod.DNS_CHANGE);

  /** What the earlier evidence judged: sample.co.jp for REQUESTER. */
  private static final String JUDGED = JudgedRequesters.canonical(List.of("sample.co.jp"), List.of(REQUESTER));

  private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
  private static final PerspectiveCa CA = new PerspectiveCa("Reuse Test CA");

  private final CorroborationRepository corroborations = mock(CorroborationRepository.class);
  private final PerspectiveAttemptRepository attempts = mock(PerspectiveAttemptRepository.class);
  private final Applications applications = mock(Applications.class);
  private final RemotePerspectives perspectives =
      new RemotePerspectives(
          new MpicProperties(
              true,
              List.of(
                  new MpicProperties.Perspective("a", RirRegion.ARIN, "https://127.0.0.11:9/"),
                  new MpicProperties.Perspective("b", RirRegion.APNIC, "https://127.0.0.12:9/"),
                  new MpicProperties.Perspective("c", RirRegion.RIPE_NCC, "https://127.0.0.13:9/"),
                  new MpicProperties.Perspective("d", RirRegion.ARIN, "https://127.0.0.14:9/")),
              Duration.ofSeconds(2),
              new MpicProperties.Tls(
                  CA.clientKeyStore("primary").toString(), PerspectiveCa.PASSWORD,
                  CA.trustStore().toString(), PerspectiveCa.PASSWORD)),
          corroborations,
          attempts,
          applications,
          Clock.fixed(NOW, ZoneOffset.UTC),
          mock(PlatformTransactionManager.class));

  private static Application application(long id, ApplicationStatus status, String organization) {
    Application a = mock(Application.class);
    when(a.getId()).thenReturn(id);
    when(a.getCustomerAccountId()).thenReturn(1L);
    when(a.getStatus()).thenReturn(status);
    when(a.getOrganizationNameEn()).thenReturn(organization);
    return a;
  }

  @Test
  void anIssuedApplicationsCaaQuorumOfTheSameApplicantIsReusedForASubdomainWithoutAsking() {
    earlierEvidence(JUDGED);
    Application now = application(10, ApplicationStatus.IN_PROGRESS, "Sample K.K.");
    when(applications.get(10)).thenReturn(now);
    Application issued = application(9, ApplicationStatus.ISSUED, "Sample K.K.");
    Application otherOrganization = application(8, ApplicationStatus.ISSUED, "Other K.K.");
    when(applications.ofCustomer(1)).thenReturn(List.of(now, issued, otherOrganization));
    when(corroborations.save(any())).thenAnswer(call -> call.getArgument(0));

    MultiPerspectiveCorroboration.Outcome outcome =
        perspectives.caa(10L, List.of("www.sample.co.jp"), List.of("backoffice.example"), List.of(REQUESTER));

    assertThat(outcome.permitsIssuance()).isTrue();
    assertThat(outcome.summary()).contains("(5/5 on ").contains("issued to the same applicant) reused");
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Collection<Long>> sameApplicant = ArgumentCaptor.forClass(Collection.class);
    verify(corroborations)
        .findBySubjectAndMetTrueAndEnforcedTrueAndCheckedAtAfterAndApplicationIdInOrderByIdDesc(
            eq(Corroboration.Subject.CAA), any(), sameApplicant.capture());
    assertThat(sameApplicant.getValue()).containsExactly(9L);
    ArgumentCaptor<Corroboration> stored = ArgumentCaptor.forClass(Corroboration.class);
    verify(corroborations).save(stored.capture());
    assertThat(stored.getValue().getQuorum()).isEqualTo("5/5");
    assertThat(stored.getValue().getApplicationId()).isEqualTo(10L);
    assertThat(stored.getValue().getCaaRequesters())
        .isEqualTo("www.sample.co.jp accounturi=https://backoffice.example/accounts/1 method=BR 3.2.2.4.7");
    verify(attempts, times(0)).save(any());
  }

  /** sample.co.jp's CAA quorum, 397 days ago, of application 9, issued to the same applicant. */
  private Corroboration earlierEvidence(String judged) {
    Application now = application(10, ApplicationStatus.IN_PROGRESS, "Sample K.K.");
    when(applications.get(10)).thenReturn(now);
    Application issued = application(9, ApplicationStatus.ISSUED, "Sample K.K.");
    when(applications.ofCustomer(1)).thenReturn(List.of(now, issued));
    Corroboration earlier =
        new Corroboration(
            Corroboration.Owner.application(9L), NOW.minus(Duration.ofDays(397)), Corroboration.Subject.CAA,
            List.of("sample.co.jp"), CorroborationSchedule.FROM_2025_09_15, "5/5", true, true, "met", null, judged);
    ReflectionTestUtils.setField(earlier, "id", 5L);
    when(corroborations.findBySubjectAndMetTrueAndEnforcedTrueAndCheckedAtAfterAndApplicationIdInOrderByIdDesc(
            eq(Corroboration.Subject.CAA), eq(NOW.minus(Duration.ofDays(398))), anyCollection()))
        .thenReturn(List.of(earlier));
    return earlier;
  }

  @Test
  void evidenceJudgedForTheSameAccountAndMethodIsReusedForEveryNameItCovers() {
    Corroboration earlier = earlierEvidence(JUDGED);

    RemotePerspectives.CaaReuse reuse =
        perspectives.reusableCaaEvidence(
            10L, List.of("sample.co.jp", "www.sample.co.jp"), List.of(REQUESTER, REQUESTER), NOW);

    assertThat(reuse.evidence()).containsSame(earlier);
  }

  @Test
  void evidenceJudgedForAnotherValidationMethodIsNotReused() {
    // CAA "issue backoffice.example; validationmethods=ca-tbr-7" permits the DNS change request it
    // judged, not one by the agreed-upon change to website: that one is asked afresh.
    earlierEvidence(JUDGED);
    CaaRequester website =
        CaaRequester.application("https://backoffice.example/accounts/1", DomainValidationMethod.WEBSITE_CHANGE_V2);

    RemotePerspectives.CaaReuse reuse =
        perspectives.reusableCaaEvidence(10L, List.of("www.sample.co.jp"), List.of(website), NOW);

    assertThat(reuse.evidence()).isEmpty();
    assertThat(reuse.whyNot())
        .isEqualTo("CAA quorum evidence #5 of application #9 not reused: www.sample.co.jp is asked for"
            + " accounturi=https://backoffice.example/accounts/1 method=BR 3.2.2.4.18, it judged for"
            + " accounturi=https://backoffice.example/accounts/1 method=BR 3.2.2.4.7");
  }

  @Test
  void evidenceJudgedForANameIsNotReusedForItsWildcardNorTheReverse() {
    // CAA answers *.sample.co.jp by issuewild, sample.co.jp by issue (RFC 8659 4.3): a quorum on
    // one property says nothing of the other.
    earlierEvidence(JUDGED);

    assertThat(
            perspectives.reusableCaaEvidence(10L, List.of("*.sample.co.jp"), List.of(REQUESTER), NOW).evidence())
        .isEmpty();
    assertThat(RemotePerspectives.covers(List.of("*.sample.co.jp"), List.of("www.sample.co.jp"))).isFalse();
    assertThat(RemotePerspectives.covers(List.of("*.sample.co.jp"), List.of("*.www.sample.co.jp"))).isTrue();
    assertThat(RemotePerspectives.covers(List.of("sample.co.jp"), List.of("WWW.Sample.co.jp"))).isTrue();
    assertThat(RemotePerspectives.covers(List.of("sample.co.jp"), List.of("othersample.co.jp"))).isFalse();
  }

  @Test
  void theMostSpecificJudgedNameSpeaksForTheAskedOne() {
    CaaRequester website =
        CaaRequester.application("https://backoffice.example/accounts/1", DomainValidationMethod.WEBSITE_CHANGE_V2);
    // www judged for the DNS change, its parent for the website change: www by website was not judged.
    String judged =
        JudgedRequesters.canonical(List.of("sample.co.jp", "www.sample.co.jp"), List.of(website, REQUESTER));

    assertThat(JudgedRequesters.whyNotCovered(judged, List.of("www.sample.co.jp"), List.of(website))).isPresent();
    assertThat(JudgedRequesters.whyNotCovered(judged, List.of("www.sample.co.jp"), List.of(REQUESTER))).isEmpty();
    assertThat(JudgedRequesters.whyNotCovered(judged, List.of("api.sample.co.jp"), List.of(website))).isEmpty();
  }

  @Test
  void evidenceJudgedForAnotherAccountIsNotReused() {
    earlierEvidence(JUDGED);
    CaaRequester otherAccount =
        CaaRequester.application("https://backoffice.example/accounts/2", DomainValidationMethod.DNS_CHANGE);

    RemotePerspectives.CaaReuse reuse =
        perspectives.reusableCaaEvidence(10L, List.of("www.sample.co.jp"), List.of(otherAccount), NOW);

    assertThat(reuse.evidence()).isEmpty();
    assertThat(reuse.whyNot()).contains("accounturi=https://backoffice.example/accounts/2", "not reused");
  }

  @Test
  void evidenceKeptBeforeRequestersWereRecordedIsNotReusedAndTheSummarySaysWhy() {
    earlierEvidence(null);
    when(corroborations.save(any()))
        .thenAnswer(call -> {
          Corroboration stored = call.getArgument(0);
          ReflectionTestUtils.setField(stored, "id", 11L);
          return stored;
        });

    MultiPerspectiveCorroboration.Outcome outcome =
        perspectives.caa(10L, List.of("www.sample.co.jp"), List.of("backoffice.example"), List.of(REQUESTER));

    // Asked afresh (nobody listens at port 9), and the auditor reads why #5 did not stand in.
    verify(attempts, times(4)).save(any());
    assertThat(outcome.permitsIssuance()).isFalse();
    assertThat(outcome.summary())
        .contains("corroborated 0/4")
        .contains("CAA quorum evidence #5 of application #9 not reused: it records no requesters")
        .contains("cannot be shown to have judged the same account and validation method");
  }

  @Test
  void theJudgedRequestersReadTheSameWhateverTheOrderTheNamesWereAskedIn() {
    CaaRequester acme = CaaRequester.acme("https://backoffice.example/acme/acct/3", "http-01");
    CaaRequester none = new CaaRequester(null, null, List.of());

    assertThat(JudgedRequesters.canonical(List.of("WWW.sample.co.jp", "api.sample.co.jp"), List.of(acme, none)))
        .isEqualTo(JudgedRequesters.canonical(List.of("api.sample.co.jp", "www.sample.co.jp"), List.of(none, acme)))
        .isEqualTo("api.sample.co.jp accounturi=- method=-\n"
            + "www.sample.co.jp accounturi=https://backoffice.example/acme/acct/3 method=http-01");
  }

  @Test
  void withoutAnIssuedCertificateOfTheSameApplicantThePerspectivesAreAskedAgain() {
    Application now = application(10, ApplicationStatus.IN_PROGRESS, "Sample K.K.");
    when(applications.get(10)).thenReturn(now);
    Application rejected = application(9, ApplicationStatus.REJECTED, "Sample K.K.");
    when(applications.ofCustomer(1)).thenReturn(List.of(now, rejected));
    when(corroborations.save(any()))
        .thenAnswer(call -> {
          Corroboration stored = call.getArgument(0);
          ReflectionTestUtils.setField(stored, "id", 11L);
          return stored;
        });

    MultiPerspectiveCorroboration.Outcome outcome =
        perspectives.caa(10L, List.of("www.sample.co.jp"), List.of("backoffice.example"), List.of(REQUESTER));

    verify(attempts, times(4)).save(any());
    // Asked, and nobody listens at port 9: 0/4, nothing issued.
    assertThat(outcome.permitsIssuance()).isFalse();
    assertThat(outcome.summary()).contains("corroborated 0/4").contains("a (ARIN, NO_ANSWER");
  }
}
