package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The CSV's fields are checked by hand since issue 12 (a regular expression per field and line
 * was a measurable part of a million-line import); these tests hold the hand-written checks to
 * the patterns that state the rules, so a file reads exactly as before.
 */
class CsvDepositStatementTest {

  /** Digits (ASCII and one that is not), separators, and characters that belong in neither field. */
  private static final char[] ALPHABET = {'0', '1', '7', '9', ',', ',', '-', '-', 'a', ' ', '\u0663', '/'};

  private static List<String> samples() {
    List<String> samples = new ArrayList<>(List.of(
        "", "0", "89100", "89,100", "1,639,000", ",100", "1,00", "1,0000", "1234,567", "100,", "1,,000",
        "0000018", "999-0000018", "99-0000018", "999-000001", "999_0000018", "-0000018", "999-", "00000018",
        "\u0663000018"));
    SplittableRandom random = new SplittableRandom(12);
    for (int i = 0; i < 200_000; i++) {
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(13);
      for (int j = 0; j < length; j++) {
        // Mostly digits, so that long valid shapes come up as often as broken ones.
        value.append(random.nextInt(3) > 0 ? (char) ('0' + random.nextInt(10)) : ALPHABET[random.nextInt(ALPHABET.length)]);
      }
      samples.add(value.toString());
    }
    return samples;
  }

  @Test
  void anAmountIsWholeYenExactlyWhenThePatternMatches() {
    for (String value : samples()) {
      assertThat(CsvDepositStatement.wholeYen(value))
          .as("'%s'", value)
          .isEqualTo(CsvDepositStatement.AMOUNT.matcher(value).matches());
    }
  }

  @Test
  void anAccountReadsAsThePatternReadsIt() {
    for (String value : samples()) {
      Matcher matcher = CsvDepositStatement.ACCOUNT.matcher(value);
      String[] read = CsvDepositStatement.branchAndAccount(value);
      if (matcher.matches()) {
        assertThat(read).as("'%s'", value).containsExactly(matcher.group(1), matcher.group(2));
      } else {
        assertThat(read).as("'%s'", value).isNull();
      }
    }
  }

  @Test
  void valueDatesReadAsIsoParsingAndTheSlashedFormReadThem() {
    String csv =
        "value_date,account_number,amount,payer,reference\n"
            + "2025-06-02,0000018,100,ｱ,T1\n"
            + "2025/06/02,0000018,100,ｱ,T2\n"
            + "2024-02-29,0000018,100,ｱ,T3\n"
            + "2025-02-29,0000018,100,ｱ,T4\n"
            + "2025-13-01,0000018,100,ｱ,T5\n"
            + "2025-6-02,0000018,100,ｱ,T6\n"
            + "1999-12-31,0000018,100,ｱ,T7\n";

    ParsedStatement parsed = CsvDepositStatement.read(csv);

    assertThat(parsed.deposits())
        .extracting(DepositNotification::reference, DepositNotification::valueDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("T1", LocalDate.of(2025, 6, 2)),
            org.assertj.core.groups.Tuple.tuple("T2", LocalDate.of(2025, 6, 2)),
            org.assertj.core.groups.Tuple.tuple("T3", LocalDate.of(2024, 2, 29)));
    assertThat(parsed.errors())
        .extracting(MalformedRecord::line)
        .containsExactly(5L, 6L, 7L, 8L);
    assertThat(parsed.errors().get(0).message()).isEqualTo("line 5: value_date '2025-02-29' is no date (2026-11-26 or 2026/11/26)");
    assertThat(parsed.errors().get(3).message()).contains("is outside 2000-01-01");
  }
}
