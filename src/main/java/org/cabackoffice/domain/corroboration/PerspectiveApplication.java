package org.cabackoffice.domain.corroboration;

import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.cabackoffice.domain.DnsLookup;
import org.cabackoffice.domain.WebsiteFileFetch;
import org.cabackoffice.domain.DnsProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * The remote network perspective process (BR 3.2.2.9): the same jar as the back office, started
 * with the {@code perspective} profile, runs only this context: a web server with mutually
 * authenticated TLS, the DNS lookup with its DNSSEC validation, and {@link PerspectiveEndpoint}.
 * No database, no engine, no mail: it is deployed where it should look from, away from the CA.
 * Nothing here is component-scanned; the back office's own context skips it (profile). A plain
 * configuration, not a {@code @SpringBootConfiguration}: tests find the back office's by scanning.
 */
@Configuration(proxyBeanMethods = false)
@Profile(PerspectiveApplication.PROFILE)
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  SslAutoConfiguration.class,
  ServletWebServerFactoryAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class,
  JacksonAutoConfiguration.class,
  ErrorMvcAutoConfiguration.class
})
@EnableConfigurationProperties({DnsProperties.class, PerspectiveProperties.class})
@Import({DnsLookup.class, WebsiteFileFetch.class, PerspectiveEndpoint.class})
public class PerspectiveApplication {

  public static final String PROFILE = "perspective";

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Whether the process was started as a perspective: {@code --spring.profiles.active}, the system
   * property or {@code SPRING_PROFILES_ACTIVE} names the profile.
   */
  public static boolean requested(String[] args) {
    String fromArgs =
        Arrays.stream(args)
            .filter(a -> a.startsWith("--spring.profiles.active="))
            .map(a -> a.substring("--spring.profiles.active=".length()))
            .reduce((a, b) -> b)
            .orElse(null);
    String profiles =
        fromArgs != null
            ? fromArgs
            : System.getProperty("spring.profiles.active", System.getenv("SPRING_PROFILES_ACTIVE"));
    return profiles != null
        && Arrays.stream(profiles.split(","))
            .map(p -> p.strip().toLowerCase(Locale.ROOT))
            .anyMatch(PROFILE::equals);
  }

  public static void main(String[] args) {
    SpringApplication.run(PerspectiveApplication.class, args);
  }
}
