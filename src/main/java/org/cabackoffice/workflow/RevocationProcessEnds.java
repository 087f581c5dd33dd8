package org.cabackoffice.workflow;

/**
 * Told whenever a revocation request's process ends, however it ended (as {@link
 * ApplicationProcessEnds} is for applications): a request deleted by an administrator must not
 * stay open on the record with no process behind it.
 */
public interface RevocationProcessEnds {

  /**
   * @param requestId the request the business key names
   * @param cancelled true when the process was deleted rather than reaching an end event
   * @param endedBy who was logged in when it ended, or null for the engine's own work
   * @param reason the deletion reason given, or the end event's id
   */
  void processEnded(long requestId, boolean cancelled, String endedBy, String reason);
}
