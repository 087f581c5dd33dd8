package org.cabackoffice.revocation;

import java.util.Date;
import org.cabackoffice.workflow.RevocationProcess.Variables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A deadline is near (BR 4.9.1.1, 4.9.5): the open task moves to the top of every officer's list
 * and the validation team's mailbox hears which request waits for what. The model says which
 * deadline and which step, as the escalation's input parameters.
 */
@Component
public class EscalateRevocationDelegate implements JavaDelegate {

  /** Above every application task's priority (TasklistEntries gives at most 100). */
  static final int ESCALATED_PRIORITY = 200;

  private final RevocationNotices notices;

  public EscalateRevocationDelegate(RevocationNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
    }
    Date deadline = (Date) execution.getVariableLocal(Variables.ESCALATION_DEADLINE);
    notices.alertTeam(
        RevokeCertificateDelegate.requestId(execution),
        String.valueOf(execution.getVariableLocal(Variables.ESCALATION_WAITING_FOR)),
        deadline.toInstant());
  }
}
