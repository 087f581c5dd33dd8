package org.cabackoffice.verification;

import org.cabackoffice.input.Utf8Text;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What an import file holds: the listings it gives, the lines it skips on purpose (the NTA's
 * superseded history rows) and the lines that could not be read.
 */
record DirectoryFile(
    DirectoryImportFormat format, List<Line> lines, long skipped, List<LineError> errors) {

  /** One listing and the line of the file it came from (1-based, header included). */
  record Line(long line, DirectoryValues values) {}

  /**
   * What Commons CSV found wrong, for the uploader: an UncheckedIOException's own message is its
   * cause's class name and message, and class names are no reason (README: refusals name the
   * problem, never a class).
   */
  static String reason(RuntimeException unreadable) {
    Throwable said =
        unreadable instanceof java.io.UncheckedIOException && unreadable.getCause() != null
            ? unreadable.getCause()
            : unreadable;
    return said.getMessage() == null ? "malformed CSV" : said.getMessage();
  }

  /** The NTA offers its files in Unicode (UTF-8) and Shift_JIS; vendors' exports are either. */
  static String text(byte[] content) {
    return Utf8Text.strict(content).orElseGet(() -> new String(content, Charset.forName("windows-31j")));
  }


  /**
   * The file's format: a header row naming {@code corporate_number} is a vendor export; a first
   * row of a sequence number and a 13-digit number is the NTA's data.
   *
   * @throws DirectoryImportRefused when it is neither
   */
  static DirectoryImportFormat detect(String text) {
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).trim();
    if (first.toLowerCase(java.util.Locale.ROOT).contains("corporate_number")) {
      return DirectoryImportFormat.VENDOR;
    }
    if (first.matches("\"?\\d+\"?,\"?\\d{13}\"?,.*")) {
      return DirectoryImportFormat.NTA;
    }
    throw new DirectoryImportRefused(
        "the file is neither the National Tax Agency's corporate-number CSV (no header; a"
            + " sequence number, then the 13-digit 法人番号) nor a directory vendor export whose"
            + " header row names "
            + String.join(", ", VendorDirectoryExport.COLUMNS));
  }

  /** @param today the Japanese date, for a vendor line that names no date of its own */
  static DirectoryFile read(byte[] content, java.time.LocalDate today) {
    String text = text(content);
    return switch (detect(text)) {
      case NTA -> NtaCorporateNumbers.read(text);
      case VENDOR -> VendorDirectoryExport.read(text, today);
    };
  }
}
