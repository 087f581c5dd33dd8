package org.cabackoffice;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every date rule reads this clock, so tests can move time (renewal window, lifetimes). It
 * ticks in microseconds, the precision H2 and PostgreSQL keep: an answer built from a fresh
 * object then shows the same instant as every later read of the stored row.
 */
@Configuration
public class ClockConfiguration {

  static final Duration STORED_PRECISION = Duration.ofNanos(1_000);

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), STORED_PRECISION);
  }
}
