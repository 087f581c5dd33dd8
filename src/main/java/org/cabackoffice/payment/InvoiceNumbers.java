package org.cabackoffice.payment;

/**
 * Where the next invoice number comes from. The number is printed on the qualified invoice
 * (適格請求書) and must be consecutive: {@link LockedInvoiceCounter} is the database's.
 */
@FunctionalInterface
interface InvoiceNumbers {

  /** The next number, drawn inside the caller's transaction. */
  long next();
}
