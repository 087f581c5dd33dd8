package org.cabackoffice.issuance;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The start-up check of record-before-sign: a signing still STARTED well after it began was cut
 * off by a crash (signing takes well under a second), so it is marked interrupted and named in
 * the log for operations. The application's signing job, retried by the engine, then signs anew
 * under a new serial; the interrupted serial stays on record (BR 5.4.1).
 */
@Component
public class InterruptedSignings {

  private static final Logger log = LoggerFactory.getLogger(InterruptedSignings.class);

  /** Longer than any signing takes, so another node's signing in progress is left alone. */
  static final Duration GRACE = Duration.ofMinutes(2);

  private final CertificateSigningRepository signings;
  private final PrecertificateSigningRepository precertificates;
  private final Clock clock;

  public InterruptedSignings(
      CertificateSigningRepository signings, PrecertificateSigningRepository precertificates, Clock clock) {
    this.signings = signings;
    this.precertificates = precertificates;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public int reconcile() {
    List<CertificateSigning> cutOff =
        signings.findByStateAndStartedAtBefore(
            CertificateSigning.State.STARTED, clock.instant().minus(GRACE));
    for (CertificateSigning signing : cutOff) {
      signing.interrupted(CertificateIssuer.INTERRUPTED, clock.instant());
      signings.saveAndFlush(signing);
      log.warn(
          "Signing of serial {} for application {} (started {}) was interrupted; marked so, the"
              + " application's signing step signs anew",
          signing.serial(), signing.applicationId(), signing.startedAt());
    }
    return cutOff.size() + reconcilePrecertificates();
  }

  /** A precertificate signing cut off the same way: the job retries under a new serial. */
  private int reconcilePrecertificates() {
    List<PrecertificateSigning> cutOff =
        precertificates.findByStateAndStartedAtBefore(
            PrecertificateSigning.State.STARTED, clock.instant().minus(GRACE));
    for (PrecertificateSigning signing : cutOff) {
      signing.interrupted(CertificateIssuer.INTERRUPTED, clock.instant());
      precertificates.saveAndFlush(signing);
      log.warn(
          "Precertificate signing of serial {} for application {} (started {}) was interrupted",
          signing.serial(), signing.applicationId(), signing.startedAt());
    }
    return cutOff.size();
  }
}
