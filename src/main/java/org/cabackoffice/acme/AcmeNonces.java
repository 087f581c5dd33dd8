package org.cabackoffice.acme;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anti-replay nonces (RFC 8555 6.5): 128 random bits, each accepted once and within an hour of
 * being handed out, by whichever node the client reaches next.
 */
@Service
public class AcmeNonces {

  static final Duration LIFETIME = Duration.ofHours(1);

  private final AcmeNonceRepository nonces;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public AcmeNonces(AcmeNonceRepository nonces, Clock clock) {
    this.nonces = nonces;
    this.clock = clock;
  }

  @Transactional
  public String issue() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    nonces.save(new AcmeNonce(nonce, clock.instant().plus(LIFETIME)));
    return nonce;
  }

  /** Whether the nonce was handed out, unused and unexpired; it is used up either way. */
  @Transactional
  public boolean use(String nonce) {
    if (nonce == null || nonce.isEmpty() || nonce.length() > 64) {
      return false;
    }
    return nonces.use(nonce, clock.instant()) == 1;
  }

  @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
  @Transactional
  public void forgetExpired() {
    nonces.expire(clock.instant());
  }
}
