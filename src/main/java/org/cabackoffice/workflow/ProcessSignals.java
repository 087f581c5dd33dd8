package org.cabackoffice.workflow;

import java.util.Map;

/**
 * What the outside world tells a waiting application process: a customer's consent, an upload,
 * a payment. Feature packages depend on this interface, never on the engine, so their services
 * stay free of Camunda types (the engine adapter lives in {@code workflow.camunda}).
 */
public interface ProcessSignals {

  /** Starts the application's process with the application id as business key. */
  void startApplicationProcess(long applicationId, Map<String, Object> variables);

  /**
   * Delivers a message to the process of the application, which must be waiting for it.
   *
   * @throws NoProcessWaitingException when no process of that application waits for the message
   */
  void deliver(String messageName, long applicationId, Map<String, Object> variables);

  /** The current stage of the application's process (the names of its active activities). */
  java.util.List<String> currentActivities(long applicationId);

  class NoProcessWaitingException extends RuntimeException {
    public NoProcessWaitingException(String message) {
      super(message);
    }
  }
}
