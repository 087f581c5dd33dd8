package org.cabackoffice.verification;

public class FourEyesViolationException extends RuntimeException {
  public FourEyesViolationException(String message) {
    super(message);
  }
}
