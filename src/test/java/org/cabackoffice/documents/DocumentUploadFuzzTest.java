package org.cabackoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cabackoffice.testsupport.Bounded;
import org.cabackoffice.testsupport.Mutations;

/**
 * Issue 13: an uploaded document is outside input. Whatever the file, the PDF check passes it or
 * refuses it with a reason ({@link DocumentRefused}, the page's 400), within the upload's memory
 * cap and without hanging; whatever the file's name, what is stored and served is one clean line.
 */
class DocumentUploadFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(10);
  /** The upload cap of DocumentsProperties' default, which also caps PDFBox's scratch memory. */
  private static final long MAX_BYTES = 10L * 1024 * 1024;

  @Property(tries = 200)
  void mutatedPdfsPassOrAreRefused(@ForAll("mutatedPdf") byte[] file) throws Exception {
    passesOrRefused(file);
  }

  @Property
  void bytesAfterThePdfMagicPassOrAreRefused(@ForAll("pdfMagicThenBytes") byte[] file) throws Exception {
    passesOrRefused(file);
  }

  @Property
  void fileNamesAreStoredAsOneCleanLine(@ForAll("names") String sent) {
    String stored = UploadedFileName.of(sent);

    assertThat(stored).isNotBlank();
    assertThat(stored.codePointCount(0, stored.length())).isLessThanOrEqualTo(UploadedFileName.MAX_CODE_POINTS);
    assertThat(stored).doesNotContain("/", "\\", "\n", "\r", "\u0000").doesNotStartWith(".");
    assertThat(stored.codePoints())
        .noneMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)
        .noneMatch(c -> c >= 0xD800 && c <= 0xDFFF);
    String header = UploadedFileName.contentDisposition(sent);
    assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
  }

  private static void passesOrRefused(byte[] file) throws Exception {
    Object outcome =
        Bounded.call(
            LIMIT,
            "a file of " + file.length + " bytes",
            () -> {
              try {
                PdfDocumentCheck.check(file, MAX_BYTES);
                return "passed";
              } catch (DocumentRefused refused) {
                return refused;
              }
            });
    if (outcome instanceof DocumentRefused refused) {
      assertThat(refused.reason()).isNotNull();
    }
  }

  @Provide
  Arbitrary<byte[]> mutatedPdf() {
    return Mutations.of(List.of(DocumentFixtures.pdf(1), DocumentFixtures.pdf(3), DocumentFixtures.encryptedPdf("")));
  }

  @Provide
  Arbitrary<byte[]> pdfMagicThenBytes() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMaxSize(2048)
        .map(
            rest -> {
              byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
              byte[] out = new byte[magic.length + rest.length];
              System.arraycopy(magic, 0, out, 0, magic.length);
              System.arraycopy(rest, 0, out, magic.length, rest.length);
              return out;
            });
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(200),
        Arbitraries.strings().withChars('\u202e', '\u200f', '\ud800', '\udc00', '.', '/', '\\', 'あ', ' ', '\u2028', '\ufeff').ofMaxLength(200),
        Arbitraries.strings().withChars('a', '.').ofMinLength(100).ofMaxLength(300).map(s -> s + ".pdf"),
        Arbitraries.of("..", "../../etc/passwd", "C:\\x\\y.pdf", "\u0000", "", " ", "\"<>|?*.pdf"));
  }
}
