package org.cabackoffice.application;

import java.util.Optional;
import org.cabackoffice.workflow.TaskSubjects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The application as the subject of an officer's task. */
@Component
public class ApplicationTaskSubjects implements TaskSubjects {

  private final ApplicationRepository applications;
  private final Applications deadlines;

  public ApplicationTaskSubjects(ApplicationRepository applications, Applications deadlines) {
    this.applications = applications;
    this.deadlines = deadlines;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<TaskSubject> of(long applicationId) {
    return applications
        .findById(applicationId)
        .map(
            application ->
                new TaskSubject(
                    application.getId(),
                    application.getCommonName(),
                    application.getOrganizationNameEn(),
                    application.isExpress(),
                    // The same deadline the process's service-level watch fires on.
                    deadlines.serviceLevelDeadline(application.isExpress(), application.getSubmittedAt())));
  }
}
