package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class OrganizationNameMatcherTest {

  private final OrganizationNameMatcher matcher = new OrganizationNameMatcher();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Sample K.K.            | ＳＡＭＰＬＥ Co., Ltd.",
        "Sample K.K.            | Sample Kabushiki Kaisha",
        "Sample K.K.            | SAMPLE CORPORATION",
        "Sample K.K.            | Sample, Inc.",
        "Sample KK              | Kabushiki Kaisha Sample",
        "Sample Co.,Ltd.        | sample co ltd",
        "サンプル株式会社        | 株式会社サンプル",
        "サンプル株式会社        | ｻﾝﾌﾟﾙ株式会社",
        "サンプル株式会社        | サンプル（株）",
        "サンプル株式会社        | ㈱サンプル",
        "サンプル合同会社        | 合同会社 サンプル",
        "Sample G.K.            | Sample LLC",
        "Sample Y.K.            | 有限会社 Sample",
        "Sample-Net K.K.        | SampleNet Co., Ltd.",
        "Sample K.K.            | Sample K. K.",
      })
  void equalAfterNormalization(String applicant, String registrant) {
    assertThat(matcher.match(applicant, registrant)).isEqualTo(NameMatch.MATCH);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Sample K.K.            | Sample G.K.",
        "Sample K.K.            | Sample",
        "Sample K.K.            | Sampel K.K.",
        "Sample K.K.            | Sample Holdings K.K.",
        "サンプル株式会社        | サンプルホールディングス株式会社",
        "サンプル株式会社        | サンプラ株式会社",
      })
  void closeNamesAreLeftToAnOfficer(String applicant, String registrant) {
    assertThat(matcher.match(applicant, registrant)).isEqualTo(NameMatch.CLOSE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "サンプル株式会社        | Sample K.K.",
        "トヨタ株式会社          | ホンダ株式会社",
        "Sample K.K.            | Acme K.K.",
        "Sample K.K.            | 株式会社",
      })
  void differentNames(String applicant, String registrant) {
    assertThat(matcher.match(applicant, registrant)).isEqualTo(NameMatch.NO_MATCH);
  }

  @Test
  void theApplicantsJapaneseNameMatchesTheJapaneseRegistrantNameOnly() {
    assertThat(matcher.match(List.of("Sample K.K.", "サンプル株式会社"), List.of("株式会社サンプル")))
        .isEqualTo(NameMatch.MATCH);
    assertThat(matcher.match(List.of("Acme K.K.", "サンプル株式会社"), List.of("Sample K.K.")))
        .isEqualTo(NameMatch.NO_MATCH);
  }

  @Test
  void noRegistrantName() {
    assertThat(matcher.match(List.of("Sample K.K."), List.of())).isEqualTo(NameMatch.NO_REGISTRANT);
  }

  @Test
  void legalFormsAreSeparatedFromTheBase() {
    assertThat(OrganizationNameMatcher.normalize("ＳＡＭＰＬＥ Co., Ltd."))
        .isEqualTo(
            new OrganizationNameMatcher.NormalizedName(
                "sample", OrganizationNameMatcher.LegalForm.KABUSHIKI_KAISHA));
    assertThat(OrganizationNameMatcher.normalize("Sample Trading"))
        .isEqualTo(
            new OrganizationNameMatcher.NormalizedName(
                "sampletrading", OrganizationNameMatcher.LegalForm.NONE));
  }

  @Test
  void aDirectoryIsSearchedByTheNameWithoutItsLegalForm() {
    assertThat(OrganizationNameMatcher.searchStem("Sample Trading Co., Ltd.")).isEqualTo("sample trading");
    assertThat(OrganizationNameMatcher.searchStem("ＳＡＭＰＬＥ K.K.")).isEqualTo("sample");
    assertThat(OrganizationNameMatcher.searchStem("株式会社サンプル")).isEqualTo("サンプル");
    assertThat(OrganizationNameMatcher.searchStem("サンプル株式会社")).isEqualTo("サンプル");
    assertThat(OrganizationNameMatcher.searchStem(null)).isEmpty();
  }
}
