package org.cabackoffice.payment;

public enum InvoiceStatus {
  OPEN,
  PAID,
  CANCELLED
}
