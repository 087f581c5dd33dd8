package org.cabackoffice.audit;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's timeline for auditors and officers: what the engine remembers merged with
 * what each stage recorded (BR 5.4.1). Cockpit CE has no history view; this is it.
 */
@Service
public class ApplicationTimelines {

  private final Applications applications;
  private final ProcessHistory processHistory;
  private final RecordedEvidence evidence;
  private final ApplicationMails mails;
  private final ObjectProvider<TimelineContributor> contributors;

  public ApplicationTimelines(
      Applications applications,
      ProcessHistory processHistory,
      RecordedEvidence evidence,
      ApplicationMails mails,
      ObjectProvider<TimelineContributor> contributors) {
    this.applications = applications;
    this.processHistory = processHistory;
    this.evidence = evidence;
    this.mails = mails;
    this.contributors = contributors;
  }

  /**
   * @throws ApplicationNotFoundException when there is no such application
   */
  @Transactional(readOnly = true)
  public ApplicationTimeline of(long applicationId) {
    Application application = applications.get(applicationId);
    List<TimelineEntry> stored =
        new ArrayList<>(evidence.of(application, processHistory.registrationEvidenceIdsOf(applicationId)));
    stored.addAll(mails.of(applicationId));
    for (TimelineContributor contributor : contributors.orderedStream().toList()) {
      stored.addAll(contributor.entriesOf(applicationId));
    }
    // Within one millisecond the engine's steps come first, then what the stages stored: a
    // stage writes its row inside an activity, after the engine recorded that activity's start.
    return ApplicationTimeline.of(applicationId, processHistory.entriesOf(applicationId), stored);
  }
}
