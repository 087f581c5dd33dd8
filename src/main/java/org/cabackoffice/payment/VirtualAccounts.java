package org.cabackoffice.payment;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the dedicated transfer account of a storefront user ID (guide [3-2]: 振込み専用口座は
 * ストアフロントのユーザ ID ごとに用意され、以後の申請で毎回利用できます).
 */
@Service
public class VirtualAccounts {

  private final VirtualAccountRepository accounts;
  private final Clock clock;

  public VirtualAccounts(VirtualAccountRepository accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * The customer's account, created on first need. Two first invoices of one customer racing
   * each other end in the unique constraint on customer_account_id; the losing job is retried and
   * then finds the account.
   */
  @Transactional
  public VirtualAccount forCustomer(long customerAccountId) {
    return accounts
        .findByCustomerAccountId(customerAccountId)
        .orElseGet(
            () ->
                accounts.save(
                    new VirtualAccount(
                        customerAccountId,
                        accountNumber(accounts.nextAccountSerial()),
                        clock.instant())));
  }

  /**
   * Seven digits: the six-digit serial and a Luhn check digit, so a mistyped digit in a transfer
   * lands on no account instead of on another customer's. Serials come from a sequence, so two
   * accounts never share a number.
   */
  static String accountNumber(long serial) {
    if (serial < 1 || serial > 999_999) {
      throw new IllegalStateException(
          "virtual account serials are exhausted or invalid (" + serial + "); ask the bank for a new range");
    }
    String digits = String.format("%06d", serial);
    return digits + luhnCheckDigit(digits);
  }

  static int luhnCheckDigit(String digits) {
    int sum = 0;
    boolean twice = true;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return (10 - sum % 10) % 10;
  }

  /** Whether a seven-digit number carries a valid check digit, e.g. when matching statements. */
  public static boolean isWellFormed(String accountNumber) {
    return accountNumber != null
        && accountNumber.matches("\\d{7}")
        && luhnCheckDigit(accountNumber.substring(0, 6)) == accountNumber.charAt(6) - '0';
  }
}
