package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The statement files in {@code examples/} (README, walkthrough step 4) read with the readers an
 * import uses, so a change of either format cannot leave the shipped samples behind.
 */
class ShippedExamplesTest {

  private static final Path EXAMPLES = Path.of("examples");

  @Test
  void theZenginSampleIsADepositNotificationOfTwoTransfers() throws Exception {
    byte[] content = Files.readAllBytes(EXAMPLES.resolve("furikomi-20261126.txt"));
    ParsedStatement parsed = BankStatementReader.read(content);
    assertThat(parsed.format()).isEqualTo(BankStatementFormat.ZENGIN);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.deposits())
        .extracting(DepositNotification::accountNumber, DepositNotification::amountYen, DepositNotification::valueDate)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("0000018", 163_900L, LocalDate.of(2026, 11, 26)),
            org.assertj.core.groups.Tuple.tuple("0000018", 89_100L, LocalDate.of(2026, 11, 26)));
    assertThat(VirtualAccounts.isWellFormed("0000018")).isTrue();
  }

  @Test
  void theCsvSampleShowsBothDateAndAccountForms() throws Exception {
    byte[] content = Files.readAllBytes(EXAMPLES.resolve("deposits-20261126.csv"));
    ParsedStatement parsed = BankStatementReader.read(content);
    assertThat(parsed.format()).isEqualTo(BankStatementFormat.CSV);
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.deposits())
        .extracting(DepositNotification::branchCode, DepositNotification::accountNumber, DepositNotification::amountYen, DepositNotification::reference)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("999", "0000018", 163_900L, "FURIKOMI-20261126-0001"),
            org.assertj.core.groups.Tuple.tuple(null, "0000018", 89_100L, "FURIKOMI-20261126-0002"));
  }
}
