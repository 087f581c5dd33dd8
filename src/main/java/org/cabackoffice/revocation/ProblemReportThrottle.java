package org.cabackoffice.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Problem reports and key-compromise challenges are open to anyone (BR 4.9.3), so each client
 * address may send only so many an hour: enough for a researcher reporting a batch of keys, not
 * enough to bury the officers or fill the tables. Counted per node in memory; several nodes each
 * allow the limit, which stays the same order of magnitude.
 */
@Component
class ProblemReportThrottle {

  static final Duration WINDOW = Duration.ofHours(1);
  /** Addresses remembered at most; past this the oldest is forgotten (a flood of addresses). */
  static final int MAX_ADDRESSES = 10_000;

  private final Clock clock;
  private final int perHour;
  private final Map<String, Deque<Instant>> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
          return size() > MAX_ADDRESSES;
        }
      };

  ProblemReportThrottle(Clock clock, @Value("${backoffice.revocation.reports-per-hour:30}") int perHour) {
    this.clock = clock;
    this.perHour = perHour;
  }

  /** Counts one submission from the address, refusing it past the hourly limit. */
  synchronized void admit(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = recent.computeIfAbsent(address == null ? "" : address, a -> new ArrayDeque<>());
    while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
      times.removeFirst();
    }
    if (times.size() >= perHour) {
      throw new RevocationRefused(
          RevocationRefused.Ground.TOO_MANY,
          "problem-report.too-many",
          "more than " + perHour + " reports or challenges from this address within an hour; try again later"
              + " or write to the CA's problem report address");
    }
    times.addLast(now);
  }
}
