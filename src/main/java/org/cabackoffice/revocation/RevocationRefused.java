package org.cabackoffice.revocation;

/**
 * A revocation request or problem report the rules refuse, with a stable code for clients and a
 * reason for people. Expected: answered 4xx, logged at INFO without a stack.
 */
public class RevocationRefused extends IllegalArgumentException {

  /** What kind of refusal, which decides the HTTP status. */
  public enum Ground {
    /** The input cannot be read or is incomplete: 400. */
    BAD_INPUT,
    /** No such certificate or request for this caller: 404. */
    NOT_FOUND,
    /** The certificate is revoked already, or the request is decided already: 409. */
    CONFLICT,
    /** Too many reports from one address: 429. */
    TOO_MANY
  }

  private final Ground ground;
  private final String code;

  public RevocationRefused(Ground ground, String code, String message) {
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

  static RevocationRefused badInput(String code, String message) {
    return new RevocationRefused(Ground.BAD_INPUT, code, message);
  }

  static RevocationRefused noCertificate(String serial) {
    return new RevocationRefused(
        Ground.NOT_FOUND, "revocation.no-certificate", "no certificate with serial " + serial + " is recorded");
  }
}
