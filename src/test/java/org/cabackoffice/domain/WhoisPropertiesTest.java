package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** DESIGN.md's 48-hour limit on cached registration data holds from the start. */
class WhoisPropertiesTest {

  @Configuration
  @EnableConfigurationProperties(WhoisProperties.class)
  static class Bound {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Bound.class);

  @Test
  void aCacheAgeAbove48HoursStopsTheStart() {
    context
        .withPropertyValues("backoffice.whois.cache-max-age=49h")
        .run(
            started -> {
              assertThat(started).hasFailed();
              assertThat(started.getStartupFailure())
                  .rootCause()
                  .hasMessageContaining("backoffice.whois.cache-max-age must be between 0 and 48 hours");
            });
  }

  @Test
  void theDefaultsAreIanaAnd48Hours() {
    context
        .withPropertyValues("backoffice.whois.cache-max-age=PT12H")
        .run(
            started -> {
              WhoisProperties properties = started.getBean(WhoisProperties.class);
              assertThat(properties.cacheMaxAge()).isEqualTo(Duration.ofHours(12));
              assertThat(properties.iana()).isEqualTo("whois.iana.org:43");
            });
    context.run(started -> assertThat(started.getBean(WhoisProperties.class).cacheMaxAge()).isEqualTo(Duration.ofHours(48)));
  }
}
