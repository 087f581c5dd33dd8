package org.cabackoffice.payment;

import java.util.List;

/** What a statement file holds: its deposits and the records that could not be read. */
public record ParsedStatement(
    BankStatementFormat format, List<DepositNotification> deposits, List<MalformedRecord> errors) {

  public ParsedStatement {
    deposits = List.copyOf(deposits);
    errors = List.copyOf(errors);
  }
}
