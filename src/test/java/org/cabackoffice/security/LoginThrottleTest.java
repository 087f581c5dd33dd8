package org.cabackoffice.security;

import org.cabackoffice.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
  private final LoginThrottle throttle =
      new LoginThrottle(clock, 10, 30, Duration.ofMinutes(15), Duration.ofMinutes(15), 1000);

  @Test
  void anAccountIsSuspendedAfterTenFailuresWithinTheWindowAndOnlyForTheCoolingPeriod() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("officer", "192.0.2." + i);
    }
    assertThat(throttle.suspension("officer", "192.0.2.99")).isEmpty();
    throttle.failed("Officer", "192.0.2.10");
    assertThat(throttle.suspension("officer", "192.0.2.99")).contains(Duration.ofMinutes(15));
    assertThat(throttle.suspension("senior", "192.0.2.99")).isEmpty();

    clock.advance(Duration.ofMinutes(14));
    assertThat(throttle.suspension("officer", "192.0.2.99")).contains(Duration.ofMinutes(1));
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.suspension("officer", "192.0.2.99")).isEmpty();
    // Counting starts again after the suspension.
    throttle.failed("officer", "192.0.2.1");
    assertThat(throttle.suspension("officer", "192.0.2.99")).isEmpty();
    assertThat(throttle.failedLogins()).isEqualTo(11);
  }

  @Test
  void failuresOutsideTheWindowDoNotAddUp() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("officer", "192.0.2.1");
    }
    clock.advance(Duration.ofMinutes(16));
    throttle.failed("officer", "192.0.2.1");
    assertThat(throttle.suspension("officer", null)).isEmpty();
  }

  @Test
  void anAddressIsSuspendedAfterThirtyFailuresWhateverTheAccounts() {
    for (int i = 0; i < 30; i++) {
      throttle.failed("guess-" + i, "198.51.100.7");
    }
    assertThat(throttle.suspension("officer", "198.51.100.7")).isPresent();
    assertThat(throttle.suspension("officer", "198.51.100.8")).isEmpty();
  }

  @Test
  void theRightPasswordResetsTheAccountButNotTheAddress() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("officer", "203.0.113.5");
    }
    throttle.succeeded("officer");
    for (int i = 0; i < 9; i++) {
      throttle.failed("officer", "203.0.113.5");
    }
    assertThat(throttle.suspension("officer", "203.0.113.6")).isEmpty();
    for (int i = 0; i < 12; i++) {
      throttle.failed("someone-" + i, "203.0.113.5");
    }
    assertThat(throttle.suspension("officer", "203.0.113.5")).isPresent();
  }

  @Test
  void aSuspendedLoginIsRefusedWithoutCheckingThePassword() {
    AtomicInteger passwordChecks = new AtomicInteger();
    ThrottledLogin login =
        new ThrottledLogin(
            attempt -> {
              passwordChecks.incrementAndGet();
              throw new BadCredentialsException("bad credentials");
            },
            throttle,
            new VerifiedLogins(Duration.ofMinutes(1), 100));
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> login.authenticate(basic("officer", "guess")))
          .isInstanceOf(BadCredentialsException.class);
    }
    assertThatThrownBy(() -> login.authenticate(basic("officer", "officer")))
        .isInstanceOf(LoginsSuspendedException.class)
        .satisfies(e -> assertThat(((LoginsSuspendedException) e).retryAfter()).isEqualTo(Duration.ofMinutes(15)));
    assertThat(passwordChecks).hasValue(10);
    assertThat(throttle.refusedLogins()).isEqualTo(1);
  }

  @Test
  void retryAfterIsRoundedUpToWholeSeconds() {
    assertThat(LoginsSuspendedException.wholeSeconds(Duration.ofMillis(1500))).isEqualTo(2);
    assertThat(LoginsSuspendedException.wholeSeconds(Duration.ofSeconds(900))).isEqualTo(900);
    assertThat(LoginsSuspendedException.wholeSeconds(Duration.ofMillis(1))).isEqualTo(1);
  }

  @Test
  void accountNamesAreLoggedWithoutLineBreaks() {
    assertThat(LoginThrottle.printable("officer\r\nINFO forged")).isEqualTo("\"officer??INFO forged\"");
  }

  private static Authentication basic(String user, String password) {
    UsernamePasswordAuthenticationToken attempt =
        UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("192.0.2.200");
    attempt.setDetails(new WebAuthenticationDetails(request));
    return attempt;
  }
}
