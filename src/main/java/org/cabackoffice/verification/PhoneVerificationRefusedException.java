package org.cabackoffice.verification;

/** The recorded call does not satisfy the guide's checklist; the message says what is missing. */
public class PhoneVerificationRefusedException extends IllegalArgumentException {
  public PhoneVerificationRefusedException(String message) {
    super(message);
  }
}
