package org.cabackoffice.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code backoffice.mail.*}: how the outbox delivers. The dispatch interval itself is read by
 * {@code @Scheduled} in {@link OutboxDispatchSchedule} ({@code backoffice.mail.dispatch-interval},
 * default 2s).
 *
 * @param from default sender when a mail names none
 * @param maxAttempts attempts before a mail is FAILED and waits for an operator
 * @param batchSize mails one dispatch run claims at most, so one run stays short
 * @param lease how long a node may hold a mail in SENDING before others take it back
 * @param firstRetryDelay wait after the first failure; doubled after each further failure
 * @param maxRetryDelay ceiling of the doubling
 */
@ConfigurationProperties("backoffice.mail")
public record MailDeliveryProperties(
    @DefaultValue("CA Back Office <isporders@backoffice.example>") String from,
    @DefaultValue("8") int maxAttempts,
    @DefaultValue("20") int batchSize,
    @DefaultValue("5m") Duration lease,
    @DefaultValue("30s") Duration firstRetryDelay,
    @DefaultValue("1h") Duration maxRetryDelay,
    @DefaultValue Dispatcher dispatcher,
    @DefaultValue Catcher catcher) {

  public MailDeliveryProperties {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("backoffice.mail.max-attempts must be at least 1");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("backoffice.mail.batch-size must be at least 1");
    }
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("backoffice.mail.lease must be positive");
    }
    if (firstRetryDelay.isNegative() || maxRetryDelay.compareTo(firstRetryDelay) < 0) {
      throw new IllegalArgumentException(
          "backoffice.mail.first-retry-delay must be >= 0 and <= max-retry-delay");
    }
  }

  /** @param enabled false stops the scheduled dispatch (tests call dispatchDue themselves) */
  public record Dispatcher(@DefaultValue("true") boolean enabled) {}

  /**
   * The development mail catcher (GreenMail).
   *
   * @param enabled start the in-process SMTP/IMAP server and send all mail to it
   * @param host address both servers bind to
   * @param smtpPort SMTP port, 0 for a random free port
   * @param imapPort IMAP port, 0 for a random free port
   */
  public record Catcher(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("3025") int smtpPort,
      @DefaultValue("3143") int imapPort) {}
}
