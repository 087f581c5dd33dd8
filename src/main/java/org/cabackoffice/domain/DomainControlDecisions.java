package org.cabackoffice.domain;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps how the domain stage established control, with the BR version followed (SC-099). */
@Service
public class DomainControlDecisions {

  private final DomainControlDecisionRepository decisions;
  private final ValidationProperties validation;
  private final Clock clock;

  public DomainControlDecisions(
      DomainControlDecisionRepository decisions, ValidationProperties validation, Clock clock) {
    this.decisions = decisions;
    this.validation = validation;
    this.clock = clock;
  }

  @Transactional
  public void record(long applicationId, String domain, DomainControlDecision.Method method, String detail) {
    decisions.save(
        new DomainControlDecision(
            applicationId, domain, method, detail, validation.brVersion(), clock.instant()));
  }

  @Transactional(readOnly = true)
  public List<DomainControlDecision> of(long applicationId) {
    return decisions.findByApplicationIdOrderByIdAsc(applicationId);
  }
}
