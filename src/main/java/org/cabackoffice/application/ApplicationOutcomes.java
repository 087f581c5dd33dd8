package org.cabackoffice.application;

import org.cabackoffice.workflow.ApplicationProcessEnds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every application ends with a recorded outcome (BR 5.4.1). The model's end events come after
 * the certificate is issued or the refusal recorded; a process that ends any other way (an
 * administrator deleted it) leaves the application in progress, so it is closed here as
 * withdrawn by the CA, with who ended it and why, and the technical contact is told.
 */
@Component
public class ApplicationOutcomes implements ApplicationProcessEnds {

  private static final Logger log = LoggerFactory.getLogger(ApplicationOutcomes.class);

  private final Applications applications;

  public ApplicationOutcomes(Applications applications) {
    this.applications = applications;
  }

  @Override
  public void processEnded(long applicationId, boolean cancelled, String endedBy, String reason) {
    Application application = applications.get(applicationId);
    if (application.getStatus() != ApplicationStatus.IN_PROGRESS) {
      return;
    }
    String detail =
        (cancelled ? "process deleted" : "process ended at " + reason + " without an outcome")
            + " by "
            + (endedBy == null ? "the engine" : endedBy)
            + (cancelled && reason != null && !reason.isBlank() ? ": " + reason : "");
    log.warn("Application {} ended outside its model's outcomes: {}", applicationId, detail);
    applications.reject(applicationId, RejectionReason.WITHDRAWN_BY_CA, detail);
  }
}
