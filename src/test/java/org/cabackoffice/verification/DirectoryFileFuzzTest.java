package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cabackoffice.testsupport.Bounded;
import org.cabackoffice.testsupport.Mutations;

/**
 * Issue 13: an organization directory file (the vendor's export or the NTA's corporate-number
 * CSV, UTF-8 or Shift_JIS) is outside input. Whatever it holds, reading it gives listings and
 * per-line errors, or refuses the file with a reason ({@link DirectoryImportRefused}, the API's
 * 400); nothing else escapes, nothing hangs, and every listing read has a valid 法人番号.
 */
class DirectoryFileFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @Property
  void mutatedFilesAreReadOrRefused(@ForAll("mutated") byte[] file) throws Exception {
    readOrRefused(file);
  }

  @Property
  void generatedVendorRowsAreReadOrRefused(@ForAll("vendorRows") String file) throws Exception {
    readOrRefused(file.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void arbitraryBytesAreReadOrRefused(@ForAll("bytes") byte[] file) throws Exception {
    readOrRefused(file);
  }

  private static void readOrRefused(byte[] file) throws Exception {
    Object outcome =
        Bounded.call(
            LIMIT,
            "a directory file of " + file.length + " bytes",
            () -> {
              try {
                return DirectoryFile.read(file, TODAY);
              } catch (DirectoryImportRefused refused) {
                return refused;
              }
            });
    if (outcome instanceof DirectoryImportRefused refused) {
      assertThat(refused.getMessage()).isNotBlank().doesNotContain("org.apache", "java.", "Exception");
      return;
    }
    DirectoryFile read = (DirectoryFile) outcome;
    for (DirectoryFile.Line line : read.lines()) {
      assertThat(line.line()).isPositive();
      assertThat(line.values()).isNotNull();
    }
    read.errors().forEach(error -> assertThat(error.message()).isNotBlank().doesNotContain("org.apache", "java."));
  }

  @Provide
  Arbitrary<byte[]> mutated() {
    byte[] vendor = example("directory-vendor-export.csv");
    byte[] nta = example("nta-corporate-numbers.csv");
    byte[] ntaShiftJis = new String(nta, StandardCharsets.UTF_8).getBytes(Charset.forName("windows-31j"));
    return Mutations.of(List.of(vendor, nta, ntaShiftJis));
  }

  @Provide
  Arbitrary<String> vendorRows() {
    Arbitrary<String> cell =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30),
            Arbitraries.of("6010001000001", "6010001000002", "0000000000000", "03-5555-0100", "0120-000-000",
                "Private Organization", "Government Entity", "2026/11/26", "2026-02-30", "\"\"", "\"a,b\"", "東京都"),
            Arbitraries.strings().withChars('あ').ofMinLength(100).ofMaxLength(400));
    Arbitrary<String> row = cell.list().ofMaxSize(9).map(cells -> String.join(",", cells));
    Arbitrary<String> header =
        Arbitraries.of("corporate_number", "name_ja", "main_phone", "name_en", "prefecture", "city",
                "business_category", "verified_on", "other")
            .list().ofMinSize(1).ofMaxSize(9).map(columns -> String.join(",", columns));
    return Combinators.combine(header, row.list().ofMaxSize(20))
        .as((h, rows) -> "corporate_number," + h + "\n" + String.join("\n", rows));
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
  }

  private static byte[] example(String name) {
    try {
      return Files.readAllBytes(Path.of("examples", name));
    } catch (IOException e) {
      throw new IllegalStateException("examples/" + name + " is part of the repository", e);
    }
  }
}
