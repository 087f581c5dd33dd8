package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * Issue 13: a bank statement file is outside input (the bank's, or whatever an officer picked).
 * Whatever it holds, reading it gives deposits and per-record errors, or refuses the whole file
 * with a reason ({@link StatementRejected}, the API's 400); nothing else escapes, nothing hangs,
 * and every deposit read keeps the README's bounds.
 */
class BankStatementFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final LocalDate DAY = LocalDate.of(2025, 6, 2);

  @Property
  void mutatedZenginFilesAreReadOrRefused(@ForAll("zengin") byte[] file) throws Exception {
    readOrRefused(file);
  }

  @Property
  void mutatedCsvFilesAreReadOrRefused(@ForAll("csv") byte[] file) throws Exception {
    readOrRefused(file);
  }

  @Property
  void generatedCsvRowsAreReadOrRefused(@ForAll("csvRows") String file) throws Exception {
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
            "a statement of " + file.length + " bytes",
            () -> {
              try {
                return BankStatementReader.read(file);
              } catch (StatementRejected refused) {
                return refused;
              }
            });
    if (outcome instanceof StatementRejected refused) {
      assertThat(refused.getMessage()).isNotBlank().doesNotContain("org.apache", "java.", "Exception");
      return;
    }
    ParsedStatement parsed = (ParsedStatement) outcome;
    for (DepositNotification deposit : parsed.deposits()) {
      assertThat(deposit.depositKey()).isNotBlank();
      assertThat(deposit.accountNumber()).matches("\\d{7}");
      assertThat(deposit.amountYen()).isNotNegative();
      assertThat(deposit.valueDate()).isAfterOrEqualTo(LocalDate.of(2000, 1, 1));
      if (parsed.format() == BankStatementFormat.CSV) {
        assertThat(deposit.payer() == null ? "" : deposit.payer()).hasSizeLessThanOrEqualTo(100);
        assertThat(deposit.reference()).hasSizeLessThanOrEqualTo(64);
      }
    }
    parsed.errors().forEach(error -> assertThat(error.message()).isNotBlank().doesNotContain("org.apache", "java."));
  }

  @Provide
  Arbitrary<byte[]> zengin() {
    byte[] twoAccounts =
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
    byte[] withCrLf =
        ZenginFixture.withCrLf().header("999", "0000018", DAY).deposit(1, DAY, 163_900, "ｻﾝﾌﾟﾙ").trailer(1, 163_900).end().build();
    return Mutations.of(List.of(twoAccounts, withCrLf, example("furikomi-20261126.txt")));
  }

  @Provide
  Arbitrary<byte[]> csv() {
    return Mutations.of(List.of(example("deposits-20261126.csv")));
  }

  @Provide
  Arbitrary<String> csvRows() {
    Arbitrary<String> cell =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(30),
            Arbitraries.of("2026-11-26", "2026/11/26", "1999-12-31", "2026-02-30", "0000018", "999-0000018",
                "\"163,900\"", "163900", "-1", "99999999999999999999", "\"\"", "\"a\"\"b\"", "\"line\nbreak\""),
            Arbitraries.strings().withChars('x').ofMinLength(60).ofMaxLength(200));
    Arbitrary<String> row = cell.list().ofMinSize(0).ofMaxSize(7).map(cells -> String.join(",", cells));
    Arbitrary<String> header =
        Arbitraries.of("value_date", "account_number", "amount", "payer", "reference", "extra", "value_date")
            .list().ofMinSize(1).ofMaxSize(7).map(columns -> String.join(",", columns));
    return Combinators.combine(header, row.list().ofMaxSize(20), Arbitraries.of("\n", "\r\n"))
        .as((h, rows, end) -> h + end + String.join(end, rows));
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
