package org.cabackoffice.workflow.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The business key of every application process is the application id. */
public final class BusinessKeys {

  private BusinessKeys() {}

  public static long applicationId(DelegateExecution execution) {
    return Long.parseLong(execution.getProcessBusinessKey());
  }

  public static long applicationId(DelegateTask task) {
    return applicationId(task.getExecution());
  }

  /**
   * Who completes a user task. It must be the person logged in (Tasklist, the engine REST API)
   * and the task must be assigned to them: recording the assignee alone would let one officer
   * claim a task in a colleague's name and complete it, defeating the four-eyes rule. A
   * completion with no one logged in (a job, a model's own expression) is refused: the engine
   * checks no permission there, so the assignee alone would let anything that runs in the engine
   * decide in an officer's name.
   */
  public static String officer(DelegateTask task) {
    String assignee = task.getAssignee();
    Authentication caller =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (caller != null && caller.getUserId() != null) {
      if (assignee == null || assignee.isBlank()) {
        throw new IllegalStateException("claim the task first: the record must name the officer");
      }
      if (!assignee.equals(caller.getUserId())) {
        throw new IllegalStateException(
            "the task is assigned to "
                + assignee
                + "; only they may complete it (claim it yourself to take it over)");
      }
      return caller.getUserId();
    }
    throw new IllegalStateException(
        "a decision is recorded only for an officer logged in to Tasklist or the engine API");
  }

  public static String text(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value == null ? null : value.toString();
  }

  public static boolean flag(DelegateTask task, String variable) {
    Object value = task.getVariable(variable);
    return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
  }
}
