package org.cabackoffice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.base.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Issue 12: API calls after the first skip the password hash, and nothing else changes. */
class VerifiedLoginsTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker =
      new Ticker() {
        @Override
        public long read() {
          return nanos.get();
        }
      };
  private final VerifiedLogins verified = new VerifiedLogins(Duration.ofMinutes(1), 3, ticker);
  private final LoginThrottle throttle =
      new LoginThrottle(Clock.systemUTC(), 10, 30, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000);
  private final AtomicInteger passwordChecks = new AtomicInteger();
  private final ThrottledLogin login =
      new ThrottledLogin(
          attempt -> {
            passwordChecks.incrementAndGet();
            if (!"right".equals(attempt.getCredentials())) {
              throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(
                attempt.getName(), null, List.of(new SimpleGrantedAuthority("ROLE_OFFICER")));
          },
          throttle,
          verified);

  @Test
  void theSameUserAndPasswordAreCheckedOnceThenRecognized() {
    Authentication first = login.authenticate(basic("officer", "right", "192.0.2.1"));
    Authentication second = login.authenticate(basic("officer", "right", "192.0.2.2"));

    assertThat(passwordChecks).hasValue(1);
    assertThat(second.isAuthenticated()).isTrue();
    assertThat(second.getName()).isEqualTo("officer");
    assertThat(second.getAuthorities()).isEqualTo(first.getAuthorities());
    assertThat(second.getCredentials()).isNull();
    assertThat(((WebAuthenticationDetails) second.getDetails()).getRemoteAddress()).isEqualTo("192.0.2.2");
  }

  @Test
  void anotherPasswordOrAnotherUserIsCheckedInFull() {
    login.authenticate(basic("officer", "right", "192.0.2.1"));

    assertThatThrownBy(() -> login.authenticate(basic("officer", "wrong", "192.0.2.1")))
        .isInstanceOf(BadCredentialsException.class);
    login.authenticate(basic("senior", "right", "192.0.2.1"));
    // A name and password split differently are other credentials.
    assertThatThrownBy(() -> login.authenticate(basic("officerr", "ight", "192.0.2.1")))
        .isInstanceOf(BadCredentialsException.class);

    assertThat(passwordChecks).hasValue(4);
  }

  @Test
  void aWrongPasswordEndsTheAccountsRememberedLogins() {
    login.authenticate(basic("officer", "right", "192.0.2.1"));
    assertThatThrownBy(() -> login.authenticate(basic("Officer", "guess", "192.0.2.9")))
        .isInstanceOf(BadCredentialsException.class);

    login.authenticate(basic("officer", "right", "192.0.2.1"));

    assertThat(passwordChecks).hasValue(3);
  }

  @Test
  void aSuspendedAccountIsRefusedEvenWithRememberedCredentials() {
    login.authenticate(basic("officer", "right", "192.0.2.1"));
    for (int i = 0; i < 10; i++) {
      throttle.failed("officer", "203.0.113.7");
    }

    assertThatThrownBy(() -> login.authenticate(basic("officer", "right", "192.0.2.1")))
        .isInstanceOf(LoginsSuspendedException.class);
  }

  @Test
  void aRememberedLoginExpiresAfterItsTimeToLive() {
    login.authenticate(basic("officer", "right", "192.0.2.1"));
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    login.authenticate(basic("officer", "right", "192.0.2.1"));
    assertThat(passwordChecks).hasValue(1);

    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    login.authenticate(basic("officer", "right", "192.0.2.1"));
    assertThat(passwordChecks).hasValue(2);
  }

  @Test
  void theCacheHoldsAtMostItsMaximum() {
    for (int i = 0; i < 20; i++) {
      login.authenticate(basic("user" + i, "right", "192.0.2.1"));
    }
    assertThat(verified.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void forgettingAllMakesEveryoneLogInAgain() {
    login.authenticate(basic("officer", "right", "192.0.2.1"));
    verified.forgetAll();
    login.authenticate(basic("officer", "right", "192.0.2.1"));
    assertThat(passwordChecks).hasValue(2);
  }

  @Test
  void aTimeToLiveOfZeroChecksEveryLogin() {
    VerifiedLogins off = new VerifiedLogins(Duration.ZERO, 100);
    ThrottledLogin unremembered =
        new ThrottledLogin(
            attempt -> {
              passwordChecks.incrementAndGet();
              return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, List.of());
            },
            throttle,
            off);
    unremembered.authenticate(basic("officer", "right", "192.0.2.1"));
    unremembered.authenticate(basic("officer", "right", "192.0.2.1"));
    assertThat(passwordChecks).hasValue(2);
  }

  private static Authentication basic(String user, String password, String address) {
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr(address);
    attempt.setDetails(new WebAuthenticationDetails(request));
    return attempt;
  }
}
