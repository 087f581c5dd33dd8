package org.cabackoffice.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Back-off, defaults and what the logs may say about a mail. */
class DeliveryRulesTest {

  private static final Instant NOW = Instant.parse("2026-01-05T00:00:00Z");

  @Test
  void delayDoublesFromTheFirstUpToTheCeiling() {
    RetrySchedule retries = new RetrySchedule(8, Duration.ofSeconds(30), Duration.ofMinutes(10));

    assertThat(retries.nextAttempt(1, NOW)).isEqualTo(NOW.plusSeconds(30));
    assertThat(retries.nextAttempt(2, NOW)).isEqualTo(NOW.plusSeconds(60));
    assertThat(retries.nextAttempt(5, NOW)).isEqualTo(NOW.plusSeconds(480));
    assertThat(retries.nextAttempt(6, NOW)).isEqualTo(NOW.plusSeconds(600));
    assertThat(retries.nextAttempt(1000, NOW)).isEqualTo(NOW.plusSeconds(600));
  }

  @Test
  void exhaustedAfterMaxAttempts() {
    RetrySchedule retries = new RetrySchedule(8, Duration.ofSeconds(30), Duration.ofHours(1));

    assertThat(retries.exhausted(7)).isFalse();
    assertThat(retries.exhausted(8)).isTrue();
  }

  @Test
  void defaultsWhenNothingIsConfigured() {
    MailDeliveryProperties properties =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("backoffice.mail", MailDeliveryProperties.class);

    assertThat(properties.maxAttempts()).isEqualTo(8);
    assertThat(properties.lease()).isEqualTo(Duration.ofMinutes(5));
    assertThat(properties.dispatcher().enabled()).isTrue();
    assertThat(properties.catcher().enabled()).isFalse();
    assertThat(properties.from()).isEqualTo("CA Back Office <isporders@backoffice.example>");
    RetrySchedule retries = RetrySchedule.of(properties);
    // Eight attempts spread over a little more than an hour of SMTP outage.
    assertThat(retries.nextAttempt(7, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(32)));
  }

  @Test
  void failureTextSaysEachCauseOnce() {
    Exception failure =
        new IllegalStateException(
            "send failed: connection refused", new java.net.ConnectException("connection refused"));

    assertThat(OutboxDispatcher.describe(failure))
        .isEqualTo("IllegalStateException: send failed: connection refused");
    assertThat(OutboxDispatcher.describe(new RuntimeException("x".repeat(5000)))).hasSize(1000);
  }

  @Test
  void loggedFailureTextKeepsOnlyDomains() {
    assertThat(
            OutboxDispatcher.withoutLocalParts(
                "550 5.1.1 <tech.contact@example.co.jp>: Recipient address rejected"))
        .isEqualTo("550 5.1.1 <…@example.co.jp>: Recipient address rejected");
  }

  @Test
  void onlyTheRecipientDomainIsLogged() {
    assertThat(RecipientDomain.of("Tech <tech@example.co.jp>, admin@example.jp"))
        .isEqualTo("example.co.jp,example.jp");
    assertThat(RecipientDomain.of("nobody")).isEqualTo("?");
  }
}
