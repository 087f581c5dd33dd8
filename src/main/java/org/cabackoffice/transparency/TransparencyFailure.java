package org.cabackoffice.transparency;

/**
 * The logs did not give the SCTs the CT policies ask for: a log failed (named, with its error) or
 * too few answered. Issuance stops; the signing job is retried and then becomes an incident that
 * operations retry once the log is back. Never a certificate without SCTs.
 */
public class TransparencyFailure extends RuntimeException {

  public TransparencyFailure(String message) {
    super(message);
  }
}
