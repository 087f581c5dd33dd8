package org.cabackoffice.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed mail is tried again: exponential back-off (first delay, doubled per failure, up to
 * a ceiling), so a mail server that is down for an hour is not hammered and a short outage
 * costs little delay.
 */
record RetrySchedule(int maxAttempts, Duration firstDelay, Duration maxDelay) {

  static RetrySchedule of(MailDeliveryProperties properties) {
    return new RetrySchedule(
        properties.maxAttempts(), properties.firstRetryDelay(), properties.maxRetryDelay());
  }

  /** True when the mail has used up its attempts and must wait for an operator. */
  boolean exhausted(int failedAttempts) {
    return failedAttempts >= maxAttempts;
  }

  /** The next attempt after the {@code failedAttempts}-th failure (1 for the first). */
  Instant nextAttempt(int failedAttempts, Instant now) {
    Duration delay = firstDelay;
    for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
  }
}
