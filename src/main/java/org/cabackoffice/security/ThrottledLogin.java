package org.cabackoffice.security;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * HTTP Basic logins to the API and the engine REST API pass the {@link LoginThrottle} before
 * their password is checked, and report back how the check ended.
 */
class ThrottledLogin implements AuthenticationManager {

  private final AuthenticationManager passwordCheck;
  private final LoginThrottle throttle;

  ThrottledLogin(AuthenticationManager passwordCheck, LoginThrottle throttle) {
    this.passwordCheck = passwordCheck;
    this.throttle = throttle;
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
    try {
      Authentication authenticated = passwordCheck.authenticate(login);
      throttle.succeeded(account);
      return authenticated;
    } catch (AuthenticationException e) {
      throttle.failed(account, address);
      throw e;
    }
  }
}
