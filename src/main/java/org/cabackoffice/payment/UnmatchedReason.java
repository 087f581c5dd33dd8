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
  /** Several open invoices of the account owe exactly this amount: an officer decides. */
  AMBIGUOUS,
  /** A payment of this amount and value date is recorded already for the account. */
  POSSIBLY_RECORDED,
  /** The bank cancelled (取消区分 1) an earlier notice of a transfer. */
  CANCELLED_BY_BANK,
  /** The matching invoice refused the payment when it was recorded, e.g. paid at the same moment. */
  NOT_RECORDED
}
