package org.cabackoffice.verification;

/** A trade name the directory does not take, with what would be right, for the officer. */
public class TradeNameRefused extends RuntimeException {

  public TradeNameRefused(String message) {
    super(message);
  }
}
