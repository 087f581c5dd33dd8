package org.cabackoffice.application;

import java.util.List;
import java.util.Set;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

@Component
public class RemindTeamOfOverdueApplicationDelegate implements JavaDelegate {

  private final OverdueApplications overdue;

  public RemindTeamOfOverdueApplicationDelegate(OverdueApplications overdue) {
    this.overdue = overdue;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The steps the application waits at, by the names the diagram shows; not this reminder.
    FlowElement reminder = execution.getBpmnModelElementInstance();
    Set<String> ownScope =
        Set.of(reminder.getId(), ((ModelElementInstance) reminder.getParentElement()).getAttributeValue("id"));
    List<String> waitingFor =
        execution.getProcessEngineServices().getRuntimeService()
            .getActiveActivityIds(execution.getProcessInstanceId()).stream()
            .filter(id -> !ownScope.contains(id))
            .map(id -> nameOf(execution, id))
            .distinct()
            .toList();
    overdue.remindTeam(BusinessKeys.applicationId(execution), waitingFor);
  }

  private static String nameOf(DelegateExecution execution, String activityId) {
    ModelElementInstance element = execution.getBpmnModelInstance().getModelElementById(activityId);
    return element instanceof FlowElement f && f.getName() != null ? f.getName() : activityId;
  }
}
