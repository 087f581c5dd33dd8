package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.Product;
import org.cabackoffice.csr.CsrCheck;
import org.cabackoffice.domain.NameMatch;
import org.cabackoffice.domain.OrganizationNameMatcher;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The organization-validation stage's rules with the directory and the records held in memory:
 * by corporate number, by normalized name, not listed and recorded from the registry
 * certificate, the subject against the record, reuse within 398 days and re-verification after.
 */
class OrganizationValidationTest {

  static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

  final Applications applications = mock(Applications.class);
  final OrganizationDirectory directory = mock(OrganizationDirectory.class);
  final OrganizationVerificationRepository verifications = mock(OrganizationVerificationRepository.class);
  final OrganizationCheckRepository checks = mock(OrganizationCheckRepository.class);
  final DirectoryChanges changes = mock(DirectoryChanges.class);
  final MutableClock clock = new MutableClock(NOW);
  final TradeNames tradeNames = mock(TradeNames.class);
  final OrganizationValidation validation =
      new OrganizationValidation(
          applications, directory, verifications, checks, changes,
          new OrganizationCandidates(directory, new OrganizationNameMatcher()), new CsrCheck(), tradeNames, clock);

  final List<OrganizationVerification> saved = new ArrayList<>();
  final List<OrganizationCheck> savedChecks = new ArrayList<>();
  final OrganizationDirectoryEntry sample = entry(1L, "6010001000001", "Sample K.K.", "サンプル株式会社", "Tokyo", "Chuo-ku");
  final OrganizationDirectoryEntry simple = entry(2L, "2200001000002", "Simple Foods K.K.", "シンプル食品株式会社", "Osaka", "Kita-ku");

  @BeforeEach
  void memory() {
    when(verifications.save(any()))
        .thenAnswer(
            call -> {
              OrganizationVerification v = call.getArgument(0);
              if (v.getId() == null) {
                ReflectionTestUtils.setField(v, "id", (long) saved.size() + 100);
                saved.add(v);
              }
              return v;
            });
    when(verifications.findByApplicationIdOrderByIdAsc(anyLong()))
        .thenAnswer(call -> saved.stream().filter(v -> v.getApplicationId() == (long) call.getArgument(0)).toList());
    when(verifications.confirmedSince(anyLong(), any(), anyLong()))
        .thenAnswer(
            call ->
                saved.stream()
                    .filter(v -> v.getEntryId() != null && v.getEntryId() == (long) call.getArgument(0))
                    .filter(v -> v.getOutcome() == OrganizationVerification.Outcome.CONFIRMED)
                    .filter(v -> !v.getVerifiedAt().isBefore(call.getArgument(1)))
                    .filter(v -> v.getApplicationId() != (long) call.getArgument(2))
                    .filter(v -> Boolean.TRUE.equals(v.getSubjectAgrees()))
                    .sorted(Comparator.comparing(OrganizationVerification::getVerifiedAt).reversed())
                    .toList());
    when(checks.save(any())).thenAnswer(call -> {
      savedChecks.add(call.getArgument(0));
      return call.getArgument(0);
    });
    when(checks.findByVerificationIdOrderByIdAsc(anyLong()))
        .thenAnswer(call -> savedChecks.stream().filter(c -> c.getVerificationId() == (long) call.getArgument(0)).toList());
    when(directory.byCorporateNumber(anyString())).thenReturn(Optional.empty());
    when(directory.byCorporateNumber("6010001000001")).thenReturn(Optional.of(sample));
    when(directory.byId(1L)).thenReturn(Optional.of(sample));
    when(directory.byId(2L)).thenReturn(Optional.of(simple));
    when(directory.byName(anyString())).thenReturn(List.of());
    when(directory.byName("sample")).thenReturn(List.of(sample));
    when(directory.byName("サンプル")).thenReturn(List.of(sample));
    when(directory.byName("simple")).thenReturn(List.of(simple));
  }

  // --- finding the applicant ------------------------------------------------------------------

  @Test
  void aGivenCorporateNumberFindsTheRecordAndTheConfirmationSaysSo() throws Exception {
    application(10, Product.GLOBAL_SERVER_ID, "Sample K.K.", "サンプル株式会社", "6010001000001", "Chuo-ku");

    OrganizationValidation.Lookup lookup = validation.lookUp(10);

    assertThat(lookup.found()).isEqualTo(OrganizationValidation.Found.CANDIDATES);
    assertThat(lookup.candidates()).singleElement().satisfies(c -> {
      assertThat(c.entry()).isSameAs(sample);
      assertThat(c.byCorporateNumber()).isTrue();
      assertThat(c.match()).isEqualTo(NameMatch.MATCH);
    });
    // The officer sees both sides.
    assertThat(lookup.applicant()).contains("6010001000001", "O=Sample K.K.", "L=Chuo-ku");
    assertThat(lookup.candidatesText()).contains("#1", "by corporate number", "Teikoku Databank", "Chuo-ku");

    OrganizationVerification v = validation.confirm(10, "officer", "#1", "same number", null);

    assertThat(v.getMethod()).isEqualTo(OrganizationVerification.Method.CORPORATE_NUMBER);
    assertThat(v.getOutcome()).isEqualTo(OrganizationVerification.Outcome.CONFIRMED);
    assertThat(v.getSource()).isEqualTo("Teikoku Databank (test)");
    assertThat(v.getSourceDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    assertThat(v.getOfficer()).isEqualTo("officer");
    assertThat(v.getBrSection()).isEqualTo("BR 3.2.2.1");
    assertThat(v.getVerifiedAt()).isEqualTo(NOW);
  }

  @Test
  void withoutANumberTheNameIsNormalizedAsTheDomainStepDoes() throws Exception {
    // Another legal-form spelling, full-width letters, the Japanese form before the name (前株).
    application(11, Product.GLOBAL_SERVER_ID, "ＳＡＭＰＬＥ Co., Ltd.", "株式会社サンプル", null, "Chuo-ku");

    OrganizationValidation.Lookup lookup = validation.lookUp(11);

    assertThat(lookup.candidates()).extracting(OrganizationValidation.Candidate::entry).containsExactly(sample);
    assertThat(lookup.candidates().get(0).match()).isEqualTo(NameMatch.MATCH);
    assertThat(lookup.candidates().get(0).byCorporateNumber()).isFalse();
    assertThat(validation.confirm(11, "officer", "1", "same name, same address", null).getMethod())
        .isEqualTo(OrganizationVerification.Method.NAME);
  }

  @Test
  void anUnknownOrganizationIsNotFoundAndAnUnrelatedNameIsNoCandidate() throws Exception {
    application(12, Product.GLOBAL_SERVER_ID, "Simplex Trading K.K.", "シンプレックス商事株式会社", null, "Chuo-ku");

    OrganizationValidation.Lookup lookup = validation.lookUp(12);

    assertThat(lookup.found()).isEqualTo(OrganizationValidation.Found.NOT_FOUND);
    assertThat(lookup.candidatesText()).contains("NOT_LISTED");
  }

  @Test
  void theOfficersAnswerMustNameAnOpenRecord() throws Exception {
    application(13, Product.GLOBAL_SERVER_ID, "Sample K.K.", "サンプル株式会社", null, "Chuo-ku");

    assertThatThrownBy(() -> validation.confirm(13, "officer", "the first one", "-", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NOT_LISTED");
    assertThatThrownBy(() -> validation.confirm(13, "officer", "77", "-", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no record #77");
    assertThat(saved).isEmpty();
  }

  // --- not listed: the registry certificate ---------------------------------------------------

  @Test
  void anUnlistedOrganizationIsRecordedFromItsRegistryCertificateWithThatSource() throws Exception {
    application(14, Product.GLOBAL_SERVER_ID, "Shinki K.K.", "新規株式会社", null, "Minato-ku");
    when(directory.add(any()))
        .thenAnswer(call -> {
          OrganizationDirectoryEntry added = call.getArgument(0);
          ReflectionTestUtils.setField(added, "id", 3L);
          return added;
        });

    assertThat(validation.confirm(14, "officer", "NOT_LISTED", "not in TDB", null).getOutcome())
        .isEqualTo(OrganizationVerification.Outcome.NOT_LISTED);
    OrganizationVerification v =
        validation.recordFromRegistryCertificate(
            14, "officer2",
            new OrganizationValidation.RegistryRecord(
                "Shinki K.K.", "新規株式会社", "7000012050002", "Tokyo", "Minato-ku", "PRIVATE_ORGANIZATION", null),
            "履歴事項全部証明書 issued 2026-11-30", null);

    assertThat(v.getMethod()).isEqualTo(OrganizationVerification.Method.REGISTRY_CERTIFICATE);
    assertThat(v.getEntryId()).isEqualTo(3L);
    assertThat(v.getSource()).isEqualTo("登記事項証明書 (application 14)");
    assertThat(v.getSourceDate()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(v.getOfficer()).isEqualTo("officer2");
    verify(changes)
        .record(
            any(OrganizationDirectoryEntry.class), isNull(), eq(DirectoryChange.Kind.RECORDED), isNull(),
            eq("officer2"), org.mockito.ArgumentMatchers.contains("application 14"));
  }

  @Test
  void aGovernmentBodyIsRecordedFromTheStaffDirectoryAndNothingElseIs() throws Exception {
    application(16, Product.GLOBAL_SERVER_ID, "Minato City", "港区", null, "Minato-ku");
    when(directory.add(any()))
        .thenAnswer(call -> {
          OrganizationDirectoryEntry added = call.getArgument(0);
          ReflectionTestUtils.setField(added, "id", 4L);
          return added;
        });
    OrganizationValidation.RegistryRecord company =
        new OrganizationValidation.RegistryRecord("Minato City", "港区", null, "Tokyo", "Minato-ku", "PRIVATE_ORGANIZATION", null);

    // The 職員録 lists bodies of the state and local governments only.
    assertThatThrownBy(
            () -> validation.recordFromRegistryCertificate(
                16, "officer", OrganizationValidation.RegistryDocument.STAFF_DIRECTORY, company, "職員録 令和8年版", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Government Entity");
    assertThatThrownBy(() -> OrganizationValidation.RegistryDocument.parse("RUMOUR"))
        .hasMessageContaining("REGISTRY_CERTIFICATE (登記事項証明書) or STAFF_DIRECTORY (職員録)");
    assertThat(OrganizationValidation.RegistryDocument.parse(null)).isEqualTo(OrganizationValidation.RegistryDocument.REGISTRY_CERTIFICATE);

    OrganizationVerification v =
        validation.recordFromRegistryCertificate(
            16, "officer", OrganizationValidation.RegistryDocument.STAFF_DIRECTORY,
            new OrganizationValidation.RegistryRecord("Minato City", "港区", null, "Tokyo", "Minato-ku", "GOVERNMENT_ENTITY", "03-3578-2111"),
            "職員録 令和8年版 上巻 p.1234", null);

    assertThat(v.getMethod()).isEqualTo(OrganizationVerification.Method.STAFF_DIRECTORY);
    assertThat(v.getSource()).isEqualTo("職員録 (application 16)");
    verify(changes)
        .record(
            any(OrganizationDirectoryEntry.class), isNull(), eq(DirectoryChange.Kind.RECORDED), isNull(),
            eq("officer"), org.mockito.ArgumentMatchers.contains("職員録 uploaded for application 16"));
  }

  @Test
  void aRegistryRecordWithoutAnEnglishNameOrAddressOrWithAKnownNumberIsRefused() throws Exception {
    application(15, Product.GLOBAL_SERVER_ID, "Shinki K.K.", "新規株式会社", null, "Minato-ku");

    assertThatThrownBy(
            () ->
                validation.recordFromRegistryCertificate(
                    15, "officer",
                    new OrganizationValidation.RegistryRecord("新規", "新規株式会社", "6010001000001", "Tokyo", null, null, null),
                    "-", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("English name")
        .hasMessageContaining("本店所在地")
        .hasMessageContaining("already record #1");
    verify(directory, org.mockito.Mockito.never()).add(any());
  }

  // --- the subject against the record ---------------------------------------------------------

  @Test
  void aLocalityOtherThanTheRegisteredOneIsADisagreementInBothLanguages() throws Exception {
    application(16, Product.GLOBAL_SERVER_ID, "Sample K.K.", "サンプル株式会社", "6010001000001", "Minato-ku");
    validation.confirm(16, "officer", "1", "-", null);

    List<SubjectAgreement.Disagreement> found = validation.compareSubject(16);

    assertThat(found).singleElement().satisfies(d -> {
      assertThat(d.attribute()).isEqualTo("L");
      assertThat(d.message()).contains("Minato-ku", "Chuo-ku");
      assertThat(d.messageJa()).contains("Minato-ku", "Chuo-ku", "市区町村");
    });
    assertThat(saved.get(0).getSubjectAgrees()).isFalse();
    assertThat(validation.verifiedRecord(16)).isEmpty();
  }

  @Test
  void anAgreeingSubjectMakesTheRecordTheVerifiedOne() throws Exception {
    application(17, Product.GLOBAL_SERVER_ID, "Sample K.K.", "サンプル株式会社", null, "Chuo-ku");
    validation.confirm(17, "officer", "1", "-", null);

    assertThat(validation.compareSubject(17)).isEmpty();
    assertThat(validation.verifiedRecord(17)).contains(sample);
  }

  // --- reuse (BR 4.2.1, 398 days) ------------------------------------------------------------

  @Test
  void aVerificationWithin398DaysIsReusedWithItsSourceAndOriginalTime() throws Exception {
    verifiedEarlier(20, Duration.ofDays(397));
    application(21, Product.GLOBAL_SERVER_ID, "Sample K.K.", "サンプル株式会社", null, "Chuo-ku");

    OrganizationValidation.Lookup lookup = validation.lookUp(21);

    assertThat(lookup.found()).isEqualTo(OrganizationValidation.Found.REUSED);
    OrganizationVerification reuse = saved.get(saved.size() - 1);
    assertThat(reuse.getApplicationId()).isEqualTo(21);
    assertThat(reuse.getMethod()).isEqualTo(OrganizationVerification.Method.REUSED);
    assertThat(reuse.getReusedFrom()).isEqualTo(saved.get(0).getId());
    assertThat(reuse.getVerifiedAt()).isEqualTo(NOW.minus(Duration.ofDays(397)));
    assertThat(reuse.getRecordedAt()).isEqualTo(NOW);
    assertThat(reuse.getSource()).isEqualTo("Teikoku Databank (test)");
    assertThat(reuse.getOfficer()).isEqualTo("officer");
  }

  @Test
  void after398DaysTheOrganizationIsVerifiedAgain() throws Exception {
    verifiedEarlier(22, Duration.ofDays(399));
    application(23, Product.GLOBAL_SERVER_ID, "Sample K.K.", "サンプル株式会社", null, "Chuo-ku");

    assertThat(validation.lookUp(23).found()).isEqualTo(OrganizationValidation.Found.CANDIDATES);
  }

  @Test
  void aRecordChangedSinceTheVerificationIsVerifiedAgain() throws Exception {
    verifiedEarlier(24, Duration.ofDays(30));
    sample.touched(NOW.minus(Duration.ofDays(1)));
    application(25, Product.GLOBAL_SERVER_ID, "Sample K.K.", "サンプル株式会社", null, "Chuo-ku");

    assertThat(validation.lookUp(25).found()).isEqualTo(OrganizationValidation.Found.CANDIDATES);
  }

  @Test
  void anOvVerificationIsNotReusedForEv() throws Exception {
    verifiedEarlier(26, Duration.ofDays(30));
    application(27, Product.EV, "Sample K.K.", "サンプル株式会社", null, "Chuo-ku");

    assertThat(validation.lookUp(27).found()).isEqualTo(OrganizationValidation.Found.CANDIDATES);
  }

  // --- EV (EV Guidelines 3.2.2) ---------------------------------------------------------------

  @Test
  void evNeedsEveryCheckTickedAndRecordsEachWithItsBasis() throws Exception {
    application(30, Product.EV, "Sample K.K.", "サンプル株式会社", "6010001000001", "Chuo-ku");

    assertThatThrownBy(
            () -> validation.confirm(30, "officer", "1", "-", new OrganizationValidation.EvChecks(true, false, true, true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operational existence");

    OrganizationVerification v =
        validation.confirm(30, "officer", "1", "in business since 1999 per TDB", new OrganizationValidation.EvChecks(true, true, true, true));

    assertThat(v.getBrSection()).isEqualTo("BR 3.2.2.1; EV Guidelines 3.2.2");
    assertThat(savedChecks).extracting(OrganizationCheck::getKind)
        .containsExactly(
            OrganizationCheck.Kind.LEGAL_EXISTENCE,
            OrganizationCheck.Kind.PHYSICAL_ADDRESS,
            OrganizationCheck.Kind.VERIFIED_METHOD_OF_COMMUNICATION,
            OrganizationCheck.Kind.OPERATIONAL_EXISTENCE);
    assertThat(savedChecks.get(0).getBasis()).contains("6010001000001", "Private Organization", "Teikoku Databank");
    assertThat(savedChecks.get(2).getBasis()).contains("03-5555-0100");
    assertThat(savedChecks.get(3).getBasis()).contains("since 1999");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private void verifiedEarlier(long applicationId, Duration ago) throws Exception {
    clock.set(NOW.minus(ago));
    application(applicationId, Product.GLOBAL_SERVER_ID, "Sample K.K.", "サンプル株式会社", null, "Chuo-ku");
    validation.confirm(applicationId, "officer", "1", "-", null);
    assertThat(validation.compareSubject(applicationId)).isEmpty();
    clock.set(NOW);
  }

  private Application application(
      long id, Product product, String nameEn, String nameJa, String corporateNumber, String csrLocality)
      throws Exception {
    Application application = mock(Application.class);
    when(application.getId()).thenReturn(id);
    when(application.getProduct()).thenReturn(product);
    when(application.getOrganizationNameEn()).thenReturn(nameEn);
    when(application.getOrganizationNameJa()).thenReturn(nameJa);
    when(application.getCorporateNumber()).thenReturn(corporateNumber);
    when(application.getCountry()).thenReturn("JP");
    when(application.getCsrPem())
        .thenReturn(
            CsrFactory.pem(
                CsrFactory.p256(),
                "C=JP,ST=Tokyo,L=" + csrLocality + ",O=Sample K.K.,CN=www.sample.co.jp",
                List.of("www.sample.co.jp")));
    when(applications.get(id)).thenReturn(application);
    return application;
  }

  private static OrganizationDirectoryEntry entry(
      long id, String number, String nameEn, String nameJa, String state, String locality) {
    OrganizationDirectoryEntry entry =
        new OrganizationDirectoryEntry(
            new DirectoryValues(
                number, nameJa, nameEn, state, locality, "JP", "03-5555-0100", BusinessCategory.PRIVATE_ORGANIZATION,
                null, "Teikoku Databank (test)", LocalDate.of(2026, 4, 1)));
    ReflectionTestUtils.setField(entry, "id", id);
    return entry;
  }
}
