package org.cabackoffice.workflow;

/**
 * Told whenever an application's process ends, however it ended: through the model's own end
 * events (the application is issued or rejected by then), or by a deletion an administrator made.
 * An application must never stay "in progress" with no process behind it (BR 5.4.1: the outcome
 * of every application is recorded).
 */
public interface ApplicationProcessEnds {

  /**
   * @param applicationId the process's business key
   * @param cancelled true when the process was deleted rather than reaching an end event
   * @param endedBy who was logged in when it ended, or null for the engine's own work
   * @param reason the deletion reason given, or the end event's id
   */
  void processEnded(long applicationId, boolean cancelled, String endedBy, String reason);
}
