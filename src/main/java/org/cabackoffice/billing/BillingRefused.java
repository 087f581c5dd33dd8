package org.cabackoffice.billing;

/** A document that cannot be made for this request; the reason decides the answer's status. */
public class BillingRefused extends RuntimeException {

  public enum Reason {
    /** The document does not exist yet (no invoice, not paid, not issued): 409. */
    NOT_YET_ISSUED,
    /** The order asked for cannot be quoted: 400. */
    INVALID_ORDER
  }

  private final Reason reason;

  public BillingRefused(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
