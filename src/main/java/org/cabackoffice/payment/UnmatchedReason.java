package org.cabackoffice.payment;

/** Why a deposit paid no invoice by itself and waits for an officer. */
public enum UnmatchedReason {
  /** The account is none of our virtual accounts, e.g. the CA's fixed account (固定口座, guide [3-2]). */
  UNKNOWN_ACCOUNT,
  /** Paid at a branch other than the one that hosts the virtual accounts. */
  OTHER_BRANCH,
  /** The customer's virtual account has no open invoice: paid twice, early, or after cancelling. */
  NO_OPEN_INVOICE,
  /** No open invoice of the account has exactly this total: a partial, excess or combined payment. */
  AMOUNT_MISMATCH,
  /**
   * Several open invoices of the account owed exactly this amount. No longer given: the oldest is
   * paid (README, step 4); kept for the lines stored before.
   */
  AMBIGUOUS,
  /** A payment of this amount and value date is recorded already for the account. */
  POSSIBLY_RECORDED,
  /** The bank cancelled (取消区分 1) an earlier notice of a transfer. */
  CANCELLED_BY_BANK,
  /** The value date is before 2000-01-01: a mistyped year or another system's file. */
  VALUE_DATE_TOO_EARLY,
  /** The value date is after today in Japan: money cannot have arrived yet. */
  VALUE_DATE_IN_FUTURE,
  /** The value date is before the date of every open invoice of that total: it paid something else. */
  VALUE_DATE_BEFORE_INVOICE,
  /** The matching invoice refused the payment when it was recorded, e.g. paid at the same moment. */
  NOT_RECORDED
}
