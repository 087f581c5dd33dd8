package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guide [1-2]: O is the registered English name, L and ST as registered, C=JP. */
class SubjectAgreementTest {

  static final OrganizationDirectoryEntry RECORD =
      new OrganizationDirectoryEntry(
          "Sample K.K.", "サンプル株式会社", "6010001000001", "03-5555-0100", "Chuo-ku", "Tokyo", "JP",
          "Teikoku Databank", LocalDate.of(2026, 4, 1));

  @Test
  void theSubjectAsRegisteredAgreesWhateverTheWidthOrSpacing() {
    assertThat(SubjectAgreement.compare("Ｓａｍｐｌｅ  K.K.", "chuo-KU", "TOKYO", "jp", RECORD)).isEmpty();
  }

  @Test
  void fieldsTheCsrLeavesOutAreTakenFromTheRecordNotDisputed() {
    assertThat(SubjectAgreement.compare("Sample K.K.", null, " ", null, RECORD)).isEmpty();
  }

  @Test
  void theOrganizationIsALegalNameCaseAndPunctuationIncluded() {
    assertThat(SubjectAgreement.compare("SAMPLE KK", "Chuo-ku", "Tokyo", "JP", RECORD))
        .extracting(SubjectAgreement.Disagreement::attribute)
        .containsExactly("O");
  }

  @Test
  void anOOfEmojiNeverAgrees() {
    assertThat(SubjectAgreement.compare("\uD83D\uDE00".repeat(64), "Chuo-ku", "Tokyo", "JP", RECORD))
        .extracting(SubjectAgreement.Disagreement::code)
        .containsExactly("subject.organization-not-registered");
  }

  @Test
  void eachDifferingFieldIsOneFindingInEnglishAndJapanese() {
    var found = SubjectAgreement.compare("Other K.K.", "Minato-ku", "Osaka", "US", RECORD);

    assertThat(found).extracting(SubjectAgreement.Disagreement::attribute).containsExactly("O", "L", "ST", "C");
    assertThat(found).allSatisfy(d -> {
      assertThat(d.message()).isNotBlank();
      assertThat(d.messageJa()).containsPattern("[\\u3040-\\u30ff]");
    });
    assertThat(SubjectAgreement.describe(found)).contains("Minato-ku", "市区町村名");
  }

  @Test
  void aRecordWithoutAnEnglishNameLeavesTheOToTheOfficer() {
    OrganizationDirectoryEntry ntaOnly =
        new OrganizationDirectoryEntry(
            null, "サンプル株式会社", "6010001000001", null, "Chuo-ku", "Tokyo", "JP", "NTA", LocalDate.of(2026, 4, 1));
    assertThat(SubjectAgreement.compare("Sample K.K.", "Chuo-ku", "Tokyo", "JP", ntaOnly)).isEmpty();
  }

  @Test
  void aVerifiedTradeNameMayStandAloneOrBeforeTheNameInParentheses() {
    List<String> dba = List.of("Sample Shop");
    assertThat(SubjectAgreement.compare("Sample Shop", "Chuo-ku", "Tokyo", "JP", RECORD, dba)).isEmpty();
    assertThat(SubjectAgreement.compare("Ｓａｍｐｌｅ Shop (Sample K.K.)", "Chuo-ku", "Tokyo", "JP", RECORD, dba)).isEmpty();
    assertThat(SubjectAgreement.compare("Sample K.K.", "Chuo-ku", "Tokyo", "JP", RECORD, dba)).isEmpty();
    assertThat(SubjectAgreement.statedOrganization("Sample  Shop (Sample K.K.)", RECORD, dba)).isEqualTo("Sample Shop (Sample K.K.)");
    assertThat(SubjectAgreement.statedOrganization("Sample Shop", RECORD, dba)).isEqualTo("Sample Shop");
    assertThat(SubjectAgreement.statedOrganization("Sample K.K.", RECORD, dba)).isEqualTo("Sample K.K.");
  }

  @Test
  void aTradeNameNobodyVerifiedIsNoName() {
    var found = SubjectAgreement.compare("Sample Shop", "Chuo-ku", "Tokyo", "JP", RECORD, List.of());
    assertThat(found).extracting(SubjectAgreement.Disagreement::code).containsExactly("subject.organization-not-registered");
    assertThat(SubjectAgreement.statedOrganization("Sample Shop", RECORD, List.of())).isEqualTo("Sample K.K.");
    // Another trade name than the verified one, or the legal name in the wrong parentheses.
    assertThat(SubjectAgreement.compare("Other Shop (Sample K.K.)", "Chuo-ku", "Tokyo", "JP", RECORD, List.of("Sample Shop")))
        .extracting(SubjectAgreement.Disagreement::message)
        .singleElement()
        .asString()
        .contains("nor a verified trade name", "O=\"Sample K.K.\" or \"Sample Shop\" or \"Sample Shop (Sample K.K.)\"");
  }

  @Test
  void theRegisteredNameFirstIsTheWrongOrder() {
    var found = SubjectAgreement.compare("Sample K.K. (Sample Shop)", "Chuo-ku", "Tokyo", "JP", RECORD, List.of("Sample Shop"));
    assertThat(found).extracting(SubjectAgreement.Disagreement::code).containsExactly("subject.organization-dba-order");
    assertThat(found.get(0).message()).contains("O=Sample Shop (Sample K.K.)", "BR 7.1.4.2.2");
    assertThat(found.get(0).messageJa()).contains("屋号を先に");
  }
}
