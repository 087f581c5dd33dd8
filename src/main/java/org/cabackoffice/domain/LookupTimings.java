package org.cabackoffice.domain;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code backoffice_registry_lookups_seconds{protocol, outcome}} (issue 12): how long WHOIS, RDAP
 * and DNS questions take and how many end without an answer ({@code outcome="unavailable"} for a
 * registry that is down, throttles or times out; {@code "error"} for anything else). Recorded in
 * Micrometer's global registry, which Spring Boot's Prometheus registry joins; in unit tests it
 * records nowhere.
 */
final class LookupTimings {

  private LookupTimings() {}

  static <T> T timed(String protocol, Supplier<T> lookup) {
    long start = System.nanoTime();
    String outcome = "error";
    try {
      T answer = lookup.get();
      outcome = "answered";
      return answer;
    } catch (RegistryUnavailableException e) {
      outcome = "unavailable";
      throw e;
    } finally {
      Timer.builder("backoffice.registry.lookups")
          .description("WHOIS, RDAP and DNS lookups by protocol and outcome")
          .tag("protocol", protocol)
          .tag("outcome", outcome)
          .register(Metrics.globalRegistry)
          .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }
}
