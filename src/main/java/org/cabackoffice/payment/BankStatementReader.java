package org.cabackoffice.payment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells the statement formats apart and reads the file with the right one.
 *
 * <p>A file is checked whole before anything of it is stored ({@link #open}): its size, its
 * format, that a CSV is UTF-8 throughout, that it has no more than {@value
 * BankStatementImports#MAX_ERRORS} unreadable records, and a Zengin file's trailer totals. The
 * import then reads it again a record at a time ({@link Reading#forEach}), so a CSV of a million
 * lines is never in memory whole (issue 12).
 */
final class BankStatementReader {

  /**
   * The default cap of a posted file ({@code backoffice.api.max-statement-bytes}): a CSV of a
   * million deposits is about 60 MB; a larger file is a wrong file.
   */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  /**
   * A Zengin file is still read into memory whole (its records are checked against the trailers
   * of their groups before anything is stored), so it keeps the former cap: about 26,000 records.
   */
  static final int MAX_ZENGIN_BYTES = 5 * 1024 * 1024;

  /** How far the first line of a CSV is looked at for its header. */
  private static final int MAX_HEADER_CHARS = 64 * 1024;

  private BankStatementReader() {}

  /**
   * @throws StatementRejected for an empty or oversized file, or one in neither format
   */
  static ParsedStatement read(byte[] content) {
    return read(content, MAX_BYTES);
  }

  /** As {@link #read(byte[])} with another size cap: every record of the file in lists. */
  static ParsedStatement read(byte[] content, long maxBytes) {
    Reading reading = open(StatementFile.of(content), maxBytes);
    List<DepositNotification> deposits = new ArrayList<>();
    List<MalformedRecord> errors = new ArrayList<>();
    reading.forEach(
        entry -> {
          if (entry instanceof DepositNotification deposit) {
            deposits.add(deposit);
          } else {
            errors.add((MalformedRecord) entry);
          }
        });
    return new ParsedStatement(reading.format(), deposits, errors);
  }

  /**
   * Checks the whole file and returns how to read its records.
   *
   * @throws StatementRejected for an empty or oversized file, one in neither format, a CSV that is
   *     not UTF-8 throughout or whose header lacks a column, a Zengin file whose totals do not add
   *     up, or a file with more than {@value BankStatementImports#MAX_ERRORS} unreadable records
   */
  static Reading open(StatementFile file, long maxBytes) {
    long size = file.size();
    if (size == 0) {
      throw new StatementRejected("the statement file is empty");
    }
    if (size > maxBytes) {
      throw new StatementRejected(
          "the statement file has " + size + " bytes; at most " + maxBytes + " are read");
    }
    byte[] head = head(file);
    if (ZenginDepositNotice.looksLikeZengin(head)) {
      if (size > MAX_ZENGIN_BYTES) {
        throw new StatementRejected(
            "the Zengin file has " + size + " bytes; a Zengin file is read up to " + MAX_ZENGIN_BYTES
                + " bytes (a CSV export up to " + maxBytes + "): post the day's file in parts");
      }
      ParsedStatement parsed = ZenginDepositNotice.read(readAll(file));
      rejectTooManyErrors(parsed.errors().size(), parsed.errors().isEmpty() ? null : parsed.errors().get(0));
      return new ZenginReading(parsed);
    }
    CsvReading csv = new CsvReading(file);
    csv.check();
    return csv;
  }

  /** The records of a checked file, read again on each call. */
  interface Reading {
    BankStatementFormat format();

    /**
     * Hands every deposit ({@link DepositNotification}) and unreadable record ({@link
     * MalformedRecord}) to {@code entries} in file order.
     */
    void forEach(Consumer<Object> entries);
  }

  /** A Zengin file, parsed in memory (it is at most {@value #MAX_ZENGIN_BYTES} bytes). */
  private record ZenginReading(ParsedStatement parsed) implements Reading {
    @Override
    public BankStatementFormat format() {
      return parsed.format();
    }

    @Override
    public void forEach(Consumer<Object> entries) {
      List<Object> inFileOrder = new ArrayList<>(parsed.deposits());
      inFileOrder.addAll(parsed.errors());
      inFileOrder.sort(Comparator.comparingLong(BankStatementReader::lineOf));
      inFileOrder.forEach(entries);
    }
  }

  /** A CSV export, streamed from the file each time. */
  private static final class CsvReading implements Reading {
    private final StatementFile file;

    CsvReading(StatementFile file) {
      this.file = file;
    }

    @Override
    public BankStatementFormat format() {
      return BankStatementFormat.CSV;
    }

    /** The first pass: UTF-8 throughout, a CSV header, not too many unreadable records. */
    void check() {
      String first;
      try (Decoded text = new Decoded(file.open())) {
        first = firstLine(text.reader);
        if (first == null || !CsvDepositStatement.looksLikeCsv(first)) {
          // Which refusal applies depends on whether the whole file is UTF-8.
          if (first != null) {
            text.reader.transferTo(java.io.Writer.nullWriter());
          }
          throw neitherFormat(true);
        }
        long[] errors = {0};
        MalformedRecord[] firstError = {null};
        try {
          CsvDepositStatement.read(
              text.reader,
              entry -> {
                if (entry instanceof MalformedRecord error) {
                  if (errors[0]++ == 0) {
                    firstError[0] = error;
                  }
                }
              });
        } catch (StatementRejected e) {
          if (text.notUtf8()) {
            throw neitherFormat(false);
          }
          throw e;
        }
        if (text.notUtf8()) {
          throw neitherFormat(false);
        }
        rejectTooManyErrors(errors[0], firstError[0]);
      } catch (CharacterCodingException notUtf8) {
        throw neitherFormat(false);
      } catch (IOException e) {
        throw new UncheckedIOException("the statement file could not be read", e);
      }
    }

    @Override
    public void forEach(Consumer<Object> entries) {
      try (Decoded text = new Decoded(file.open())) {
        firstLine(text.reader);
        CsvDepositStatement.read(text.reader, entries);
      } catch (IOException e) {
        throw new UncheckedIOException("the statement file could not be read again", e);
      }
    }

    /**
     * Reads past a byte order mark and looks at the first line without consuming it: the header
     * the parser reads next. Null when the text ends before a character.
     */
    private static String firstLine(BufferedReader reader) throws IOException {
      reader.mark(1);
      int c = reader.read();
      if (c < 0) {
        return null;
      }
      if (c != '\uFEFF') {
        reader.reset();
      }
      reader.mark(MAX_HEADER_CHARS);
      char[] buffer = new char[MAX_HEADER_CHARS];
      int length = 0;
      while (length < buffer.length) {
        int n = reader.read(buffer, length, buffer.length - length);
        if (n < 0) {
          break;
        }
        int newline = indexOf(buffer, length, length + n, '\n');
        length += n;
        if (newline >= 0) {
          length = newline;
          break;
        }
      }
      reader.reset();
      return new String(buffer, 0, length);
    }

    private static int indexOf(char[] buffer, int from, int to, char c) {
      for (int i = from; i < to; i++) {
        if (buffer[i] == c) {
          return i;
        }
      }
      return -1;
    }
  }

  /**
   * The file decoded as strict UTF-8: bytes that are no UTF-8 (a Shift_JIS export) end the text
   * and are remembered, so the parser's view of a broken record is not taken for the file's fault.
   */
  private static final class Decoded implements AutoCloseable {
    final BufferedReader reader;
    private final Flagging flagging;

    Decoded(InputStream in) {
      CharsetDecoder decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      flagging = new Flagging(new InputStreamReader(in, decoder));
      reader = new BufferedReader(flagging, 64 * 1024);
    }

    boolean notUtf8() {
      return flagging.notUtf8;
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private static final class Flagging extends java.io.FilterReader {
    boolean notUtf8;

    Flagging(Reader in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (CharacterCodingException e) {
        notUtf8 = true;
        throw e;
      }
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      try {
        return super.read(buffer, offset, length);
      } catch (CharacterCodingException e) {
        notUtf8 = true;
        throw e;
      }
    }
  }

  private static StatementRejected neitherFormat(boolean utf8) {
    if (!utf8) {
      return new StatementRejected(
          "the file is neither a Zengin 振込入金通知 (200-byte records starting with データ区分 1) nor"
              + " UTF-8 text; a CSV exported in Shift_JIS must be saved as UTF-8 first");
    }
    return new StatementRejected(
        "the file is neither a Zengin 振込入金通知 (200-byte records starting with データ区分 1) nor a"
            + " CSV whose header row names "
            + String.join(", ", CsvDepositStatement.COLUMNS));
  }

  /**
   * A day's statement has a handful of bad records at most; thousands mean the wrong file, and
   * storing each as an error line would only bury the officer's list.
   */
  private static void rejectTooManyErrors(long count, MalformedRecord first) {
    if (count > BankStatementImports.MAX_ERRORS) {
      throw new StatementRejected(
          count
              + " malformed records (more than "
              + BankStatementImports.MAX_ERRORS
              + "): this is not a statement this system can read; the first is at line "
              + first.line()
              + ": "
              + first.message());
    }
  }

  private static byte[] head(StatementFile file) {
    try (InputStream in = file.open()) {
      return in.readNBytes(4);
    } catch (IOException e) {
      throw new UncheckedIOException("the statement file could not be read", e);
    }
  }

  private static byte[] readAll(StatementFile file) {
    try (InputStream in = file.open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("the statement file could not be read", e);
    }
  }

  static long lineOf(Object entry) {
    return entry instanceof MalformedRecord error
        ? error.line()
        : ((DepositNotification) entry).line();
  }
}
