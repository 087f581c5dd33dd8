package org.cabackoffice.issuance;

/**
 * The HSM holding a CA key could not sign: unplugged, not present, logged out, or refusing
 * (CKR_DEVICE_REMOVED, CKR_TOKEN_NOT_PRESENT, CKR_USER_NOT_LOGGED_IN, a PIN it no longer takes).
 * Nothing was signed and nothing about the application is wrong: the step is retried, and the key
 * store opens the token anew on the next attempt, so signing resumes once the token is back.
 */
public class CaKeyUnavailableException extends RuntimeException {

  private final String alias;
  private final String tokenSaid;

  CaKeyUnavailableException(String alias, String tokenSaid, Throwable cause) {
    super("the CA key '" + alias + "' in the PKCS#11 token could not sign: " + tokenSaid
        + "; nothing was signed, and signing resumes on retry once the token is back", cause);
    this.alias = alias;
    this.tokenSaid = tokenSaid;
  }

  /** The keystore alias of the key: issuing-ca, root-ca or ocsp-responder. */
  public String alias() {
    return alias;
  }

  /** What the token answered, e.g. CKR_DEVICE_REMOVED. */
  public String tokenSaid() {
    return tokenSaid;
  }

  /** The PKCS#11 return value (CKR_…) in the causes, else the innermost message. */
  static String tokenSaid(Throwable thrown) {
    String innermost = String.valueOf(thrown);
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      java.util.regex.Matcher ckr = java.util.regex.Pattern.compile("CKR_[A-Z_]+").matcher(message);
      if (ckr.find()) {
        return ckr.group();
      }
      innermost = cause.getClass().getSimpleName() + ": " + message;
    }
    return innermost;
  }
}
