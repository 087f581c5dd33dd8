package org.cabackoffice.workflow.camunda;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.cabackoffice.workflow.ProcessStages;
import org.cabackoffice.workflow.RenewalProcess;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.stereotype.Component;

/**
 * {@link ProcessStages} from the deployed models: a stage named by its id or its name becomes the
 * activity ids that carry it in any version, since running applications finish on the version
 * they started with (README, operations) and an officer names what Cockpit or the form shows.
 */
@Component
public class CamundaProcessStages implements ProcessStages {

  private final RepositoryService repository;
  private final RuntimeService runtime;

  private final HistoryService history;

  public CamundaProcessStages(
      RepositoryService repository, RuntimeService runtime, HistoryService history) {
    this.repository = repository;
    this.runtime = runtime;
    this.history = history;
  }

  @Override
  public Set<Long> applicationsWorkedBy(String staffUserId) {
    Set<String> processIds = new HashSet<>();
    for (HistoricTaskInstance task :
        history
            .createHistoricTaskInstanceQuery()
            .processDefinitionKey(RenewalProcess.PROCESS_KEY)
            .taskAssignee(staffUserId)
            .list()) {
      processIds.add(task.getProcessInstanceId());
    }
    Set<Long> applications = new HashSet<>();
    if (processIds.isEmpty()) {
      return applications;
    }
    for (HistoricProcessInstance process :
        history.createHistoricProcessInstanceQuery().processInstanceIds(processIds).list()) {
      String key = process.getBusinessKey();
      if (key != null && key.chars().allMatch(Character::isDigit) && !key.isEmpty()) {
        applications.add(Long.parseLong(key));
      }
    }
    return applications;
  }

  @Override
  public SortedSet<String> knownStages() {
    SortedSet<String> ids = new TreeSet<>();
    for (ProcessDefinition definition : definitions()) {
      for (FlowNode node : nodes(definition)) {
        ids.add(node.getId());
      }
    }
    return ids;
  }

  @Override
  public boolean isStage(String stage) {
    return !activityIds(stage).isEmpty();
  }

  @Override
  public Set<Long> applicationsAt(String stage) {
    Set<String> activityIds = activityIds(stage);
    Set<Long> applications = new HashSet<>();
    if (activityIds.isEmpty()) {
      return applications;
    }
    for (ProcessInstance instance :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(RenewalProcess.PROCESS_KEY)
            .activityIdIn(activityIds.toArray(String[]::new))
            .list()) {
      String key = instance.getBusinessKey();
      // Every application process is started with its application id as business key; an
      // instance started by hand in Cockpit without one belongs to no application.
      if (key != null && key.matches("\\d{1,18}")) {
        applications.add(Long.parseLong(key));
      }
    }
    return applications;
  }

  private Set<String> activityIds(String stage) {
    String wanted = normalized(stage);
    Set<String> activityIds = new HashSet<>();
    for (ProcessDefinition definition : definitions()) {
      for (FlowNode node : nodes(definition)) {
        if (normalized(node.getId()).equals(wanted)
            || (node.getName() != null && normalized(node.getName()).equals(wanted))) {
          activityIds.add(node.getId());
        }
      }
    }
    return activityIds;
  }

  /** A diagram's label may break its name over lines; the stage list shows it on one. */
  private static String normalized(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private java.util.List<ProcessDefinition> definitions() {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(RenewalProcess.PROCESS_KEY)
        .list();
  }

  private java.util.Collection<FlowNode> nodes(ProcessDefinition definition) {
    // The engine caches parsed models per definition; this is no re-parse per call.
    return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class);
  }

  @Override
  public java.util.List<String> activitiesOf(long applicationId) {
    org.camunda.bpm.engine.runtime.ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(RenewalProcess.PROCESS_KEY)
            .processInstanceBusinessKey(String.valueOf(applicationId))
            .singleResult();
    if (instance == null) {
      return java.util.List.of();
    }
    // Active activities and those waiting on an asynchronous continuation alike.
    return runtime.getActiveActivityIds(instance.getId());
  }
}
