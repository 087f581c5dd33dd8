package org.cabackoffice.workflow.camunda;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** The business key of every application process is the application id. */
public final class BusinessKeys {

  private BusinessKeys() {}

  public static long applicationId(DelegateExecution execution) {
    return Long.parseLong(execution.getProcessBusinessKey());
  }

  public static long applicationId(DelegateTask task) {
    return applicationId(task.getExecution());
  }

  /** Who completes a user task: the assignee, since Tasklist makes officers claim first. */
  public static String officer(DelegateTask task) {
    String assignee = task.getAssignee();
    if (assignee == null || assignee.isBlank()) {
      assignee = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
          ? null
          : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    }
    if (assignee == null || assignee.isBlank()) {
      throw new IllegalStateException("claim the task first: the record must name the officer");
    }
    return assignee;
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
