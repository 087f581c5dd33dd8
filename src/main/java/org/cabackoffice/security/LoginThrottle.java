package org.cabackoffice.security;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins per account and per source address. Once either has failed too often within the
 * window, its logins are refused for the cooling period without the password being checked: a
 * password hash costs tens of milliseconds of CPU, so unthrottled guessing slows every officer
 * down, and a refusal must cost less than a guess. The suspension always ends: an attacker who
 * guesses at an officer's account locks it for the cooling period, never for good.
 *
 * <p>The addresses are allowed more failures than an account, since the staff of one office
 * share an address. State lives in memory, bounded in size: a node restart or an eviction under
 * a flood of names forgets some failures, which only lets a guesser start counting again.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final Clock clock;
  private final int maxAccountFailures;
  private final int maxAddressFailures;
  private final Duration window;
  private final Duration coolingPeriod;
  private final Cache<String, Failures> failures;
  private final AtomicLong failedLogins = new AtomicLong();
  private final AtomicLong refusedLogins = new AtomicLong();

  public LoginThrottle(
      Clock clock,
      @Value("${backoffice.login.max-failures-per-account:10}") int maxAccountFailures,
      @Value("${backoffice.login.max-failures-per-address:30}") int maxAddressFailures,
      @Value("${backoffice.login.window:PT15M}") Duration window,
      @Value("${backoffice.login.cooling-period:PT15M}") Duration coolingPeriod,
      @Value("${backoffice.login.tracked-names:100000}") long trackedNames) {
    if (maxAccountFailures < 1 || maxAddressFailures < 1) {
      throw new IllegalArgumentException("backoffice.login.max-failures-* must be at least 1");
    }
    this.clock = clock;
    this.maxAccountFailures = maxAccountFailures;
    this.maxAddressFailures = maxAddressFailures;
    this.window = window;
    this.coolingPeriod = coolingPeriod;
    this.failures =
        CacheBuilder.newBuilder()
            .maximumSize(trackedNames)
            .expireAfterAccess(window.plus(coolingPeriod))
            .build();
  }

  /** Logins refused now, and for how much longer, for this account or this address. */
  public Optional<Duration> suspension(String account, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : new String[] {accountKey(account), addressKey(address)}) {
      Failures counted = key == null ? null : failures.getIfPresent(key);
      if (counted != null) {
        Duration left = counted.suspendedFor(now);
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    if (wait.isZero()) {
      return Optional.empty();
    }
    long refused = refusedLogins.incrementAndGet();
    log.debug("login of {} from {} refused unchecked ({} refusals)", printable(account), address, refused);
    return Optional.of(wait);
  }

  /** A wrong password (or an unknown account) from this address. */
  public void failed(String account, String address) {
    long total = failedLogins.incrementAndGet();
    Instant now = clock.instant();
    boolean accountSuspended = count(accountKey(account), maxAccountFailures, now);
    boolean addressSuspended = count(addressKey(address), maxAddressFailures, now);
    log.info("failed login for {} from {} ({} failed logins since start)", printable(account), address, total);
    if (accountSuspended) {
      log.warn(
          "logins for {} suspended for {} after {} failures within {}",
          printable(account), coolingPeriod, maxAccountFailures, window);
    }
    if (addressSuspended) {
      log.warn(
          "logins from {} suspended for {} after {} failures within {}",
          address, coolingPeriod, maxAddressFailures, window);
    }
  }

  /**
   * The right password: the account starts counting again. Its address does not, or one valid
   * account would let its holder guess at every other one.
   */
  public void succeeded(String account) {
    String key = accountKey(account);
    if (key != null) {
      failures.invalidate(key);
    }
  }

  /** Failed logins counted since this node started. */
  public long failedLogins() {
    return failedLogins.get();
  }

  /** Logins refused without a password check since this node started. */
  public long refusedLogins() {
    return refusedLogins.get();
  }

  /** Counts one failure; true when that failure starts a suspension. */
  private boolean count(String key, int max, Instant now) {
    if (key == null) {
      return false;
    }
    try {
      return failures.get(key, Failures::new).add(now, max, window, coolingPeriod);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  // Names are case-folded so that "Officer" and "officer" share one count.
  private static String accountKey(String account) {
    return account == null || account.isEmpty() ? null : "account:" + account.toLowerCase(Locale.ROOT);
  }

  private static String addressKey(String address) {
    return address == null || address.isEmpty() ? null : "address:" + address;
  }

  /** The caller chose the name: no line breaks or control characters in the log. */
  static String printable(String account) {
    if (account == null) {
      return "(none)";
    }
    String shown = account.length() > 100 ? account.substring(0, 100) + "…" : account;
    return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
  }

  /** The failures of one account or address within the current window. */
  private static final class Failures {
    private int count;
    private Instant windowStart;
    private Instant suspendedUntil;

    synchronized Duration suspendedFor(Instant now) {
      return suspendedUntil == null || !now.isBefore(suspendedUntil)
          ? Duration.ZERO
          : Duration.between(now, suspendedUntil);
    }

    synchronized boolean add(Instant now, int max, Duration window, Duration coolingPeriod) {
      if (suspendedUntil != null && !now.isBefore(suspendedUntil)) {
        suspendedUntil = null;
        count = 0;
      }
      if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
        windowStart = now;
        count = 0;
      }
      count++;
      if (count >= max && suspendedUntil == null) {
        suspendedUntil = now.plus(coolingPeriod);
        return true;
      }
      return false;
    }
  }
}
