package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BankStatementReaderTest {

  private static final LocalDate DAY = LocalDate.of(2025, 6, 2); // 令和7年6月2日

  // --- Zengin 振込入金通知 ---------------------------------------------------------------------

  @Test
  void readsTheDepositsOfEachAccountFromItsHeader() {
    byte[] file =
        ZenginFixture.withoutLineBreaks()
            .header("999", "0000018", DAY)
            .deposit(123, DAY, 89_100, "ｶ)ｻﾝﾌﾟﾙ")
            .deposit(124, DAY, 163_900, "ﾔﾏﾀﾞ ﾀﾛｳ")
            .trailer(2, 253_000)
            .header("999", "0000026", DAY)
            .deposit(7, DAY, 1_000, "ｽｽﾞｷ")
            .trailer(1, 1_000)
            .end()
            .build();
    assertThat(file).hasSize(8 * 200);

    ParsedStatement parsed = BankStatementReader.read(file);

    assertThat(parsed.format()).isEqualTo(BankStatementFormat.ZENGIN);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.deposits())
        .extracting(
            DepositNotification::line,
            DepositNotification::branchCode,
            DepositNotification::accountNumber,
            DepositNotification::amountYen,
            DepositNotification::valueDate,
            DepositNotification::payer,
            DepositNotification::reference)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "999", "0000018", 89_100L, DAY, "ｶ)ｻﾝﾌﾟﾙ", "000123"),
            org.assertj.core.groups.Tuple.tuple(3L, "999", "0000018", 163_900L, DAY, "ﾔﾏﾀﾞ ﾀﾛｳ", "000124"),
            org.assertj.core.groups.Tuple.tuple(6L, "999", "0000026", 1_000L, DAY, "ｽｽﾞｷ", "000007"));
    assertThat(parsed.deposits().get(0).depositKey()).isEqualTo("zengin:9999-999-0000018:2025-06-02:000123");
  }

  @Test
  void recordsSeparatedByCrLfReadTheSame() {
    byte[] file =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(123, DAY, 89_100, "ｶ)ｻﾝﾌﾟﾙ")
            .trailer(1, 89_100)
            .end()
            .build();
    assertThat(file).hasSize(4 * 202);

    ParsedStatement parsed = BankStatementReader.read(file);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.deposits()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.amountYen()).isEqualTo(89_100);
    });
  }

  @Test
  void aMalformedRecordIsAnErrorNamingItsNumberAndTheRestIsRead() {
    byte[] file =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(1, DAY, 89_100, "ｱ")
            .data(2, "071302", 5_000, "ｲ", " ") // 13th month
            .raw("2" + "00000X" + "0".repeat(193)) // 照会番号 not digits
            .deposit(4, DAY, 2_000, "ｳ")
            .trailer(4, 96_101) // as the bank sent them
            .end()
            .build();

    ParsedStatement parsed = BankStatementReader.read(file);

    assertThat(parsed.deposits()).extracting(DepositNotification::line).containsExactly(2L, 5L);
    // the trailer's four records add up with the two unreadable ones, so the rest is read
    assertThat(parsed.errors()).extracting(MalformedRecord::line).containsExactly(3L, 4L);
    assertThat(parsed.errors().get(0).message()).contains("record 3", "勘定日", "071302");
    assertThat(parsed.errors().get(1).message()).contains("record 4", "照会番号");
  }

  @Test
  void aRecordOfTheWrongWidthIsAnErrorWhenRecordsAreOnLines() {
    byte[] shortRecord = Arrays.copyOf(ZenginFixture.withoutLineBreaks().deposit(9, DAY, 1, "ｱ").build(), 199);
    byte[] file =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .bytes(shortRecord)
            .deposit(2, DAY, 3_000, "ｲ")
            .trailer(2, 3_001) // as the bank sent them
            .end()
            .build();

    ParsedStatement parsed = BankStatementReader.read(file);

    assertThat(parsed.deposits()).extracting(DepositNotification::line).containsExactly(3L);
    assertThat(parsed.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).contains("199 bytes, not 200");
    });
  }

  @Test
  void aFileWrittenInUtf8InsteadOfShiftJisIsRefused() {
    // The same records with the kana in UTF-8: three bytes each, so no record is 200 bytes wide.
    String header = new String(ZenginFixture.withoutLineBreaks().header("999", "0000018", DAY).build(), ZenginFixture.SHIFT_JIS);
    String data = new String(ZenginFixture.withoutLineBreaks().deposit(1, DAY, 100, "ｱｲｳ").build(), ZenginFixture.SHIFT_JIS);
    byte[] file = (header + "\r\n" + data + "\r\n").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> BankStatementReader.read(file))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("no record")
        .hasMessageContaining("UTF-8");
  }

  @Test
  void fullWidthCharactersInARecordAreAnError() {
    // 「ア」 full-width is two Shift_JIS bytes: the record keeps 200 bytes but leaves JIS X 0201.
    String record = new String(ZenginFixture.withoutLineBreaks().deposit(1, DAY, 100, "ﾔﾏﾀﾞ").build(), ZenginFixture.SHIFT_JIS);
    String fullWidth = record.replace("ﾔﾏﾀﾞ", "ヤマ");
    byte[] file =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .raw(fullWidth)
            .trailer(1, 100)
            .end()
            .build();

    ParsedStatement parsed = BankStatementReader.read(file);

    assertThat(parsed.deposits()).isEmpty();
    assertThat(parsed.errors()).extracting(MalformedRecord::line).contains(2L);
    assertThat(parsed.errors().get(0).message()).contains("JIS X 0201");
  }

  @Test
  void aCancellationIsReadAsSuchAndKeyedApart() {
    byte[] file =
        ZenginFixture.withoutLineBreaks()
            .header("999", "0000018", DAY)
            .deposit(5, DAY, 89_100, "ｱ")
            .data(5, ZenginFixture.wareki(DAY), 89_100, "ｱ", "1")
            .raw("8" + "000001" + ZenginFixture.n(89_100, 12) + "000001" + ZenginFixture.n(89_100, 12) + " ".repeat(163))
            .end()
            .build();

    ParsedStatement parsed = BankStatementReader.read(file);

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.deposits()).extracting(DepositNotification::cancellation).containsExactly(false, true);
    assertThat(parsed.deposits().get(0).depositKey()).isNotEqualTo(parsed.deposits().get(1).depositKey());
  }

  @Test
  void aFileWithoutItsEndRecordIsRefusedWhole() {
    byte[] file =
        ZenginFixture.withoutLineBreaks().header("999", "0000018", DAY).deposit(1, DAY, 100, "ｱ").trailer(1, 100).build();

    assertThatThrownBy(() -> BankStatementReader.read(file))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("no readable end record")
        .hasMessageContaining("record 3");
  }

  @Test
  void aFileCutShortInsideAGroupIsRefusedWhole() {
    byte[] cut = ZenginFixture.withoutLineBreaks().header("999", "0000018", DAY).deposit(1, DAY, 100, "ｱ").build();
    byte[] noTrailerBeforeEnd =
        ZenginFixture.withCrLf().header("999", "0000018", DAY).deposit(1, DAY, 100, "ｱ").end().build();
    byte[] noTrailerBeforeNextHeader =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(1, DAY, 100, "ｱ")
            .header("999", "0000026", DAY)
            .deposit(1, DAY, 200, "ｲ")
            .trailer(1, 200)
            .end()
            .build();

    assertThatThrownBy(() -> BankStatementReader.read(cut))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("0000018")
        .hasMessageContaining("no readable trailer record");
    assertThatThrownBy(() -> BankStatementReader.read(noTrailerBeforeEnd))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("no readable trailer record")
        .hasMessageContaining("end record 3");
    assertThatThrownBy(() -> BankStatementReader.read(noTrailerBeforeNextHeader))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("header record 3");
  }

  @Test
  void aTrailerWhoseTotalsDisagreeWithTheRecordsRefusesTheWholeFile() {
    byte[] moreDeclared =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(1, DAY, 89_100, "ｱ")
            .trailer(2, 178_200)
            .end()
            .build();
    byte[] otherAmount =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(1, DAY, 89_100, "ｱ")
            .trailer(1, 89_000)
            .end()
            .build();

    assertThatThrownBy(() -> BankStatementReader.read(moreDeclared))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("trailer (record 3) of account 0000018")
        .hasMessageContaining("declares 2 transfers of 178,200 yen")
        .hasMessageContaining("holds 1 transfers of 89,100 yen");
    assertThatThrownBy(() -> BankStatementReader.read(otherAmount))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("declares 1 transfers of 89,000 yen")
        .hasMessageContaining("holds 1 transfers of 89,100 yen");
  }

  @Test
  void theTrailersCancellationCountAndAmountAreCheckedToo() {
    String date = ZenginFixture.wareki(DAY);
    byte[] cancelAmountWrong =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(5, DAY, 89_100, "ｱ")
            .data(5, date, 89_100, "ｱ", "1")
            .raw("8" + "000001" + ZenginFixture.n(89_100, 12) + "000001" + ZenginFixture.n(1, 12) + " ".repeat(163))
            .end()
            .build();
    byte[] cancelUndeclared =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(5, DAY, 89_100, "ｱ")
            .data(5, date, 89_100, "ｱ", "1")
            .trailer(1, 89_100)
            .end()
            .build();
    byte[] cancellationsCountedInTheTransfers =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(5, DAY, 89_100, "ｱ")
            .data(5, date, 89_100, "ｱ", "1")
            .raw("8" + "000002" + ZenginFixture.n(178_200, 12) + "000001" + ZenginFixture.n(89_100, 12) + " ".repeat(163))
            .end()
            .build();

    assertThatThrownBy(() -> BankStatementReader.read(cancelAmountWrong))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("1 cancellations of 1 yen")
        .hasMessageContaining("1 cancellations of 89,100 yen");
    assertThatThrownBy(() -> BankStatementReader.read(cancelUndeclared))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("0 cancellations of 0 yen");
    assertThat(BankStatementReader.read(cancellationsCountedInTheTransfers).deposits()).hasSize(2);
  }

  @Test
  void unreadableRecordsMustStillAddUpWithTheTrailer() {
    byte[] file =
        ZenginFixture.withCrLf()
            .header("999", "0000018", DAY)
            .deposit(1, DAY, 89_100, "ｱ")
            .data(2, "071302", 5_000, "ｲ", " ") // 13th month: unreadable
            .deposit(3, DAY, 2_000, "ｳ")
            .trailer(2, 91_100) // declares only the two readable ones: a record too many
            .end()
            .build();

    assertThatThrownBy(() -> BankStatementReader.read(file))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("declares 2 transfers of 91,100 yen")
        .hasMessageContaining("1 unreadable record(s) [3]");
  }

  @Test
  void otherZenginFormatsAndEbcdicAreRefused() {
    String header = new String(ZenginFixture.withoutLineBreaks().header("999", "0000018", DAY).build(), ZenginFixture.SHIFT_JIS);
    byte[] statement = ("103" + header.substring(3)).getBytes(ZenginFixture.SHIFT_JIS);
    byte[] ebcdic = ("1011" + header.substring(4)).getBytes(ZenginFixture.SHIFT_JIS);

    assertThatThrownBy(() -> BankStatementReader.read(statement))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("入出金取引明細");
    assertThatThrownBy(() -> BankStatementReader.read(ebcdic))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("EBCDIC");
  }

  // --- CSV ------------------------------------------------------------------------------------

  @Test
  void readsTheCsvExportWithQuotedAmountsAndAByteOrderMark() {
    String csv =
        "\uFEFFvalue_date,account_number,amount,payer,reference\r\n"
            + "2025-06-02,0000018,\"89,100\",\"ｶ)ｻﾝﾌﾟﾙ, ﾄｳｷｮｳ\",TX-0001\r\n"
            + "\r\n"
            + "2025/06/02,999-0000026,1000,ｽｽﾞｷ,TX-0002\r\n";

    ParsedStatement parsed = BankStatementReader.read(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.format()).isEqualTo(BankStatementFormat.CSV);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.deposits())
        .extracting(
            DepositNotification::line,
            DepositNotification::branchCode,
            DepositNotification::accountNumber,
            DepositNotification::amountYen,
            DepositNotification::payer,
            DepositNotification::reference)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, null, "0000018", 89_100L, "ｶ)ｻﾝﾌﾟﾙ, ﾄｳｷｮｳ", "TX-0001"),
            org.assertj.core.groups.Tuple.tuple(4L, "999", "0000026", 1_000L, "ｽｽﾞｷ", "TX-0002"));
    assertThat(parsed.deposits().get(0).valueDate()).isEqualTo(DAY);
    assertThat(parsed.deposits().get(0).depositKey()).isEqualTo("csv:0000018:TX-0001");
  }

  /**
   * Issue 12: the CSV is read as a stream, so line numbers are counted as the parser goes; over
   * many times the reader's buffer, with every kind of line end, blank lines and quoted line
   * breaks, each record still names the line it starts on.
   */
  @Test
  void aLongCsvNamesTheLineEachRecordStartsOnWhateverItsLineEnds() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    StringBuilder csv = new StringBuilder("value_date,account_number,amount,payer,reference\n");
    java.util.List<Integer> starts = new java.util.ArrayList<>();
    String[] ends = {"\n", "\r\n", "\r"};
    for (int i = 0; i < 5_000; i++) {
      String end = ends[random.nextInt(ends.length)];
      while (random.nextInt(10) == 0) {
        csv.append(end);
      }
      starts.add(csv.length());
      boolean quotedBreak = random.nextInt(20) == 0;
      csv.append("2025-06-02,0000018,").append(100 + i).append(',')
          .append(quotedBreak ? "\"ｶ)ｻﾝﾌﾟﾙ" + end + "ﾄｳｷｮｳ\"" : "ｶ)ｻﾝﾌﾟﾙ")
          .append(",TX-").append(i).append(end);
    }
    // The line an editor shows: one more than the line ends before the record (CR LF is one).
    java.util.List<Long> expected = new java.util.ArrayList<>();
    long breaks = 0;
    int at = 0;
    for (int start : starts) {
      for (; at < start; at++) {
        char c = csv.charAt(at);
        if (c == '\n' || (c == '\r' && csv.charAt(at + 1) != '\n')) {
          breaks++;
        }
      }
      expected.add(breaks + 1);
    }

    ParsedStatement parsed = BankStatementReader.read(csv.toString().getBytes(StandardCharsets.UTF_8));

    // A quoted line break is a control character in the payer: that record is an error, on its line.
    java.util.List<Long> read = new java.util.ArrayList<>();
    parsed.deposits().forEach(d -> read.add(d.line()));
    parsed.errors().forEach(e -> read.add(e.line()));
    java.util.Collections.sort(read);
    assertThat(read).containsExactlyElementsOf(expected);
    assertThat(parsed.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.message()).contains("control character"));
  }

  @Test
  void aCsvWhoseBytesAreNoUtf8AfterItsFirstLinesIsRefusedWhole() {
    StringBuilder csv = new StringBuilder("value_date,account_number,amount,payer,reference\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append("2025-06-02,0000018,100,ｱ,TX-").append(i).append('\n');
    }
    byte[] utf8 = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = Arrays.copyOf(utf8, utf8.length + 1);
    file[file.length - 1] = (byte) 0x82; // a Shift_JIS lead byte at the very end

    assertThatThrownBy(() -> BankStatementReader.read(file))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void columnsMayComeInAnyOrder() {
    String csv = "reference,payer,amount,account_number,value_date,memo\nTX-1,ｱ,500,0000018,2025-06-02,x\n";

    ParsedStatement parsed = BankStatementReader.read(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.deposits()).singleElement().satisfies(d -> assertThat(d.amountYen()).isEqualTo(500));
  }

  @Test
  void aMalformedCsvLineIsAnErrorNamingItsLineAndTheRestIsRead() {
    String csv =
        "value_date,account_number,amount,payer,reference\n"
            + "2025-06-02,0000018,89100,ｱ,TX-1\n"
            + "2025-02-30,0000018,100,ｲ,TX-2\n"
            + "2025-06-02,18,100,ｳ,TX-3\n"
            + "2025-06-02,0000018,-100,ｴ,TX-4\n"
            + "2025-06-02,0000018,100,ｵ,\n"
            + "2025-06-02,0000018,100\n"
            + "2025-06-02,0000026,700,ｶ,TX-7\n";

    ParsedStatement parsed = BankStatementReader.read(csv.getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.deposits()).extracting(DepositNotification::line).containsExactly(2L, 8L);
    assertThat(parsed.errors()).extracting(MalformedRecord::line).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(parsed.errors()).extracting(MalformedRecord::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("line 3", "value_date"),
            m -> assertThat(m).contains("line 4", "account_number"),
            m -> assertThat(m).contains("line 5", "amount"),
            m -> assertThat(m).contains("line 6", "reference"),
            m -> assertThat(m).contains("line 7", "3 fields"));
  }

  @Test
  void brokenQuotingOrAStrayHeaderIsReportedWithoutCommonsCsvsClasses() {
    String brokenQuote =
        "value_date,account_number,amount,payer,reference\n"
            + "2025-06-02,0000018,89100,ｱ,TX-1\n"
            + "2025-06-02,0000018,\"100\"x,ｲ,TX-2\n";
    byte[] repeatedColumn =
        "value_date,account_number,amount,payer,reference,\"amount\n2025-06-02,0000018,100,ｱ,TX-1,1\n"
            .getBytes(StandardCharsets.UTF_8);

    ParsedStatement parsed = BankStatementReader.read(brokenQuote.getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.errors())
        .extracting(MalformedRecord::message)
        .singleElement()
        .satisfies(
            m -> assertThat(m).contains("line 3", "quoted").doesNotContain("org.apache", "Exception"));
    assertThatThrownBy(() -> BankStatementReader.read(repeatedColumn))
        .isInstanceOf(StatementRejected.class)
        .message()
        .doesNotContain("org.apache", "Exception");
  }

  @Test
  void aCsvInShiftJisOrWithoutTheColumnsIsRefused() {
    String csv = "value_date,account_number,amount,payer,reference\n2025-06-02,0000018,100,ヤマダ,TX-1\n";
    byte[] shiftJis = csv.getBytes(ZenginFixture.SHIFT_JIS);
    byte[] noReference = "value_date,account_number,amount,payer\n2025-06-02,0000018,100,ｱ\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> BankStatementReader.read(shiftJis))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> BankStatementReader.read(noReference))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("reference");
  }

  // --- neither ---------------------------------------------------------------------------------

  @Test
  void emptyOversizedAndUnknownFilesAreRefused() {
    assertThatThrownBy(() -> BankStatementReader.read(new byte[0])).hasMessageContaining("empty");
    // The cap is checked on the size, before a byte is read (64 MiB by default).
    assertThatThrownBy(() -> BankStatementReader.read(new byte[4097], 4096))
        .hasMessageContaining("4097 bytes; at most 4096");
    // A Zengin file is still read whole into memory, so it keeps the former 5 MiB.
    byte[] largeZengin = new byte[BankStatementReader.MAX_ZENGIN_BYTES + 1];
    largeZengin[0] = '1';
    largeZengin[1] = '0';
    largeZengin[2] = '1';
    largeZengin[3] = '0';
    assertThatThrownBy(() -> BankStatementReader.read(largeZengin))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("Zengin file is read up to " + BankStatementReader.MAX_ZENGIN_BYTES);
    assertThatThrownBy(() -> BankStatementReader.read("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("neither");
  }

  @Test
  void aCsvFieldWithAControlCharacterIsAMalformedRecordThatDoesNotQuoteIt() {
    String csv =
        "value_date,account_number,amount,payer,reference\n"
            + "2025-06-02,0000018,500,ｻﾝ\u0000ﾌﾟﾙ,TX-1\n"
            + "2025-06-02,0000018,600,ｻﾝﾌﾟﾙ,TX-2\n";
    ParsedStatement parsed = BankStatementReader.read(csv.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.deposits()).singleElement().satisfies(d -> assertThat(d.amountYen()).isEqualTo(600));
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.message()).contains("control character");
              assertThat(e.message()).doesNotContain("\u0000");
            });
  }
}
