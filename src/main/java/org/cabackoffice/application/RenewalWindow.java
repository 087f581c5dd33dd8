package org.cabackoffice.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Guide, introduction: renewal can be applied for from 30 days after the current certificate was
 * issued until 89 days after it expired.
 */
public final class RenewalWindow {

  static final Duration OPENS_AFTER_ISSUANCE = Duration.ofDays(30);
  static final Duration CLOSES_AFTER_EXPIRY = Duration.ofDays(89);

  private final Instant opens;
  private final Instant closes;

  public RenewalWindow(Instant notBefore, Instant notAfter) {
    this.opens = notBefore.plus(OPENS_AFTER_ISSUANCE);
    this.closes = notAfter.plus(CLOSES_AFTER_EXPIRY);
  }

  public Instant opens() {
    return opens;
  }

  public Instant closes() {
    return closes;
  }

  /** Empty when {@code now} lies in the window, else the finding that says why not. */
  public Optional<IntakeFinding> check(Instant now) {
    if (now.isBefore(opens)) {
      return Optional.of(
          new IntakeFinding(
              "renewedCertificateSerial",
              "renewal.too-early",
              "renewal opens 30 days after issuance, on " + opens));
    }
    if (now.isAfter(closes)) {
      return Optional.of(
          new IntakeFinding(
              "renewedCertificateSerial",
              "renewal.too-late",
              "renewal closed 89 days after expiry, on " + closes + "; apply for a new certificate"));
    }
    return Optional.empty();
  }
}
