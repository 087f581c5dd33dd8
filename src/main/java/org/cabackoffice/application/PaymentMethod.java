package org.cabackoffice.application;

public enum PaymentMethod {
  /** Transfer to the customer's dedicated virtual account before issuance (guide [3-2]). */
  BANK_TRANSFER,
  /** 先行納入手配: renewals only, the certificate is issued before the money arrives ([3-2]). */
  DEFERRED,
  /**
   * A coupon an operator issued for the product pays the invoice on applying (issue 14): the code
   * goes with the application ({@link ApplicationForm#couponCode()}), and a code that cannot pay
   * refuses the whole application, so no application waits on a coupon that never came.
   */
  COUPON
}
