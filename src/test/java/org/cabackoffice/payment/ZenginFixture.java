package org.cabackoffice.payment;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.time.temporal.ChronoField;

/**
 * Builds 振込入金通知 files byte by byte as a bank writes them (layout in {@link
 * ZenginDepositNotice}): every record is checked to be exactly 200 bytes of Shift_JIS.
 */
public final class ZenginFixture {

  public static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final String separator;
  private int records;

  private ZenginFixture(String separator) {
    this.separator = separator;
  }

  /** Records back to back, as a fixed-length transfer delivers them. */
  public static ZenginFixture withoutLineBreaks() {
    return new ZenginFixture("");
  }

  /** CR LF after every record, as internet banking downloads often are. */
  public static ZenginFixture withCrLf() {
    return new ZenginFixture("\r\n");
  }

  /** 和暦 YYMMDD of 令和. */
  public static String wareki(LocalDate date) {
    JapaneseDate japanese = JapaneseDate.from(date);
    if (japanese.getEra() != JapaneseEra.REIWA) {
      throw new IllegalArgumentException(date + " is before 令和");
    }
    return String.format(
        "%02d%02d%02d",
        japanese.get(ChronoField.YEAR_OF_ERA), date.getMonthValue(), date.getDayOfMonth());
  }

  public ZenginFixture header(String branchCode, String accountNumber, LocalDate date) {
    return raw(
        "1"
            + "01"
            + "0"
            + wareki(date)
            + wareki(date)
            + wareki(date)
            + n(9999, 4)
            + c("ｶｲﾊﾂｷﾞﾝｺｳ", 15)
            + branchCode
            + c("ﾊﾞｰﾁｬﾙ", 15)
            + "1"
            + accountNumber
            + c("ｼｰｴｰﾊﾞｯｸｵﾌｨｽ", 40)
            + " ".repeat(93));
  }

  public ZenginFixture deposit(int inquiry, LocalDate valueDate, long amount, String payer) {
    return data(inquiry, wareki(valueDate), amount, payer, " ");
  }

  public ZenginFixture data(int inquiry, String valueDate, long amount, String payer, String cancel) {
    return raw(
        "2"
            + n(inquiry, 6)
            + valueDate
            + valueDate
            + n(amount, 10)
            + n(0, 10)
            + n(0, 10)
            + c(payer, 48)
            + c("ﾐｽﾞﾎ", 15)
            + c("ﾎﾝﾃﾝ", 15)
            + cancel
            + c("", 20)
            + " ".repeat(52));
  }

  public ZenginFixture trailer(long count, long total) {
    return raw("8" + n(count, 6) + n(total, 12) + n(0, 6) + n(0, 12) + " ".repeat(163));
  }

  public ZenginFixture end() {
    return raw("9" + " ".repeat(199));
  }

  /** One record as given, which must encode to exactly 200 bytes of Shift_JIS. */
  public ZenginFixture raw(String record) {
    byte[] bytes = record.getBytes(SHIFT_JIS);
    if (bytes.length != 200) {
      throw new IllegalStateException("record " + (records + 1) + " has " + bytes.length + " bytes");
    }
    return bytes(bytes);
  }

  /** Bytes as given, e.g. a record of the wrong width. */
  public ZenginFixture bytes(byte[] bytes) {
    out.writeBytes(bytes);
    out.writeBytes(separator.getBytes(SHIFT_JIS));
    records++;
    return this;
  }

  public byte[] build() {
    return out.toByteArray();
  }

  static String n(long value, int width) {
    String digits = Long.toString(value);
    if (digits.length() > width) {
      throw new IllegalArgumentException(value + " does not fit " + width + " digits");
    }
    return "0".repeat(width - digits.length()) + digits;
  }

  /** A C field: half-width text, left aligned, padded with spaces to its width in bytes. */
  static String c(String text, int width) {
    int bytes = text.getBytes(SHIFT_JIS).length;
    if (bytes > width) {
      throw new IllegalArgumentException(text + " does not fit " + width + " bytes");
    }
    return text + " ".repeat(width - bytes);
  }
}
