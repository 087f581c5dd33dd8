package org.cabackoffice.security.camunda;

import org.cabackoffice.security.RefusedAttempts;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files an engine command the rules refused under the application it concerned: the task's or
 * process instance's business key, looked up without the caller's authorizations (an officer
 * refused a task may not be allowed to read it either).
 */
final class RefusedAttemptLog {

  private static final Logger log = LoggerFactory.getLogger(RefusedAttemptLog.class);

  private final RefusedAttempts attempts;
  private final IdentityService identity;
  private final HistoryService history;

  RefusedAttemptLog(RefusedAttempts attempts, IdentityService identity, HistoryService history) {
    this.attempts = attempts;
    this.identity = identity;
    this.history = history;
  }

  void record(Command<?> command, Authentication caller, String reason) {
    try {
      Long applicationId = applicationOf(command);
      attempts.record(applicationId, caller.getUserId(), StaffCommands.describe(command) + target(command), reason);
    } catch (RuntimeException e) {
      // The refusal stands whatever happens here; only its record is missing, which is said.
      log.warn("Could not record the refused {} of {}: {}", StaffCommands.describe(command), caller.getUserId(), e.toString());
    }
  }

  private static String target(Command<?> command) {
    String task = field(command, "taskId");
    return task == null ? "" : " (task " + task + ")";
  }

  private Long applicationOf(Command<?> command) {
    String taskId = field(command, "taskId");
    String instanceId = field(command, "processInstanceId");
    return WithoutCallersAuthorizations.lookUp(
        identity,
        () -> {
          String instance = instanceId;
          if (taskId != null) {
            HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            instance = task == null ? instance : task.getProcessInstanceId();
          }
          if (instance == null) {
            return null;
          }
          HistoricProcessInstance process =
              history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult();
          String key = process == null ? null : process.getBusinessKey();
          return key != null && key.matches("\\d{1,18}") ? Long.valueOf(key) : null;
        });
  }

  private static String field(Command<?> command, String name) {
    return CommandFields.text(command, name);
  }
}
