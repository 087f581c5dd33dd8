package org.cabackoffice.payment;

/**
 * A statement file refused as a whole (empty, too large, neither format): nothing of it is
 * imported, and the REST layer answers 400 with the message.
 */
public class StatementRejected extends RuntimeException {

  public StatementRejected(String message) {
    super(message);
  }
}
