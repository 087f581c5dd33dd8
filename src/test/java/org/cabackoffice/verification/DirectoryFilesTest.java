package org.cabackoffice.verification;

import org.cabackoffice.input.CorporateNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The corporate number's check digit and the two directory file formats (issue 8 item 15). */
class DirectoryFilesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  /** One row of the NTA's CSV: 30 columns, those the import reads filled in. */
  static String ntaRow(int sequence, String number, String process, String name, String kind,
      String prefecture, String city, String closedOn, String latest, String nameEn) {
    String[] c = new String[30];
    java.util.Arrays.fill(c, "");
    c[0] = String.valueOf(sequence);
    c[1] = number;
    c[2] = process;
    c[3] = "0";
    c[4] = "2026-11-20";
    c[5] = "2026-11-18";
    c[6] = name;
    c[8] = kind;
    c[9] = prefecture;
    c[10] = city;
    c[11] = "銀座一丁目1-1";
    c[18] = closedOn;
    c[22] = "2015-10-05";
    c[23] = latest;
    c[24] = nameEn;
    return String.join(",", java.util.Arrays.stream(c).map(v -> v.isEmpty() ? v : "\"" + v + "\"").toList()) + "\r\n";
  }

  @Test
  void theCheckDigitIsTheNtasOwn() {
    // 国税庁 and トヨタ自動車 as the NTA publishes them.
    assertThat(CorporateNumber.isValid("7000012050002")).isTrue();
    assertThat(CorporateNumber.isValid("1180301018771")).isTrue();
    assertThat(CorporateNumber.isValid("6010001000001")).isTrue();
    // One digit changed, two digits swapped, a wrong length, not digits.
    assertThat(CorporateNumber.isValid("7000012050003")).isFalse();
    assertThat(CorporateNumber.isValid("1180301017871")).isFalse();
    assertThat(CorporateNumber.isValid("700001205000")).isFalse();
    assertThat(CorporateNumber.isValid("70000120500O2")).isFalse();
    assertThat(CorporateNumber.isValid(null)).isFalse();
  }

  @Test
  void ntaRowsGiveNameAddressCategoryAndClosure() {
    String file =
        ntaRow(1, "6010001000001", "01", "サンプル株式会社", "301", "東京都", "中央区", "", "1", "Sample K.K.")
            + ntaRow(2, "7000012050002", "01", "国税庁", "101", "東京都", "千代田区", "", "1", "")
            + ntaRow(3, "1180301018771", "21", "閉鎖商事株式会社", "301", "愛知県", "豊田市", "2026-11-01", "1", "")
            + ntaRow(4, "1180301018771", "01", "閉鎖商事株式会社", "301", "愛知県", "豊田市", "", "0", "")
            + ntaRow(5, "1180301018772", "01", "桁違い株式会社", "301", "愛知県", "豊田市", "", "1", "");
    for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Charset.forName("windows-31j")}) {
      DirectoryFile read = DirectoryFile.read(file.getBytes(charset), TODAY);
      assertThat(read.format()).isEqualTo(DirectoryImportFormat.NTA);
      assertThat(read.skipped()).isEqualTo(1);
      assertThat(read.errors()).singleElement().satisfies(e -> {
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.message()).contains("1180301018772", "check digit");
      });
      assertThat(read.lines()).extracting(DirectoryFile.Line::line).containsExactly(1L, 2L, 3L);
      DirectoryValues sample = read.lines().get(0).values();
      assertThat(sample.nameJa()).isEqualTo("サンプル株式会社");
      assertThat(sample.nameEn()).isEqualTo("Sample K.K.");
      assertThat(sample.stateOrProvince()).isEqualTo("東京都");
      assertThat(sample.locality()).isEqualTo("中央区");
      assertThat(sample.mainPhone()).isNull();
      assertThat(sample.businessCategory()).isEqualTo(BusinessCategory.PRIVATE_ORGANIZATION);
      assertThat(sample.verifiedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
      assertThat(read.lines().get(1).values().businessCategory()).isEqualTo(BusinessCategory.GOVERNMENT_ENTITY);
      assertThat(read.lines().get(1).values().nameEn()).isNull();
      assertThat(read.lines().get(2).values().closedOn()).isEqualTo(LocalDate.of(2026, 11, 1));
    }
  }

  @Test
  void vendorExportsAreReadByTheirHeader() {
    String file =
        "Main_Phone,corporate_number,name_ja,name_en,prefecture,city,business_category,verified_on,ignored\n"
            + "03-5555-0100,6010001000001,サンプル株式会社,Sample K.K.,Tokyo,Chuo-ku,Private Organization,2026/11/02,x\n"
            + "0612345678,2200001000002,例示商事株式会社,,Osaka,Kita-ku,,,\n"
            + "03-5555,7000012050002,国税庁,,,,,,\n"
            + "03-5555-0300,7000012050002,国税庁,,,,Public Body,,\n"
            + "03-5555-0400,7000012050009,どこか,,,,,,\n";
    DirectoryFile read = DirectoryFile.read(file.getBytes(StandardCharsets.UTF_8), TODAY);
    assertThat(read.format()).isEqualTo(DirectoryImportFormat.VENDOR);
    assertThat(read.lines()).extracting(DirectoryFile.Line::line).containsExactly(2L, 3L);
    DirectoryValues sample = read.lines().get(0).values();
    assertThat(sample.mainPhone()).isEqualTo("03-5555-0100");
    assertThat(sample.businessCategory()).isEqualTo(BusinessCategory.PRIVATE_ORGANIZATION);
    assertThat(sample.verifiedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(read.lines().get(1).values().verifiedOn()).isEqualTo(TODAY);
    assertThat(read.lines().get(1).values().nameEn()).isNull();
    assertThat(read.errors()).extracting(LineError::line).containsExactly(4L, 5L, 6L);
    assertThat(read.errors().get(0).message()).contains("main_phone");
    assertThat(read.errors().get(1).message()).contains("Private Organization", "Government Entity");
    assertThat(read.errors().get(2).message()).contains("check digit");
  }

  @Test
  void aFileInNeitherFormatOrWithoutRequiredColumnsIsRefusedWhole() {
    assertThatThrownBy(() -> DirectoryFile.read("name,phone\nx,y\n".getBytes(StandardCharsets.UTF_8), TODAY))
        .isInstanceOf(DirectoryImportRefused.class)
        .hasMessageContaining("corporate_number");
    assertThatThrownBy(
            () -> DirectoryFile.read("corporate_number,name_ja\n6010001000001,x\n".getBytes(StandardCharsets.UTF_8), TODAY))
        .isInstanceOf(DirectoryImportRefused.class)
        .hasMessageContaining("main_phone");
  }

  @Test
  void theShippedExamplesReadWithoutErrors() throws Exception {
    DirectoryFile vendor =
        DirectoryFile.read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples", "directory-vendor-export.csv")), TODAY);
    assertThat(vendor.format()).isEqualTo(DirectoryImportFormat.VENDOR);
    assertThat(vendor.errors()).isEmpty();
    assertThat(vendor.lines()).extracting(l -> l.values().nameEn())
        .containsExactly("Sample K.K.", "Example Trading Co., Ltd.", "Sample Logistics K.K.");
    DirectoryFile nta =
        DirectoryFile.read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples", "nta-corporate-numbers.csv")), TODAY);
    assertThat(nta.format()).isEqualTo(DirectoryImportFormat.NTA);
    assertThat(nta.errors()).isEmpty();
    assertThat(nta.skipped()).isEqualTo(1);
    assertThat(nta.lines()).extracting(l -> l.values().businessCategory())
        .containsExactly(BusinessCategory.PRIVATE_ORGANIZATION, BusinessCategory.GOVERNMENT_ENTITY, BusinessCategory.PRIVATE_ORGANIZATION);
  }
}
