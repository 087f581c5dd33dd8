package org.cabackoffice.payment;

/** Tells the statement formats apart and reads the file with the right one. */
final class BankStatementReader {

  /** Far above a day's deposits into the CA's accounts; a larger file is a wrong file. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  private BankStatementReader() {}

  /**
   * @throws StatementRejected for an empty or oversized file, or one in neither format
   */
  static ParsedStatement read(byte[] content) {
    if (content == null || content.length == 0) {
      throw new StatementRejected("the statement file is empty");
    }
    if (content.length > MAX_BYTES) {
      throw new StatementRejected(
          "the statement file has " + content.length + " bytes; at most " + MAX_BYTES + " are read");
    }
    if (ZenginDepositNotice.looksLikeZengin(content)) {
      return ZenginDepositNotice.read(content);
    }
    String text = CsvDepositStatement.utf8(content);
    if (text != null && CsvDepositStatement.looksLikeCsv(text)) {
      return CsvDepositStatement.read(text);
    }
    if (text == null) {
      throw new StatementRejected(
          "the file is neither a Zengin 振込入金通知 (200-byte records starting with データ区分 1) nor"
              + " UTF-8 text; a CSV exported in Shift_JIS must be saved as UTF-8 first");
    }
    throw new StatementRejected(
        "the file is neither a Zengin 振込入金通知 (200-byte records starting with データ区分 1) nor a"
            + " CSV whose header row names "
            + String.join(", ", CsvDepositStatement.COLUMNS));
  }
}
