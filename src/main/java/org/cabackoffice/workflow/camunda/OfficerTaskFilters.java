package org.cabackoffice.workflow.camunda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.workflow.RenewalProcess;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist's saved filters for officers (issue 11), created at start where missing: my tasks, the
 * validation team's, express first, overdue, and one per stage. Each list shows the application
 * id, common name and organization beside Tasklist's due date (the service level's deadline in
 * business days, TasklistEntries). A filter an administrator changed in Tasklist keeps the change:
 * only a missing name is created.
 */
@Component
public class OfficerTaskFilters {

  private static final Logger log = LoggerFactory.getLogger(OfficerTaskFilters.class);

  private final FilterService filters;
  private final TaskService tasks;
  private final RepositoryService repository;

  public OfficerTaskFilters(FilterService filters, TaskService tasks, RepositoryService repository) {
    this.filters = filters;
    this.tasks = tasks;
    this.repository = repository;
  }

  /** What each list shows besides the task's name and due date. */
  static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", RenewalProcess.Variables.APPLICATION_ID, "label", "申請番号 / Application"),
      Map.of("name", RenewalProcess.Variables.COMMON_NAME, "label", "コモンネーム / Common name"),
      Map.of("name", RenewalProcess.Variables.ORGANIZATION_NAME, "label", "申請団体 / Organization"));

  @EventListener(ApplicationReadyEvent.class)
  public void createMissing() {
    int priority = 10;
    for (Map.Entry<String, TaskQuery> f : declared().entrySet()) {
      if (filters.createFilterQuery().filterName(f.getKey()).count() == 0) {
        Filter filter = filters.newTaskFilter(f.getKey()).setQuery(f.getValue());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", COLUMNS);
        filter.setProperties(properties);
        filters.saveFilter(filter);
        log.info("Tasklist filter '{}' created", f.getKey());
      }
      priority++;
    }
  }

  Map<String, TaskQuery> declared() {
    Map<String, TaskQuery> declared = new LinkedHashMap<>();
    declared.put("自分のタスク / My tasks",
        application().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    declared.put("審査チーム / Validation team",
        application().taskCandidateGroup("validationOfficers").includeAssignedTasks().orderByDueDate().asc());
    declared.put("エクスプレス優先 / Express first",
        mine().orderByTaskPriority().desc().orderByDueDate().asc());
    declared.put("期限切れ / Overdue",
        mine().dueBeforeExpression("${now()}").orderByDueDate().asc());
    for (Map.Entry<String, List<String>> stage : stages().entrySet()) {
      declared.put("段階 / Stage: " + stage.getKey(),
          mine().taskDefinitionKeyIn(stage.getValue().toArray(String[]::new)).orderByDueDate().asc());
    }
    return declared;
  }

  private TaskQuery application() {
    return tasks.createTaskQuery().processDefinitionKey(RenewalProcess.PROCESS_KEY);
  }

  /** The application tasks offered to the officer's groups, claimed ones included. */
  private TaskQuery mine() {
    return application().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
  }

  /** Stage name → its user tasks, in the latest model's order. */
  private Map<String, List<String>> stages() {
    Map<String, List<String>> stages = new LinkedHashMap<>();
    ProcessDefinition latest =
        repository.createProcessDefinitionQuery().processDefinitionKey(RenewalProcess.PROCESS_KEY).latestVersion().singleResult();
    if (latest == null) {
      return stages;
    }
    BpmnModelInstance model = repository.getBpmnModelInstance(latest.getId());
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      SubProcess stage = null;
      for (ModelElementInstance at = task.getParentElement(); at != null; at = at.getParentElement()) {
        if (at instanceof SubProcess sp && !sp.triggeredByEvent()) {
          stage = sp;
        }
      }
      if (stage != null) {
        stages.computeIfAbsent(stage.getName(), k -> new ArrayList<>()).add(task.getId());
      }
    }
    return stages;
  }
}
