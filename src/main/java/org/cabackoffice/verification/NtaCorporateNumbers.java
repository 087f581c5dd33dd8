package org.cabackoffice.verification;

import org.cabackoffice.input.CorporateNumber;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the National Tax Agency's corporate-number data as 法人番号公表サイト offers it for download
 * (全件データ and 差分データ, CSV, no header; 「法人番号システム Web-API / データダウンロード リソース定義書」).
 * Columns used, 1-based:
 *
 * <pre>
 *  2 法人番号 (13 digits, check digit verified)     9 法人種別 (kind, → business category)
 *  3 処理区分 (01 new … 21 closed … 99 deleted)    10 国内所在地 都道府県 (→ ST)
 *  5 更新年月日 (YYYY-MM-DD, → verified on)        11 国内所在地 市区町村 (→ L)
 *  7 商号又は名称 (→ Japanese name)               19 登記記録の閉鎖等年月日 (→ closed on)
 * 24 最新履歴 (1 latest, 0 superseded: skipped)   25 商号又は名称 英語表記 (→ English name)
 * </pre>
 *
 * ST and L are the registered address's prefecture and city as the NTA writes them (東京都, 中央区).
 * The data lists no phone number: that comes from the vendor's export.
 */
final class NtaCorporateNumbers {

  static final String SOURCE = "国税庁 法人番号公表サイト";

  private static final String DELETED = "99";

  private NtaCorporateNumbers() {}

  static DirectoryFile read(String text) {
    List<DirectoryFile.Line> lines = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    long skipped = 0;
    try (CSVParser parser = CSVFormat.RFC4180.builder().build().parse(new StringReader(text))) {
      for (CSVRecord record : parser) {
        long line = record.getRecordNumber();
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        if (record.size() < 24) {
          errors.add(new LineError(line, "has " + record.size() + " columns; the NTA's rows have 30"));
          continue;
        }
        if ("0".equals(record.get(23).trim())) {
          skipped++;
          continue;
        }
        try {
          lines.add(new DirectoryFile.Line(line, values(record)));
        } catch (IllegalArgumentException e) {
          errors.add(new LineError(line, e.getMessage()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new DirectoryImportRefused("the CSV cannot be read: " + DirectoryFile.reason(e));
    }
    return new DirectoryFile(DirectoryImportFormat.NTA, lines, skipped, errors);
  }

  private static DirectoryValues values(CSVRecord record) {
    String number = record.get(1).trim();
    if (!CorporateNumber.isValid(number)) {
      throw new IllegalArgumentException("法人番号 '" + number + "' is not 13 digits with a valid check digit");
    }
    String name = record.get(6).trim();
    if (name.isEmpty()) {
      throw new IllegalArgumentException("法人番号 " + number + " has no 商号又は名称");
    }
    LocalDate updated = date(record.get(4), "更新年月日");
    if (updated == null) {
      throw new IllegalArgumentException("法人番号 " + number + " has no 更新年月日");
    }
    LocalDate closed = date(record.get(18), "登記記録の閉鎖等年月日");
    if (closed == null && DELETED.equals(record.get(2).trim())) {
      closed = updated;
    }
    String nameEn = record.size() > 24 ? blankToNull(record.get(24)) : null;
    return new DirectoryValues(
        number,
        name,
        nameEn,
        blankToNull(record.get(9)),
        blankToNull(record.get(10)),
        null,
        null,
        BusinessCategory.ofNtaKind(record.get(8)).orElse(null),
        closed,
        null,
        updated);
  }

  private static LocalDate date(String text, String column) {
    String value = text.trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(column + " '" + value + "' is not a date YYYY-MM-DD");
    }
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
