package org.cabackoffice.payment;

/** What became of one line of a statement file. */
public enum StatementLineOutcome {
  /** Paid the invoice named; the payment is recorded as "bank-statement:&lt;import id&gt;". */
  MATCHED,
  /** Kept for an officer, with the reason; nothing was recorded. */
  UNMATCHED,
  /** The deposit was imported before; nothing was recorded again. */
  DUPLICATE,
  /** The record could not be read. */
  ERROR,
  /**
   * Claimed and being recorded. A line left so means the import stopped between claiming the
   * deposit and recording it: an officer checks the application's invoice.
   */
  MATCHING
}
