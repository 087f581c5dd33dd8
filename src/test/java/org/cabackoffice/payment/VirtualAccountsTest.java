package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VirtualAccountsTest {

  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final VirtualAccounts accounts =
      new VirtualAccounts(
          store.virtualAccountRepository,
          Clock.fixed(Instant.parse("2025-06-02T01:00:00Z"), ZoneId.of("Asia/Tokyo")));

  @Test
  void oneAccountPerCustomerReusedOnEveryLaterNeed() {
    VirtualAccount first = accounts.forCustomer(1L);
    VirtualAccount again = accounts.forCustomer(1L);
    VirtualAccount other = accounts.forCustomer(2L);

    assertThat(again).isSameAs(first);
    assertThat(other.getAccountNumber()).isNotEqualTo(first.getAccountNumber());
    assertThat(store.accounts).hasSize(2);
  }

  @Test
  void accountNumberIsSixDigitSerialAndLuhnCheckDigit() {
    assertThat(VirtualAccounts.accountNumber(1)).isEqualTo("0000018");
    assertThat(VirtualAccounts.accountNumber(123_456)).hasSize(7).startsWith("123456");
    assertThat(VirtualAccounts.isWellFormed("0000018")).isTrue();
    // a single mistyped digit names no account
    assertThat(VirtualAccounts.isWellFormed("0000028")).isFalse();
    assertThat(VirtualAccounts.isWellFormed("0000019")).isFalse();
    assertThat(VirtualAccounts.isWellFormed("000001")).isFalse();
  }

  @Test
  void distinctSerialsGiveDistinctWellFormedNumbers() {
    Set<String> numbers = new HashSet<>();
    for (long serial = 1; serial <= 20_000; serial++) {
      String number = VirtualAccounts.accountNumber(serial);
      assertThat(VirtualAccounts.isWellFormed(number)).isTrue();
      numbers.add(number);
    }
    assertThat(numbers).hasSize(20_000);
  }

  @Test
  void exhaustedSerialsFailInsteadOfColliding() {
    assertThat(VirtualAccounts.accountNumber(999_999)).startsWith("999999");
    assertThatThrownBy(() -> VirtualAccounts.accountNumber(1_000_000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exhausted");
  }
}
