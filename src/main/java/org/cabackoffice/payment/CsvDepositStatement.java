package org.cabackoffice.payment;

import org.cabackoffice.input.Utf8Text;

import org.cabackoffice.input.Truncation;
import java.io.IOException;
import java.io.FilterReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the deposits of a statement exported from the bank's internet banking as CSV: UTF-8,
 * RFC 4180 quoting, a header row naming the columns {@code value_date, account_number, amount,
 * payer, reference} in any order (further columns are ignored).
 *
 * <ul>
 *   <li>{@code value_date}: {@code 2026-11-26} or {@code 2026/11/26}
 *   <li>{@code account_number}: the seven-digit account, or {@code branch-account} ({@code
 *       999-0000018})
 *   <li>{@code amount}: whole yen, digits with or without thousands separators ({@code "89,100"})
 *   <li>{@code payer}: the remitter as the bank shows it, at most {@value #MAX_PAYER} characters
 *   <li>{@code reference}: the bank's unique reference of the transfer, at most {@value
 *       #MAX_REFERENCE} characters; with the account it identifies the deposit when a file is
 *       imported again
 * </ul>
 */
final class CsvDepositStatement {

  static final List<String> COLUMNS =
      List.of("value_date", "account_number", "amount", "payer", "reference");
  static final int MAX_PAYER = 100;
  static final int MAX_REFERENCE = 64;

  /** The account_number's form; {@link #branchAndAccount} checks it without a matcher per line. */
  static final Pattern ACCOUNT = Pattern.compile("(?:(\\d{3})-)?(\\d{7})");
  /** The amount's form; {@link #wholeYen} checks it without a matcher per line. */
  static final Pattern AMOUNT = Pattern.compile("\\d{1,3}(?:,\\d{3})+|\\d+");
  private static final DateTimeFormatter SLASHED =
      DateTimeFormatter.ofPattern("uuuu/MM/dd").withResolverStyle(ResolverStyle.STRICT);

  private CsvDepositStatement() {}

  /** The text of a UTF-8 file without its byte order mark, or null when it is not UTF-8. */
  static String utf8(byte[] content) {
    return Utf8Text.strict(content).orElse(null);
  }


  /** Whether the text's first line is a header naming this format's columns. */
  static boolean looksLikeCsv(String text) {
    int end = text.indexOf('\n');
    String first = (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
    return first.contains("value_date") && first.contains(",");
  }

  static ParsedStatement read(String text) {
    List<DepositNotification> deposits = new ArrayList<>();
    List<MalformedRecord> errors = new ArrayList<>();
    read(
        new StringReader(text),
        entry -> {
          if (entry instanceof DepositNotification deposit) {
            deposits.add(deposit);
          } else {
            errors.add((MalformedRecord) entry);
          }
        });
    return new ParsedStatement(BankStatementFormat.CSV, deposits, errors);
  }

  /**
   * Reads the text record by record and hands each deposit ({@link DepositNotification}) or
   * unreadable record ({@link MalformedRecord}) to {@code entries} in file order, holding no more
   * of the file than the record being read (issue 12: a file of a million lines).
   *
   * @param text the file's text after its byte order mark
   * @throws StatementRejected when the header lacks a column or cannot be read
   */
  static void read(Reader text, Consumer<Object> entries) {
    LineNumbers lines = new LineNumbers(text);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(lines).setFormat(format).get();
    } catch (IOException e) {
      throw new StatementRejected("the CSV cannot be read as UTF-8 text");
    } catch (IllegalArgumentException | UncheckedIOException e) {
      // Commons CSV refuses a header with a blank or repeated column name this way; its message
      // names its own exception classes, so the officer gets ours.
      throw new StatementRejected(
          "the CSV header cannot be read: a column name is blank or repeated, or its quoting is"
              + " broken; it needs " + String.join(", ", COLUMNS));
    }
    try (parser) {
      Map<String, Integer> header = parser.getHeaderMap();
      List<String> missing =
          COLUMNS.stream().filter(c -> header.keySet().stream().noneMatch(c::equalsIgnoreCase)).toList();
      if (!missing.isEmpty()) {
        throw new StatementRejected(
            "the CSV header lacks the column(s) " + String.join(", ", missing) + "; it needs " + String.join(", ", COLUMNS));
      }
      Iterator<CSVRecord> records = parser.iterator();
      long lastLine = 1;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // Broken quoting: where the next record starts is unknown, so reading stops here.
          long line = lastLine + 1;
          entries.accept(
              new MalformedRecord(
                  line,
                  "line " + line + " and after: the CSV cannot be read on (a quoted field is not"
                      + " closed, or text follows its closing quote); the lines before it were"
                      + " imported"));
          break;
        }
        long line = lines.at(record.getCharacterPosition());
        lastLine = line;
        Object entry;
        try {
          entry = deposit(line, record);
        } catch (IllegalArgumentException e) {
          entry = new MalformedRecord(line, "line " + line + ": " + e.getMessage());
        }
        entries.accept(entry);
      }
    } catch (IOException e) {
      throw new StatementRejected("the CSV cannot be read as UTF-8 text");
    }
  }

  private static DepositNotification deposit(long line, CSVRecord record) {
    // Control characters (NUL above all) belong in no bank field; PostgreSQL would refuse to
    // store them, and the message must not quote them either.
    for (int i = 0; i < record.size(); i++) {
      if (holdsControlCharacter(record.get(i))) {
        throw new IllegalArgumentException("field " + (i + 1) + " holds a control character");
      }
    }
    if (!record.isConsistent()) {
      throw new IllegalArgumentException(
          record.size() + " fields where the header names " + record.getParser().getHeaderNames().size());
    }
    LocalDate valueDate = date(record.get("value_date"));
    // Checked by hand, not by a regular expression per field (issue 12: a million lines are
    // parsed twice); the rules are the patterns ACCOUNT and AMOUNT state, as
    // CsvDepositStatementTest holds them to those patterns.
    String rawAccount = record.get("account_number");
    String[] branchAndAccount = branchAndAccount(rawAccount);
    if (branchAndAccount == null) {
      throw new IllegalArgumentException(
          "account_number '" + shorten(rawAccount) + "' is not 7 digits (or branch-account)");
    }
    String branchCode = branchAndAccount[0];
    String accountNumber = branchAndAccount[1];
    String rawAmount = record.get("amount");
    if (!wholeYen(rawAmount)) {
      throw new IllegalArgumentException(
          "amount '" + shorten(rawAmount) + "' is not a whole number of yen (a deposit is positive)");
    }
    long amount;
    try {
      amount = Long.parseLong(rawAmount.indexOf(',') < 0 ? rawAmount : rawAmount.replace(",", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount '" + shorten(rawAmount) + "' is too large");
    }
    if (amount <= 0) {
      throw new IllegalArgumentException("amount is zero");
    }
    String payer = record.get("payer");
    if (payer.length() > MAX_PAYER) {
      throw new IllegalArgumentException("payer is longer than " + MAX_PAYER + " characters");
    }
    String reference = record.get("reference");
    if (reference.isEmpty()) {
      throw new IllegalArgumentException("reference is empty; without it a second import would count the deposit again");
    }
    if (reference.length() > MAX_REFERENCE) {
      throw new IllegalArgumentException("reference is longer than " + MAX_REFERENCE + " characters");
    }
    return new DepositNotification(
        line,
        "csv:" + accountNumber + ":" + reference,
        reference,
        branchCode,
        accountNumber,
        amount,
        valueDate,
        payer,
        false);
  }

  private static LocalDate date(String value) {
    LocalDate date;
    try {
      date = isoShaped(value)
          ? LocalDate.of(
              Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10), Integer.parseInt(value, 8, 10, 10))
          : value.contains("/") ? LocalDate.parse(value, SLASHED) : LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "value_date '" + shorten(value) + "' is no date (2026-11-26 or 2026/11/26)");
    }
    // A year before 2000 or of five digits is no booking (ValueDates.EARLIEST). It is refused
    // here, as written, rather than kept as an unmatched line: the database's dates cannot hold
    // year 0 or negative years and would show the officer another date than the file's.
    if (date.isBefore(ValueDates.EARLIEST) || date.getYear() > 9999) {
      throw new IllegalArgumentException(
          "value_date '" + shorten(value) + "' is outside " + ValueDates.EARLIEST
              + " to 9999-12-31: no transfer to this CA has that date (a mistyped year?)");
    }
    return date;
  }

  /**
   * {@code 2026-11-26}, the form nearly every line has: built with {@link LocalDate#of}, which
   * refuses what ISO parsing refuses (a 13th month, 30 February), without a formatter's parse.
   */
  private static boolean isoShaped(String value) {
    return value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-'
        && digits(value, 0, 4) && digits(value, 5, 7) && digits(value, 8, 10);
  }

  /**
   * {@link #ACCOUNT}: the branch (null when not written) and the seven-digit account, or null
   * when the value is neither {@code 0000018} nor {@code 999-0000018}.
   */
  static String[] branchAndAccount(String value) {
    if (value.length() == 7 && digits(value, 0, 7)) {
      return new String[] {null, value};
    }
    if (value.length() == 11 && value.charAt(3) == '-' && digits(value, 0, 3) && digits(value, 4, 11)) {
      return new String[] {value.substring(0, 3), value.substring(4)};
    }
    return null;
  }

  /** {@link #AMOUNT}: digits, or groups of three separated by commas after one to three digits. */
  static boolean wholeYen(String value) {
    int comma = value.indexOf(',');
    if (comma < 0) {
      return !value.isEmpty() && digits(value, 0, value.length());
    }
    if (comma > 3 || !digits(value, 0, comma) || comma == 0) {
      return false;
    }
    for (int i = comma; i < value.length(); i += 4) {
      if (value.charAt(i) != ',' || i + 4 > value.length() || !digits(value, i + 1, i + 4)) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value[from, to)} is ASCII digits only, as {@code \\d} matches. */
  private static boolean digits(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** Control characters (tab apart, DEL included), which belong in no bank field. */
  private static boolean holdsControlCharacter(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** What the file held, quoted in an error: 40 characters and an ellipsis at most. */
  private static String shorten(String value) {
    return Truncation.abbreviated(value, 41);
  }

  /**
   * The text as the parser reads it, remembering the characters it has read past the last record
   * asked about: line numbers of character positions, so an error names the line an officer sees,
   * without keeping the file (only the parser's read-ahead and the current record).
   */
  private static final class LineNumbers extends FilterReader {
    /** Characters from position {@link #base} on; {@code window[start..end)}. */
    private char[] window = new char[16 * 1024];
    private int start;
    private int end;
    private long base;
    /** Line breaks before {@link #base}. */
    private long breaks;

    LineNumbers(Reader text) {
      super(text);
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        keep(new char[] {(char) c}, 0, 1);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        keep(buffer, offset, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      char[] skipped = new char[(int) Math.min(n, 8192)];
      int read = read(skipped, 0, skipped.length);
      return Math.max(read, 0);
    }

    private void keep(char[] chars, int offset, int length) {
      if (end + length > window.length) {
        int kept = end - start;
        char[] target = kept + length > window.length / 2 ? new char[Math.max(window.length * 2, kept + length)] : window;
        System.arraycopy(window, start, target, 0, kept);
        window = target;
        start = 0;
        end = kept;
      }
      System.arraycopy(chars, offset, window, end, length);
      end += length;
    }

    /**
     * The line of the record starting at a position; empty lines skipped before it count too. A
     * CR, LF or CR LF ends a line. Positions are asked about in increasing order.
     */
    long at(long position) {
      int stop = start + (int) Math.max(0, position - base);
      while (stop < end && (window[stop] == '\n' || window[stop] == '\r')) {
        stop++;
      }
      for (int i = start; i < stop; i++) {
        char c = window[i];
        if (c == '\n' || (c == '\r' && (i + 1 == end || window[i + 1] != '\n'))) {
          breaks++;
        }
      }
      base += stop - start;
      start = stop;
      return breaks + 1;
    }
  }
}
