package org.cabackoffice.renewal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.application.RenewalWindow;

/**
 * When a certificate's technical contact is invited to renew. The configured lead times (60, 30
 * and 14 days by default) are meant for a certificate of the longest lifetime the BR allowed
 * before SC-081 (398 days); a certificate that lives shorter (200 days from 2026-03-15, 100 from
 * 2027-03-15, 47 from 2029-03-15) gets lead times shrunk in proportion, so a 47-day certificate
 * is not "invited" 60 days before it expires, before it was even issued.
 */
final class InvitationSchedule {

  /** BR 6.3.2 before SC-081: the lifetime the configured lead times are written for. */
  static final Duration REFERENCE_LIFETIME = Duration.ofDays(398);

  private final List<Duration> leadTimes;

  /** @param leadTimes time before notAfter of each invitation, any order, each positive */
  InvitationSchedule(List<Duration> leadTimes) {
    if (leadTimes.isEmpty() || leadTimes.stream().anyMatch(d -> d.isZero() || d.isNegative())) {
      throw new IllegalArgumentException(
          "renewal invitations need at least one positive lead time before expiry, got " + leadTimes);
    }
    this.leadTimes = leadTimes.stream().sorted(Comparator.reverseOrder()).distinct().toList();
  }

  /** The longest lead time: certificates expiring further out than this need no invitation yet. */
  Duration longestLeadTime() {
    return leadTimes.get(0);
  }

  /**
   * The invitation due at {@code now}: the latest one whose time has come (one that was missed,
   * e.g. while the system was down, is not sent late once a later one is due), or empty when none
   * is due, the certificate has expired, or renewal has not opened yet.
   */
  Optional<Invitation> due(Instant notBefore, Instant notAfter, Instant now) {
    if (!now.isBefore(notAfter) || now.isBefore(new RenewalWindow(notBefore, notAfter).opens())) {
      return Optional.empty();
    }
    Duration lifetime = Duration.between(notBefore, notAfter);
    Optional<Invitation> due = Optional.empty();
    for (int i = 0; i < leadTimes.size(); i++) {
      Duration lead = scaled(leadTimes.get(i), lifetime);
      if (!now.isBefore(notAfter.minus(lead))) {
        due = Optional.of(new Invitation(i + 1, lead));
      }
    }
    return due;
  }

  private static Duration scaled(Duration leadTime, Duration lifetime) {
    if (lifetime.compareTo(REFERENCE_LIFETIME) >= 0) {
      return leadTime;
    }
    return Duration.ofSeconds(
        Math.max(1, leadTime.toSeconds() * lifetime.toSeconds() / REFERENCE_LIFETIME.toSeconds()));
  }

  /**
   * @param number 1 for the first (earliest) invitation, 2 for the second, …: with the serial it
   *     keys the mail, so each invitation goes once however often the job runs
   * @param leadTime how long before notAfter this invitation is due, after scaling
   */
  record Invitation(int number, Duration leadTime) {}
}
