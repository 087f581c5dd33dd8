package org.cabackoffice.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectOrganizationTest {

  @Test
  void theSameNameAfterNfkcAndWhiteSpacePasses() {
    assertThat(SubjectOrganization.check("Sample K.K.", "Sample K.K.")).isEmpty();
    assertThat(SubjectOrganization.check("Sample  K.K. ", " Sample K.K.")).isEmpty();
    // Full-width Latin letters, as Japanese input methods write them, are the same name.
    assertThat(SubjectOrganization.check("Ｓａｍｐｌｅ K.K.", "Sample K.K.")).isEmpty();
  }

  @Test
  void anOOfEmojiIsNoEnglishNameAtAll() {
    String emoji = "\uD83D\uDE00".repeat(128);

    assertThat(SubjectOrganization.check(emoji, "Sample K.K."))
        .hasValueSatisfying(
            finding -> {
              assertThat(finding.code()).isEqualTo("csr.organization-not-english");
              assertThat(finding.messageJa()).contains("英文社名");
            });
    // Even when the application's English name says the same emoji.
    assertThat(SubjectOrganization.check(emoji, emoji)).isPresent();
    assertThat(SubjectOrganization.check("サンプル株式会社", "サンプル株式会社")).isPresent();
  }

  @Test
  void anyOtherOIsAFindingOnTheEnglishName() {
    assertThat(SubjectOrganization.check("Other Trading Co., Ltd.", "Sample K.K."))
        .hasValueSatisfying(
            finding -> {
              assertThat(finding.field()).isEqualTo("organization.nameEn");
              assertThat(finding.code()).isEqualTo("csr.organization-mismatch");
              assertThat(finding.message()).contains("Sample K.K.", "guide [1-2]");
            });
    assertThat(SubjectOrganization.check("SAMPLE K.K.", "Sample K.K.")).isPresent();
    assertThat(SubjectOrganization.check("Sample KK", "Sample K.K.")).isPresent();
  }
}
