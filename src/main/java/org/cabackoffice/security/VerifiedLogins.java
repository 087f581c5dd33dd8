package org.cabackoffice.security;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.base.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic logins whose password was checked a moment ago. API clients send their password with
 * every request, and a bcrypt of it costs about 70 ms of CPU (issue 12): checking it once and then
 * recognizing the same user and password for a short while takes the hash off every call but the
 * first, while the login itself keeps its bcrypt (customers) or Camunda's hash (staff).
 *
 * <p>What is kept is an HMAC-SHA256 of user and password under a key drawn at random when the node
 * starts and never stored, mapped to the login's outcome (the name and its roles). The password is
 * not kept, and the HMACs are worthless without that key: a heap dump does not yield a password,
 * nor anything to guess one against offline after a restart. Only successful logins are kept; a
 * wrong password always reaches the real check and the {@link LoginThrottle}, so guessing costs
 * what it did.
 *
 * <p>An entry lives at most {@code backoffice.login.verified-ttl} (default one minute) after its
 * password was checked, and the cache holds at most {@code backoffice.login.verified-max} entries.
 * An account's entries are dropped on any failed login for it, and all entries when the engine's
 * users, groups or memberships change on this node (a new password, a removed user, a lost
 * role); on another node of a cluster such a change takes effect within the TTL. A suspended
 * account is refused before this cache is asked.
 */
@Component
public class VerifiedLogins {

  private final byte[] bootKey = new byte[32];
  private final Cache<String, Verified> verified;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  @Autowired
  public VerifiedLogins(
      @Value("${backoffice.login.verified-ttl:PT1M}") Duration timeToLive,
      @Value("${backoffice.login.verified-max:10000}") long maximumSize) {
    this(timeToLive, maximumSize, Ticker.systemTicker());
  }

  VerifiedLogins(Duration timeToLive, long maximumSize, Ticker ticker) {
    new SecureRandom().nextBytes(bootKey);
    boolean off = timeToLive.isZero() || timeToLive.isNegative() || maximumSize < 1;
    // Off (a TTL of zero): every login is checked, as before issue 12.
    this.verified =
        off
            ? CacheBuilder.newBuilder().maximumSize(0).build()
            : CacheBuilder.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(timeToLive)
                .ticker(ticker)
                .build();
  }

  /** The outcome of an earlier successful login with exactly this user and password, if recent. */
  public Optional<Authentication> recall(String account, Object password) {
    if (account == null || !(password instanceof String text)) {
      return Optional.empty();
    }
    Verified hit = verified.getIfPresent(fingerprint(account, text));
    if (hit == null) {
      misses.incrementAndGet();
      return Optional.empty();
    }
    hits.incrementAndGet();
    return Optional.of(hit.outcome());
  }

  /** A login whose password the real check accepted just now. */
  public void remember(String account, Object password, Authentication outcome) {
    if (account != null && password instanceof String text && outcome.isAuthenticated()) {
      verified.put(fingerprint(account, text), new Verified(folded(account), outcome));
    }
  }

  /** Forgets every remembered login of this account (whatever the case of its name). */
  public void forget(String account) {
    if (account != null) {
      String folded = folded(account);
      verified.asMap().values().removeIf(entry -> entry.account().equals(folded));
    }
  }

  /** Forgets every remembered login: who may log in, or with which roles, has changed. */
  public void forgetAll() {
    verified.invalidateAll();
  }

  /** Logins answered from this cache, and logins that went on to the password check. */
  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }

  public long size() {
    return verified.size();
  }

  private String fingerprint(String account, String password) {
    byte[] name = account.getBytes(StandardCharsets.UTF_8);
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    // The name's length first, so that no other split of the same bytes gives the same input.
    ByteBuffer input = ByteBuffer.allocate(4 + name.length + secret.length);
    input.putInt(name.length).put(name).put(secret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bootKey, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(input.array()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    } finally {
      Arrays.fill(input.array(), (byte) 0);
      Arrays.fill(secret, (byte) 0);
    }
  }

  private static String folded(String account) {
    return account.toLowerCase(Locale.ROOT);
  }

  private record Verified(String account, Authentication outcome) {}
}
