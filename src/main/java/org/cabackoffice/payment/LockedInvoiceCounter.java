package org.cabackoffice.payment;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Invoice numbers without gaps across nodes: the {@code invoice-number} row of {@code ca_counter}
 * is incremented under its row lock inside the transaction that stores the invoice, as the CRL
 * numbers are (crl.CrlNumbers). A second node waits for the lock; an invoice that is not stored
 * gives its number back with the rollback, so the issued numbers stay consecutive. The tax office
 * may ask to see every number of the series, cancelled ones included, which is why a cancelled
 * invoice keeps its number.
 */
@Component
class LockedInvoiceCounter implements InvoiceNumbers {

  static final String COUNTER = "invoice-number";

  private final JdbcTemplate jdbc;

  LockedInvoiceCounter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public long next() {
    if (jdbc.update("update ca_counter set next_value = next_value + 1 where name = ?", COUNTER) != 1) {
      throw new IllegalStateException("the counter " + COUNTER + " is missing from ca_counter");
    }
    Long next = jdbc.queryForObject("select next_value from ca_counter where name = ?", Long.class, COUNTER);
    return next - 1;
  }
}
