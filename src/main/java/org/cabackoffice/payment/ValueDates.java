package org.cabackoffice.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;

/**
 * When a transfer's value date (勘定日) can be true of a transfer that pays an invoice. The same
 * rules hold for a deposit from a statement file and for one an officer records by hand, so a
 * date refused at the endpoint is never recorded by an import and the other way round.
 */
final class ValueDates {

  /**
   * No transfer to this CA is older: a date before it is a mistyped year (1900, 0000) or a file
   * from another system, not money that can pay an invoice.
   */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  private ValueDates() {}

  /**
   * Today as the bank books it: value dates and invoice dates are Japanese dates (the CA and its
   * bank work in Japan), whatever zone the server's clock is in.
   */
  static LocalDate today(Clock clock) {
    return BusinessCalendar.today(clock);
  }

  /** Why the date is before {@link #EARLIEST}, or empty. */
  static Optional<String> tooEarly(LocalDate valueDate) {
    return valueDate.isBefore(EARLIEST)
        ? Optional.of(
            "value date " + valueDate + " is before " + EARLIEST
                + ": no transfer to this CA is that old (a mistyped year?)")
        : Optional.empty();
  }

  /** Why the date is after today in Japan, or empty: money cannot have arrived yet. */
  static Optional<String> inFuture(LocalDate valueDate, LocalDate today) {
    return valueDate.isAfter(today)
        ? Optional.of(
            "value date " + valueDate + " lies in the future (today is " + today
                + " in Japan); money cannot have arrived yet")
        : Optional.empty();
  }

  /**
   * Why the date is before the invoice's date, or empty: a transfer booked before the invoice
   * existed paid something else (an earlier application, or nothing of ours), not this bill.
   */
  static Optional<String> beforeInvoice(LocalDate valueDate, Invoice invoice) {
    return valueDate.isBefore(invoice.getIssuedOn())
        ? Optional.of(
            "value date " + valueDate + " is before the invoice of application "
                + invoice.getApplicationId() + " was issued on " + invoice.getIssuedOn()
                + "; this transfer cannot have paid it")
        : Optional.empty();
  }
}
