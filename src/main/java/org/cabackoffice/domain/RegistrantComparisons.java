package org.cabackoffice.domain;

import java.time.Clock;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the registrant's name is close to the applicant's but not equal after normalization
 * (a typo, a translation, an old trade name), a person decides, and the decision is kept.
 */
@Service
public class RegistrantComparisons {

  private final Applications applications;
  private final RegistrantComparisonRepository comparisons;
  private final Clock clock;

  public RegistrantComparisons(
      Applications applications, RegistrantComparisonRepository comparisons, Clock clock) {
    this.applications = applications;
    this.comparisons = comparisons;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public java.util.List<RegistrantComparison> byApplication(long applicationId) {
    return comparisons.findByApplicationIdOrderByIdAsc(applicationId);
  }

  /**
   * @throws IllegalArgumentException when the decision or the reason is missing: the officer
   *     learns it when completing the task, and nothing is recorded
   */
  @Transactional
  public RegistrantComparison record(
      long applicationId,
      String domain,
      String registrantName,
      String decision,
      String officer,
      String note) {
    if (!"SAME".equals(decision) && !"DIFFERENT".equals(decision)) {
      throw new IllegalArgumentException("choose SAME or DIFFERENT organization");
    }
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException(
          "say why the names do or do not name the same organization (kept as evidence)");
    }
    Application application = applications.get(applicationId);
    return comparisons.save(
        new RegistrantComparison(
            applicationId,
            domain,
            registrantName,
            application.getOrganizationNameEn() + " / " + application.getOrganizationNameJa(),
            "SAME".equals(decision),
            officer,
            note,
            clock.instant()));
  }
}
