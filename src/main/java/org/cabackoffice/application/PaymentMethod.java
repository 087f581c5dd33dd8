package org.cabackoffice.application;

public enum PaymentMethod {
  /** Transfer to the customer's dedicated virtual account before issuance (guide [3-2]). */
  BANK_TRANSFER,
  /** 先行納入手配: renewals only, the certificate is issued before the money arrives ([3-2]). */
  DEFERRED
}
