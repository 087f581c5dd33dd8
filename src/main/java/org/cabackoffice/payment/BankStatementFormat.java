package org.cabackoffice.payment;

/** The statement files the back office reads (DESIGN.md: Zengin deposit notification, or CSV). */
public enum BankStatementFormat {
  /** 全銀協 振込入金通知 (種別コード 01): 200-byte records in Shift_JIS, see {@link ZenginDepositNotice}. */
  ZENGIN,
  /** The internet banking CSV export, UTF-8 with a header row, see {@link CsvDepositStatement}. */
  CSV
}
