package org.cabackoffice.payment;

/**
 * A payment or invoice operation the CA's rules refuse, with the reason a delegate can read; the
 * web layer (web/ApiExceptionHandler) answers each reason with its own 4xx.
 */
public class PaymentRefused extends RuntimeException {

  public enum Reason {
    /** No invoice exists for the application, or no such application. */
    NO_INVOICE,
    /** The invoice was already paid: the same transfer recorded twice would be counted twice. */
    ALREADY_PAID,
    /** The application was withdrawn or refused; its invoice is void. */
    INVOICE_CANCELLED,
    /** The transfer does not match the invoice total (partial or excess payment). */
    AMOUNT_MISMATCH,
    /** The value date is before 2000-01-01: a mistyped year, not a transfer to this CA. */
    VALUE_DATE_TOO_EARLY,
    /** The value date is after today in Japan: money cannot have arrived yet. */
    VALUE_DATE_IN_FUTURE,
    /** The value date is before the invoice's date: the transfer paid something else. */
    VALUE_DATE_BEFORE_INVOICE,
    /** The input itself is unusable, e.g. a negative amount or a missing reference. */
    INVALID_INPUT,
    /** The application exists but its process has not issued the invoice yet: nothing to pay. */
    NOT_INVOICED_YET,
    /** No coupon has this code (mistyped?). */
    COUPON_UNKNOWN,
    /** The coupon paid an application already; a code pays once. */
    COUPON_USED,
    /** The coupon's last day has passed (a Japanese date). */
    COUPON_EXPIRED,
    /** The coupon is for another product than the application's. */
    COUPON_WRONG_PRODUCT;
  }

  private final Reason reason;
  private final Long expectedYen;
  private final Long receivedYen;

  public PaymentRefused(Reason reason, String message) {
    this(reason, message, null, null);
  }

  private PaymentRefused(Reason reason, String message, Long expectedYen, Long receivedYen) {
    super(message);
    this.reason = reason;
    this.expectedYen = expectedYen;
    this.receivedYen = receivedYen;
  }

  static PaymentRefused amountMismatch(long applicationId, long expectedYen, long receivedYen) {
    return new PaymentRefused(
        Reason.AMOUNT_MISMATCH,
        String.format(
            "application %d: received %,d yen but the invoice total is %,d yen",
            applicationId, receivedYen, expectedYen),
        expectedYen,
        receivedYen);
  }

  public Reason reason() {
    return reason;
  }

  /** The invoice total, for an amount mismatch; otherwise null. */
  public Long expectedYen() {
    return expectedYen;
  }

  /** The amount received, for an amount mismatch; otherwise null. */
  public Long receivedYen() {
    return receivedYen;
  }
}
