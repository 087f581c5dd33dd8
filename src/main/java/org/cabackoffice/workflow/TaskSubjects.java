package org.cabackoffice.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * What an officer's task is about, for Tasklist's list: the application's id, common name and
 * organization make entries of the same step tell apart; express applications come first; every
 * task is due when the application's service level says.
 */
public interface TaskSubjects {

  Optional<TaskSubject> of(long applicationId);

  /**
   * @param organization the applicant's name as in the certificate's O
   * @param serviceLevelDeadline when the certificate is due (guide: express the same business
   *     day, standard three business days)
   */
  record TaskSubject(
      long applicationId,
      String commonName,
      String organization,
      boolean express,
      Instant serviceLevelDeadline) {

    /** Camunda's default priority, which every standard application's task keeps. */
    public static final int STANDARD_PRIORITY = 50;

    /** Express applications are due the same business day: their tasks sort first. */
    public static final int EXPRESS_PRIORITY = 80;

    /** The step's name and what it is about: "Approve issuance — #42 www.sample.co.jp (Sample K.K.)". */
    public String entryName(String step) {
      String about = "#" + applicationId + " " + commonName + " (" + organization + ")";
      if (step == null || step.isBlank()) {
        return about;
      }
      // Already named (the listener ran before): the name stays as it is, not twice as long.
      return step.endsWith(about) ? step : step + " — " + about;
    }

    public int priority() {
      return express ? EXPRESS_PRIORITY : STANDARD_PRIORITY;
    }
  }
}
