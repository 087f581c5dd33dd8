package org.cabackoffice.crl;

/**
 * A request about a root-signed certificate the rules refuse, with a stable code for clients and
 * a reason for people. Expected: answered 4xx as problem+json, logged at INFO without a stack.
 */
public class CaCertificateRefused extends RuntimeException {

  /** Which HTTP status the refusal is. */
  public enum Ground {
    /** 400: the input cannot be read, is incomplete or is not a certificate this root signed. */
    BAD_INPUT,
    /** 404: no such certificate of this root. */
    NOT_FOUND,
    /** 409: recorded already, not in a state for this step, or the same person twice. */
    CONFLICT
  }

  private final Ground ground;
  private final String code;

  CaCertificateRefused(Ground ground, String code, String message) {
    super(message);
    this.ground = ground;
    this.code = code;
  }

  public Ground ground() {
    return ground;
  }

  public String code() {
    return code;
  }
}
