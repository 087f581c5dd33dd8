package org.cabackoffice.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for the account or the address: refused before any password check. */
public class LoginsSuspendedException extends AuthenticationException {

  private final Duration retryAfter;

  public LoginsSuspendedException(Duration retryAfter) {
    super("too many failed logins for this account or from this address");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up, at least one (the Retry-After header). */
  public static long wholeSeconds(Duration wait) {
    long seconds = wait.toSeconds();
    return Math.max(1, wait.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1);
  }
}
