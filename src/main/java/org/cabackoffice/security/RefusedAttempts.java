package org.cabackoffice.security;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Keeps refused attempts in a transaction of their own: the refused work itself rolls back. */
@Service
public class RefusedAttempts {

  private final RefusedAttemptRepository attempts;
  private final Clock clock;

  public RefusedAttempts(RefusedAttemptRepository attempts, Clock clock) {
    this.attempts = attempts;
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void record(Long applicationId, String actor, String attempted, String reason) {
    attempts.save(new RefusedAttempt(applicationId, actor, attempted, reason, clock.instant()));
  }

  @Transactional(readOnly = true)
  public List<RefusedAttempt> of(long applicationId) {
    return attempts.findByApplicationIdOrderByIdAsc(applicationId);
  }
}
