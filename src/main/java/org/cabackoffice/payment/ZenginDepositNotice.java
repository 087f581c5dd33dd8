package org.cabackoffice.payment;

import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the 全銀協 (Japanese Bankers Association) 振込入金通知 file, the deposit notification a
 * bank delivers for the accounts it keeps for us.
 *
 * <p>Layout followed: 全銀協制定フォーマット 振込入金通知, 種別コード 01, as banks publish it for their
 * firm-banking customers (e.g. 阿波銀行「振込入金通知(全銀協制定フォーマット)」,
 * awabank.co.jp/houjin/service/fb/zengin/tsuchi/). Every record is 200 bytes of JIS X 0201
 * (single-byte Shift_JIS: digits, upper-case letters, half-width kana); N fields are digits right
 * aligned with leading zeros, C fields are left aligned with trailing spaces. Records follow one
 * another with or without CR LF (or LF) between them. Offsets below are 0-based byte offsets.
 *
 * <pre>
 * 1 header (ヘッダー・レコード)          2 data (データ・レコード)             8 trailer (トレーラ・レコード)
 *   0   1 データ区分 "1"                  0   1 データ区分 "2"                  0   1 データ区分 "8"
 *   1   2 種別コード "01"                 1   6 照会番号 N                      1   6 振込合計件数 N
 *   3   1 コード区分 0 JIS / 1 EBCDIC     7   6 勘定日 N 和暦 YYMMDD           7  12 振込合計金額 N
 *   4   6 作成日 和暦 YYMMDD             13   6 起算日 N 和暦 YYMMDD          19   6 取消合計件数 N
 *  10   6 勘定日(自)                     19  10 金額 N                         25  12 取消合計金額 N
 *  16   6 勘定日(至)                     29  10 うち他店券金額 N               37 163 ダミー
 *  22   4 銀行コード N                   39  10 振込依頼人コード N
 *  26  15 銀行名 C                       49  48 振込依頼人名 C               9 end (エンド・レコード)
 *  41   3 支店コード N                   97  15 仕向銀行名 C                   0   1 データ区分 "9"
 *  44  15 支店名 C                      112  15 仕向店名 C                     1 199 ダミー
 *  59   1 預金種目 N                    127   1 取消区分 C (1 = 取消)
 *  60   7 口座番号 N                    128  20 EDI情報 C
 *  67  40 口座名 C                      148  52 ダミー
 * 107  93 ダミー
 * </pre>
 *
 * <p>The account a deposit was paid into is the header's (支店コード, 口座番号): a file holds one
 * header, its data records and a trailer per account, then one end record, so a bank delivering
 * the notices of our virtual accounts repeats the group per virtual account. 照会番号 is numbered
 * by the bank per account and is not unique for ever, so a deposit is identified by bank, branch,
 * account, 勘定日 and 照会番号 together.
 *
 * <p>Dates are 和暦 YYMMDD without an era; they are read as years of 令和 (Reiwa, since
 * 2019-05-01), the era every current notice is written in. The 入出金取引明細 (種別コード 03),
 * whose data records differ, is not read here.
 */
final class ZenginDepositNotice {

  static final int RECORD_LENGTH = 200;
  static final String KIND_DEPOSIT_NOTICE = "01";

  private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  private ZenginDepositNotice() {}

  /** Whether the content starts like a Zengin file: データ区分 1, 種別コード, コード区分. */
  static boolean looksLikeZengin(byte[] content) {
    return content.length >= 4
        && content[0] == '1'
        && isDigit(content[1])
        && isDigit(content[2])
        && isDigit(content[3]);
  }

  /**
   * The deposits of a 振込入金通知 file. A record that cannot be read becomes an error naming its
   * number and the others are still read, as long as the file still adds up.
   *
   * <p>The trailer's totals and the end record are how the bank tells us the file is whole (全銀協
   * layout: one trailer per header, one end record last). A file that fails them was cut short,
   * joined or edited, and no deposit of it can be trusted to be what the bank booked, so it is
   * refused whole and the bank asked for it again; importing the rest would record payments the
   * bank's own totals contradict.
   *
   * @throws StatementRejected when the first header says the file is no deposit notification at
   *     all (another Zengin format, or EBCDIC), when a group's records disagree with its
   *     trailer's totals, or when a trailer or the end record is missing
   */
  static ParsedStatement read(byte[] content) {
    List<byte[]> records = new ArrayList<>();
    List<MalformedRecord> errors = new ArrayList<>();
    split(content, records, errors);
    rejectOtherFormats(records.isEmpty() ? null : records.get(0), content.length);

    List<DepositNotification> deposits = new ArrayList<>();
    Header header = null;
    Group group = null;
    boolean ended = false;
    int readable = 0;
    for (int i = 0; i < records.size(); i++) {
      long number = i + 1L;
      byte[] record = records.get(i);
      String problem = record == null ? null : checkRecord(record);
      if (record == null || problem != null) {
        // A null record's error was recorded while splitting.
        if (problem != null) {
          errors.add(new MalformedRecord(number, "record " + number + ": " + problem));
        }
        if (ended) {
          continue;
        }
        if (record != null && record.length > 0 && record[0] == '1') {
          if (group != null) {
            throw group.withoutTrailer("before the unreadable header record " + number);
          }
          header = null;
        } else if (group != null) {
          group.unreadable(number);
        }
        continue;
      }
      if (ended) {
        errors.add(new MalformedRecord(number, "record " + number + " follows the end record (データ区分 9)"));
        continue;
      }
      try {
        switch (record[0]) {
          case '1' -> {
            if (group != null) {
              throw group.withoutTrailer("before the next header record " + number);
            }
            header = null;
            header = Header.of(record);
            group = new Group(number, header);
          }
          case '2' -> {
            if (header == null) {
              throw new RecordException(
                  "data record without a readable header record (データ区分 1) before it");
            }
            DepositNotification deposit;
            try {
              deposit = data(number, header, record);
            } catch (RecordException e) {
              group.unreadable(number);
              throw e;
            }
            group.add(deposit);
            deposits.add(deposit);
          }
          case '8' -> {
            if (header == null) {
              throw new RecordException("trailer record without a readable header record before it");
            }
            group.check(record, number);
            header = null;
            group = null;
          }
          case '9' -> {
            if (group != null) {
              throw group.withoutTrailer("before the end record " + number);
            }
            ended = true;
          }
          default -> {
            if (group != null) {
              group.unreadable(number);
            }
            throw new RecordException(
                "データ区分 '" + (char) record[0] + "' is none of 1 (header), 2 (data), 8 (trailer), 9 (end)");
          }
        }
        readable++;
      } catch (RecordException e) {
        errors.add(new MalformedRecord(number, "record " + number + ": " + e.getMessage()));
      }
    }
    if (readable == 0) {
      // Not one record could be read: the whole file is in another width or encoding, which an
      // import of nothing but errors would only hide.
      throw new StatementRejected(
          "no record of the Zengin file could be read; the first problem: "
              + (errors.isEmpty() ? "no records" : errors.get(0).message()));
    }
    if (group != null) {
      throw group.withoutTrailer("before the file ends after record " + records.size() + "; it may have been cut short");
    }
    if (!ended) {
      throw new StatementRejected(
          "the Zengin file has no readable end record (データ区分 9) after its last record "
              + records.size()
              + "; it may have been cut short, so it is refused whole: ask the bank for it again");
    }
    return new ParsedStatement(BankStatementFormat.ZENGIN, deposits, errors);
  }

  /**
   * Cuts the content into records: at line breaks when it has any, else every 200 bytes. A slot
   * that is not a record stays null in {@code records} and gets its error.
   */
  private static void split(byte[] content, List<byte[]> records, List<MalformedRecord> errors) {
    int length = content.length;
    // A DOS end-of-file mark (0x1A) after the last record is no record.
    while (length > 0 && content[length - 1] == 0x1A) {
      length--;
    }
    boolean hasBreaks = false;
    for (int i = 0; i < length && !hasBreaks; i++) {
      hasBreaks = content[i] == '\n' || content[i] == '\r';
    }
    if (!hasBreaks) {
      for (int start = 0; start < length; start += RECORD_LENGTH) {
        int end = Math.min(start + RECORD_LENGTH, length);
        if (end - start < RECORD_LENGTH) {
          long number = records.size() + 1L;
          records.add(null);
          errors.add(
              new MalformedRecord(
                  number,
                  "record " + number + " is " + (end - start) + " bytes, not " + RECORD_LENGTH
                      + ": the file is no whole number of records"));
        } else {
          records.add(java.util.Arrays.copyOfRange(content, start, end));
        }
      }
      return;
    }
    int start = 0;
    while (start < length) {
      int end = start;
      while (end < length && content[end] != '\n' && content[end] != '\r') {
        end++;
      }
      records.add(java.util.Arrays.copyOfRange(content, start, end));
      // CR LF, LF or CR ends a record
      if (end < length && content[end] == '\r') {
        end++;
      }
      if (end < length && content[end] == '\n') {
        end++;
      }
      start = end;
    }
  }

  private static void rejectOtherFormats(byte[] first, int contentLength) {
    if (first == null || first.length < 4 || first[0] != '1') {
      throw new StatementRejected(
          "the file does not start with a Zengin header record (データ区分 1) of "
              + RECORD_LENGTH
              + " bytes; it has "
              + contentLength
              + " bytes");
    }
    String kind = new String(first, 1, 2, SHIFT_JIS);
    if (!KIND_DEPOSIT_NOTICE.equals(kind)) {
      throw new StatementRejected(
          "the Zengin file has 種別コード "
              + kind
              + (kind.equals("03") ? " (入出金取引明細)" : kind.equals("21") ? " (総合振込)" : "")
              + "; only the deposit notification 振込入金通知 (種別コード 01) is read");
    }
    if (first[3] != '0') {
      throw new StatementRejected(
          "the Zengin file has コード区分 '"
              + (char) first[3]
              + "'; only 0 (JIS: Shift_JIS) is read, not 1 (EBCDIC)");
    }
  }

  /** Width and character set of one record, or why it is no record. */
  private static String checkRecord(byte[] record) {
    if (record.length == 0) {
      return "empty line where a record of " + RECORD_LENGTH + " bytes should be";
    }
    boolean foreign = false;
    for (byte b : record) {
      foreign |= !isJisX0201(b);
    }
    if (record.length != RECORD_LENGTH) {
      return record.length
          + " bytes, not "
          + RECORD_LENGTH
          + (foreign
              ? "; it holds bytes outside JIS X 0201, so it may be UTF-8 or full-width text rather"
                  + " than half-width Shift_JIS"
              : "");
    }
    for (int i = 0; i < record.length; i++) {
      if (!isJisX0201(record[i])) {
        return String.format(
            "byte %d is 0x%02X, which is no JIS X 0201 (half-width Shift_JIS) character", i + 1, record[i] & 0xFF);
      }
    }
    return null;
  }

  private static DepositNotification data(long number, Header header, byte[] r) {
    String inquiry = digits(r, 1, 6, "照会番号");
    LocalDate valueDate = date(r, 7, "勘定日");
    long amount = Long.parseLong(digits(r, 19, 10, "金額"));
    if (amount <= 0) {
      throw new RecordException("金額 is zero");
    }
    String payer = text(r, 49, 48);
    String cancel = text(r, 127, 1);
    boolean cancellation;
    switch (cancel) {
      case "", "0" -> cancellation = false;
      case "1" -> cancellation = true;
      default -> throw new RecordException("取消区分 '" + cancel + "' is neither blank, 0 nor 1 (取消)");
    }
    String key =
        "zengin:"
            + header.bankCode
            + "-"
            + header.branchCode
            + "-"
            + header.accountNumber
            + ":"
            + valueDate
            + ":"
            + inquiry
            + (cancellation ? ":取消" : "");
    return new DepositNotification(
        number,
        key,
        inquiry,
        header.branchCode,
        header.accountNumber,
        amount,
        valueDate,
        payer,
        cancellation);
  }

  /** The account a group of data records belongs to. */
  private record Header(String bankCode, String branchCode, String accountNumber) {
    static Header of(byte[] r) {
      String kind = new String(r, 1, 2, SHIFT_JIS);
      if (!KIND_DEPOSIT_NOTICE.equals(kind)) {
        throw new RecordException("header with 種別コード " + kind + " in a 振込入金通知 (01) file");
      }
      return new Header(
          digits(r, 22, 4, "銀行コード"), digits(r, 41, 3, "支店コード"), digits(r, 60, 7, "口座番号"));
    }
  }

  /** The data records since a header, to check the trailer's totals against. */
  private static final class Group {
    private final long headerRecord;
    private final String accountNumber;
    private final List<Long> unreadable = new ArrayList<>();
    private long count;
    private long total;
    private long cancelCount;
    private long cancelTotal;

    Group(long headerRecord, Header header) {
      this.headerRecord = headerRecord;
      this.accountNumber = header.accountNumber();
    }

    void add(DepositNotification deposit) {
      if (deposit.cancellation()) {
        cancelCount++;
        cancelTotal += deposit.amountYen();
      } else {
        count++;
        total += deposit.amountYen();
      }
    }

    /** A record between the header and the trailer that could not be read. */
    void unreadable(long record) {
      unreadable.add(record);
    }

    StatementRejected withoutTrailer(String where) {
      return new StatementRejected(
          String.format(
              "the group of account %s from header record %d has no readable trailer record"
                  + " (データ区分 8) %s; without its totals none of its deposits can be checked, so"
                  + " the file is refused whole: ask the bank for it again",
              accountNumber, headerRecord, where));
    }

    /**
     * The trailer's totals against the data records. Banks' descriptions leave open whether
     * 振込合計 counts the cancellations too, so both readings are accepted; 取消合計件数 and
     * 取消合計金額 must agree in either. When records of the group could not be read (each is an
     * error of its own), their amounts are unknown: the counts must still add up with them, and
     * what was read cannot exceed what the trailer declares.
     *
     * @throws StatementRejected when the totals disagree: the whole file is refused
     */
    void check(byte[] r, long trailerRecord) {
      long declaredCount = Long.parseLong(digits(r, 1, 6, "振込合計件数"));
      long declaredTotal = Long.parseLong(digits(r, 7, 12, "振込合計金額"));
      long declaredCancelCount = Long.parseLong(digits(r, 19, 6, "取消合計件数"));
      long declaredCancelTotal = Long.parseLong(digits(r, 25, 12, "取消合計金額"));
      boolean agree;
      if (unreadable.isEmpty()) {
        boolean plain = declaredCount == count && declaredTotal == total;
        boolean inclusive =
            declaredCount == count + cancelCount && declaredTotal == total + cancelTotal;
        agree =
            (plain || inclusive)
                && declaredCancelCount == cancelCount
                && declaredCancelTotal == cancelTotal;
      } else {
        long found = count + cancelCount + unreadable.size();
        boolean cancellationsFit = cancelCount <= declaredCancelCount && cancelTotal <= declaredCancelTotal;
        boolean plain =
            declaredCount + declaredCancelCount == found && count <= declaredCount && total <= declaredTotal;
        boolean inclusive = declaredCount == found && total + cancelTotal <= declaredTotal;
        agree = cancellationsFit && (plain || inclusive);
      }
      if (!agree) {
        throw new StatementRejected(
            String.format(
                "the trailer (record %d) of account %s from header record %d declares %d transfers"
                    + " of %,d yen and %d cancellations of %,d yen, but the file holds %d transfers"
                    + " of %,d yen and %d cancellations of %,d yen%s; the file fails its own totals"
                    + " and is refused whole: ask the bank for it again",
                trailerRecord,
                accountNumber,
                headerRecord,
                declaredCount,
                declaredTotal,
                declaredCancelCount,
                declaredCancelTotal,
                count,
                total,
                cancelCount,
                cancelTotal,
                unreadable.isEmpty()
                    ? ""
                    : " and " + unreadable.size() + " unreadable record(s) " + unreadable));
      }
    }
  }

  private static String digits(byte[] r, int offset, int length, String field) {
    for (int i = offset; i < offset + length; i++) {
      if (!isDigit(r[i])) {
        throw new RecordException(
            field + " '" + new String(r, offset, length, SHIFT_JIS) + "' (bytes " + (offset + 1) + "–"
                + (offset + length) + ") is not " + length + " digits");
      }
    }
    return new String(r, offset, length, SHIFT_JIS);
  }

  /** A 和暦 YYMMDD date of 令和. */
  private static LocalDate date(byte[] r, int offset, String field) {
    String yymmdd = digits(r, offset, 6, field);
    try {
      return LocalDate.from(
          JapaneseDate.of(
              JapaneseEra.REIWA,
              Integer.parseInt(yymmdd.substring(0, 2)),
              Integer.parseInt(yymmdd.substring(2, 4)),
              Integer.parseInt(yymmdd.substring(4, 6))));
    } catch (DateTimeException e) {
      throw new RecordException(field + " '" + yymmdd + "' is no date of 令和 (和暦 YYMMDD)");
    }
  }

  private static String text(byte[] r, int offset, int length) {
    return new String(r, offset, length, SHIFT_JIS).strip();
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** JIS X 0201: ASCII graphic characters and space, and the half-width katakana 0xA1–0xDF. */
  private static boolean isJisX0201(byte b) {
    int u = b & 0xFF;
    return (u >= 0x20 && u <= 0x7E) || (u >= 0xA1 && u <= 0xDF);
  }

  /** Why one record cannot be read; becomes a {@link MalformedRecord}. */
  private static final class RecordException extends RuntimeException {
    RecordException(String message) {
      super(message);
    }
  }
}
