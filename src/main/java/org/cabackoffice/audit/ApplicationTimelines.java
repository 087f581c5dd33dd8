package org.cabackoffice.audit;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.Applications;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An application's timeline for auditors and officers: what the engine remembers merged with
 * what each feature recorded (BR 5.4.1). Cockpit CE has no history view; this is it. The
 * features' tables are theirs: each contributes its own entries ({@link TimelineContributor}),
 * in the order {@code TimelineOrder} gives them.
 */
@Service
public class ApplicationTimelines {

  private final Applications applications;
  private final ProcessHistory processHistory;
  private final ObjectProvider<TimelineContributor> contributors;

  public ApplicationTimelines(
      Applications applications, ProcessHistory processHistory, ObjectProvider<TimelineContributor> contributors) {
    this.applications = applications;
    this.processHistory = processHistory;
    this.contributors = contributors;
  }

  /**
   * @throws ApplicationNotFoundException when there is no such application
   */
  @Transactional(readOnly = true)
  public ApplicationTimeline of(long applicationId) {
    applications.get(applicationId);
    List<TimelineEntry> stored = new ArrayList<>();
    for (TimelineContributor contributor : contributors.orderedStream().toList()) {
      stored.addAll(contributor.entriesOf(applicationId));
    }
    // Within one millisecond the engine's steps come first, then what the features stored: a
    // feature writes its row inside an activity, after the engine recorded that activity's start.
    return ApplicationTimeline.of(applicationId, processHistory.entriesOf(applicationId), stored);
  }
}
