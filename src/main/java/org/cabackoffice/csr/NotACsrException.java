package org.cabackoffice.csr;

/** The input is not a PKCS#10 certificate request at all; the message says why, for the customer. */
public class NotACsrException extends RuntimeException {

  public NotACsrException(String reason) {
    super(reason);
  }

  public NotACsrException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
