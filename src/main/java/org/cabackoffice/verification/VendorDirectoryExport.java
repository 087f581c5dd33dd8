package org.cabackoffice.verification;

import org.cabackoffice.input.CorporateNumber;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the directory vendor's export (帝国データバンク and the like): CSV, UTF-8 or Shift_JIS,
 * RFC 4180 quoting, a header row naming these columns in any order (others are ignored):
 *
 * <ul>
 *   <li>{@code corporate_number} (required): the 13-digit 法人番号, check digit verified; it is
 *       the key an entry is found by, so a listing without one cannot be imported
 *   <li>{@code name_ja} (required), {@code name_en}
 *   <li>{@code prefecture} (→ ST), {@code city} (→ L)
 *   <li>{@code main_phone} (required): the 代表電話番号 officers call, digits with or without
 *       hyphens, 10 or 11 digits starting with 0
 *   <li>{@code business_category}: Private Organization, Government Entity, Business Entity or
 *       Non-Commercial Entity (or PRIVATE_ORGANIZATION …)
 *   <li>{@code verified_on}: when the vendor last checked the listing, 2026-11-26 or 2026/11/26;
 *       the import's date when absent
 * </ul>
 */
final class VendorDirectoryExport {

  static final List<String> COLUMNS =
      List.of("corporate_number", "name_ja", "name_en", "prefecture", "city", "main_phone",
          "business_category", "verified_on");
  static final List<String> REQUIRED = List.of("corporate_number", "name_ja", "main_phone");

  private static final Pattern PHONE = Pattern.compile("0\\d{1,4}(-?\\d{1,4}){1,2}");
  private static final DateTimeFormatter SLASHED =
      DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);

  private VendorDirectoryExport() {}

  static DirectoryFile read(String text, LocalDate today) {
    List<DirectoryFile.Line> lines = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).build();
    try (CSVParser parser = format.parse(new StringReader(text))) {
      Map<String, Integer> header = parser.getHeaderMap();
      List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new DirectoryImportRefused(
            "the header row lacks " + String.join(", ", missing) + "; the columns are " + String.join(", ", COLUMNS));
      }
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber() + 1;
        try {
          lines.add(new DirectoryFile.Line(line, values(record, today)));
        } catch (IllegalArgumentException e) {
          errors.add(new LineError(line, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
      // Commons CSV reports broken quoting ("Invalid character between encapsulated token and
      // delimiter at line: 3") as an UncheckedIOException while iterating: the uploader's file,
      // refused with the line, as the NTA reader does, never a 500 (found by DirectoryFileFuzzTest).
      throw new DirectoryImportRefused("the CSV cannot be read: " + DirectoryFile.reason(e));
    }
    return new DirectoryFile(DirectoryImportFormat.VENDOR, lines, 0, errors);
  }

  private static DirectoryValues values(CSVRecord record, LocalDate today) {
    String number = get(record, "corporate_number");
    if (number == null || !CorporateNumber.isValid(number)) {
      throw new IllegalArgumentException(
          "corporate_number '" + (number == null ? "" : number) + "' is not 13 digits with a valid check digit");
    }
    String nameJa = get(record, "name_ja");
    if (nameJa == null) {
      throw new IllegalArgumentException("name_ja is empty");
    }
    String phone = get(record, "main_phone");
    if (phone == null || !isPhoneNumber(phone)) {
      throw new IllegalArgumentException(
          "main_phone '" + (phone == null ? "" : phone) + "' is not a Japanese number (10 or 11 digits starting with 0)");
    }
    String category = get(record, "business_category");
    BusinessCategory businessCategory = null;
    if (category != null) {
      businessCategory =
          BusinessCategory.parse(category)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "business_category '" + category + "' is none of "
                              + Arrays.stream(BusinessCategory.values()).map(BusinessCategory::text).collect(Collectors.joining(", "))));
    }
    String verified = get(record, "verified_on");
    return new DirectoryValues(
        number,
        nameJa,
        get(record, "name_en"),
        get(record, "prefecture"),
        get(record, "city"),
        null,
        phone,
        businessCategory,
        null,
        null,
        verified == null ? today : date(verified));
  }

  static boolean isPhoneNumber(String phone) {
    long digits = phone.chars().filter(Character::isDigit).count();
    return PHONE.matcher(phone).matches() && (digits == 10 || digits == 11);
  }

  private static LocalDate date(String text) {
    try {
      return text.contains("/") ? LocalDate.parse(text, SLASHED) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("verified_on '" + text + "' is not a date YYYY-MM-DD");
    }
  }

  private static String get(CSVRecord record, String column) {
    // The header map ignores case (setIgnoreHeaderCase): "Corporate_Number" is found too.
    return record.isMapped(column) && record.isSet(column)
        ? NtaCorporateNumbers.blankToNull(record.get(column))
        : null;
  }
}
