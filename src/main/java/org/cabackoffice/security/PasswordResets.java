package org.cabackoffice.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A forgotten storefront password, reset through a link mailed to the user ID (the technical
 * contact's address, guide [1-3]) through the outbox. The link's token carries 256 bits from a
 * CSPRNG, works once and expires after an hour; a new password voids every other open link. The
 * answer to a request is the same whether the account exists or not, so user IDs cannot be
 * probed; a second request within five minutes mails nothing, so the form cannot flood a mailbox.
 */
@Service
public class PasswordResets {

  static final Duration VALID_FOR = Duration.ofHours(1);
  static final Duration RESEND_AFTER = Duration.ofMinutes(5);
  static final int MIN_LENGTH = 12;
  static final int MAX_LENGTH = 128;
  static final String TEMPLATE = "password-reset";

  private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Why a new password was not set; each a message the page shows. */
  public enum Refusal {
    LINK_UNUSABLE,
    TOO_SHORT,
    TOO_LONG,
    MISMATCH
  }

  private final CustomerAccountRepository accounts;
  private final PasswordResetRepository resets;
  private final PasswordEncoder passwordEncoder;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final Clock clock;
  private final String baseUrl;

  public PasswordResets(
      CustomerAccountRepository accounts,
      PasswordResetRepository resets,
      PasswordEncoder passwordEncoder,
      MailTemplates templates,
      Outbox outbox,
      Clock clock,
      @Value("${backoffice.base-url}") String baseUrl) {
    this.accounts = accounts;
    this.resets = resets;
    this.passwordEncoder = passwordEncoder;
    this.templates = templates;
    this.outbox = outbox;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Mails a reset link to the account with this user ID, if there is one. */
  @Transactional
  public void request(String userId) {
    if (userId == null || userId.isBlank() || userId.length() > 254) {
      return;
    }
    Optional<CustomerAccount> account = accounts.findByEmailIgnoreCase(userId.trim());
    if (account.isEmpty()) {
      log.info("password reset asked for an unknown user ID");
      return;
    }
    Instant now = clock.instant();
    boolean recent =
        resets.findByCustomerAccountIdAndUsedAtIsNull(account.get().getId()).stream()
            .anyMatch(r -> r.usableAt(now) && now.isBefore(r.requestedAt().plus(RESEND_AFTER)));
    if (recent) {
      return;
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    PasswordReset reset = resets.save(new PasswordReset(account.get().getId(), sha256(token), now, now.plus(VALID_FOR)));
    outbox.enqueue(
        templates.compose(
            "password-reset:" + reset.customerAccountId() + ":" + now.toEpochMilli(),
            TEMPLATE,
            account.get().getEmail(),
            Map.of(
                "resetUrl", baseUrl + "/password-reset/" + token,
                "expiresAt", BusinessCalendar.shown(now.plus(VALID_FOR))),
            java.util.List.of()));
  }

  /** Whether the link still works (for the page that asks for the new password). */
  @Transactional(readOnly = true)
  public boolean isUsable(String token) {
    return usable(token).isPresent();
  }

  /** Sets the new password and uses up the link; empty when done, else why not. */
  @Transactional
  public Optional<Refusal> reset(String token, String password, String repeated) {
    Optional<PasswordReset> reset = usable(token);
    if (reset.isEmpty()) {
      return Optional.of(Refusal.LINK_UNUSABLE);
    }
    if (password == null || password.length() < MIN_LENGTH) {
      return Optional.of(Refusal.TOO_SHORT);
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of(Refusal.TOO_LONG);
    }
    if (!password.equals(repeated)) {
      return Optional.of(Refusal.MISMATCH);
    }
    Instant now = clock.instant();
    CustomerAccount account = accounts.findById(reset.get().customerAccountId()).orElseThrow();
    account.changePassword(passwordEncoder.encode(password));
    accounts.save(account);
    for (PasswordReset open : resets.findByCustomerAccountIdAndUsedAtIsNull(account.getId())) {
      open.use(now);
    }
    log.info("storefront password of account {} reset by mailed link", account.getId());
    return Optional.empty();
  }

  private Optional<PasswordReset> usable(String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return resets.findByTokenSha256(sha256(token)).filter(r -> r.usableAt(now));
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
