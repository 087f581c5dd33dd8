package org.cabackoffice.verification.camunda;

import java.util.LinkedHashSet;
import java.util.Set;
import org.cabackoffice.verification.OfficerTasks;
import org.cabackoffice.workflow.RenewalProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/** The engine's task history as {@link OfficerTasks}. */
@Component
public class CamundaOfficerTasks implements OfficerTasks {

  static final String APPROVAL_TASK = RenewalProcess.UserTasks.APPROVE_ISSUANCE;

  private final HistoryService history;

  public CamundaOfficerTasks(HistoryService history) {
    this.history = history;
  }

  @Override
  public Set<String> completersBeforeApproval(long applicationId) {
    Set<String> completers = new LinkedHashSet<>();
    for (HistoricTaskInstance task :
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(String.valueOf(applicationId))
            .finished()
            .list()) {
      if (!APPROVAL_TASK.equals(task.getTaskDefinitionKey()) && task.getAssignee() != null) {
        completers.add(task.getAssignee());
      }
    }
    return completers;
  }
}
