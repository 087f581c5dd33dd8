package org.cabackoffice.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic logins to the API and the engine REST API pass the {@link LoginThrottle} before
 * their password is checked, and report back how the check ended. A user and password that
 * passed the check a moment ago are recognized by {@link VerifiedLogins} without hashing the
 * password again; a suspended account is refused before that.
 */
class ThrottledLogin implements AuthenticationManager {

  private final AuthenticationManager passwordCheck;
  private final LoginThrottle throttle;
  private final VerifiedLogins verified;

  ThrottledLogin(AuthenticationManager passwordCheck, LoginThrottle throttle, VerifiedLogins verified) {
    this.passwordCheck = passwordCheck;
    this.throttle = throttle;
    this.verified = verified;
  }

  @Override
  public Authentication authenticate(Authentication login) {
    String account = login.getName();
    String address =
        login.getDetails() instanceof WebAuthenticationDetails details
            ? details.getRemoteAddress()
            : null;
    throttle
        .suspension(account, address)
        .ifPresent(
            wait -> {
              throw new LoginsSuspendedException(wait);
            });
    // Taken before the check, which may erase the credentials it was given.
    Object password = login.getCredentials();
    Optional<Authentication> recalled = verified.recall(account, password);
    if (recalled.isPresent()) {
      throttle.succeeded(account);
      // The same user and roles, with this request's details (its address), not the first one's.
      UsernamePasswordAuthenticationToken again =
          UsernamePasswordAuthenticationToken.authenticated(
              recalled.get().getPrincipal(), null, recalled.get().getAuthorities());
      again.setDetails(login.getDetails());
      return again;
    }
    try {
      Authentication authenticated = passwordCheck.authenticate(login);
      throttle.succeeded(account);
      verified.remember(account, password, authenticated);
      return authenticated;
    } catch (AuthenticationException e) {
      throttle.failed(account, address);
      // A wrong password for an account ends its remembered logins: its owner may have changed
      // it (on another node too), or someone is guessing; the next login is checked in full.
      verified.forget(account);
      throw e;
    }
  }
}
