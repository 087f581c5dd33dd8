package org.cabackoffice.verification;

public class FourEyesViolationException extends IllegalStateException {
  public FourEyesViolationException(String message) {
    super(message);
  }
}
