package org.cabackoffice.workflow.camunda;

import java.util.Map;
import org.cabackoffice.workflow.ProcessSignals.NoProcessWaitingException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ExecutionQuery;

/**
 * Tells a process a message it waits for, and only then: a message that finds nobody waiting is an
 * expected answer (a payment before its stage, a file uploaded after the order was refused), but
 * the engine logs a failed correlation at ERROR, so the wait is asked for first.
 */
public final class WaitingMessage {

  private WaitingMessage() {}

  /**
   * @param processKey the waiting process's definition key, or null for any process with the key
   * @param subject names the waiting party in the refusal, e.g. "application 12", "ACME order 7"
   * @throws NoProcessWaitingException nobody waits for the message, or the wait ended between the
   *     look and the correlation
   */
  public static void deliver(
      RuntimeService runtime,
      String processKey,
      String businessKey,
      String messageName,
      Map<String, Object> variables,
      String subject) {
    ExecutionQuery waiting =
        runtime.createExecutionQuery().processInstanceBusinessKey(businessKey).messageEventSubscriptionName(messageName);
    if (processKey != null) {
      waiting.processDefinitionKey(processKey);
    }
    if (waiting.count() == 0) {
      throw new NoProcessWaitingException(subject + " is not waiting for '" + messageName + "'");
    }
    try {
      runtime
          .createMessageCorrelation(messageName)
          .processInstanceBusinessKey(businessKey)
          .setVariables(variables)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new NoProcessWaitingException(subject + " is not waiting for '" + messageName + "'");
    }
  }
}
