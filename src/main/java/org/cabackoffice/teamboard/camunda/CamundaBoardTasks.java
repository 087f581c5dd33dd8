package org.cabackoffice.teamboard.camunda;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.cabackoffice.teamboard.BoardTasks;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * The board's queries, run in the engine so paging and sorting cover every task: the officer's
 * groups' tasks (Tasklist's candidate groups), the step's stage and instructions from the model the
 * task's application runs on, and the application's facts from its process variables.
 */
@Component
class CamundaBoardTasks implements BoardTasks {

  private static final List<String> FACTS =
      List.of(Variables.APPLICATION_ID, Variables.COMMON_NAME, Variables.ORGANIZATION_NAME, Variables.PRODUCT, Variables.EXPRESS);

  private final TaskService taskService;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final HistoryService history;
  private final ManagementService management;
  private final IdentityService identity;
  /** Deployed models never change: one parse per version. */
  private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();

  CamundaBoardTasks(
      TaskService taskService, RuntimeService runtime, RepositoryService repository, HistoryService history,
      ManagementService management, IdentityService identity) {
    this.taskService = taskService;
    this.runtime = runtime;
    this.repository = repository;
    this.history = history;
    this.management = management;
    this.identity = identity;
  }

  @Override
  public Found tasks(Query q, String officer, Instant now) {
    List<String> groups = identity.createGroupQuery().groupMember(officer).list().stream().map(Group::getId).toList();
    TaskQuery query = taskService.createTaskQuery().processDefinitionKey(RenewalProcess.PROCESS_KEY).active();
    switch (q.view()) {
      case "mine" -> query.taskAssignee(officer);
      case "unassigned" -> {
        if (groups.isEmpty()) {
          return new Found(List.of(), 0);
        }
        query.taskCandidateGroupIn(groups).taskUnassigned();
      }
      default -> {
        // The team's: every task offered to the officer's groups, claimed ones included.
        if (groups.isEmpty()) {
          query.taskAssignee(officer);
        } else {
          query.taskCandidateGroupIn(groups).includeAssignedTasks();
        }
      }
    }
    if (q.stage() != null) {
      List<String> keys = userTasksOf(q.stage());
      if (keys.isEmpty()) {
        return new Found(List.of(), 0);
      }
      query.taskDefinitionKeyIn(keys.toArray(String[]::new));
    }
    if (q.product() != null) {
      query.processVariableValueEquals(Variables.PRODUCT, q.product());
    }
    if (q.overdue()) {
      query.dueBefore(Date.from(now));
    }
    if (q.expressFirst()) {
      query.orderByTaskPriority().desc();
    }
    if ("waiting".equals(q.sort())) {
      query.orderByTaskCreateTime().asc();
    } else {
      query.orderByDueDate().asc();
    }
    query.orderByTaskCreateTime().asc();
    long total = query.count();
    List<Entry> entries = new ArrayList<>();
    for (Task task : query.listPage(q.page() * q.size(), q.size())) {
      entries.add(entry(task));
    }
    return new Found(entries, total);
  }

  private Entry entry(Task task) {
    Map<String, Object> facts = runtime.getVariables(task.getProcessInstanceId(), FACTS);
    BpmnModelInstance model = model(task.getProcessDefinitionId());
    ModelElementInstance element = model.getModelElementById(task.getTaskDefinitionKey());
    String step = element instanceof UserTask u && u.getName() != null ? u.getName() : task.getName();
    String instructions = element instanceof BaseElement b
        ? b.getDocumentations().stream().map(Documentation::getTextContent).filter(Objects::nonNull).map(String::strip).findFirst().orElse(null)
        : null;
    SubProcess stage = stageOf(element);
    Object id = facts.get(Variables.APPLICATION_ID);
    return new Entry(
        task.getId(),
        id instanceof Number n ? n.longValue() : parse(String.valueOf(id)),
        text(facts.get(Variables.COMMON_NAME)),
        text(facts.get(Variables.ORGANIZATION_NAME)),
        text(facts.get(Variables.PRODUCT)),
        Boolean.TRUE.equals(facts.get(Variables.EXPRESS)),
        stage == null ? null : stage.getName(),
        step,
        instructions,
        task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant(),
        task.getAssignee());
  }

  private static Long parse(String s) {
    try {
      return Long.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String text(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  private static SubProcess stageOf(ModelElementInstance element) {
    SubProcess stage = null;
    for (ModelElementInstance at = element == null ? null : element.getParentElement(); at != null; at = at.getParentElement()) {
      if (at instanceof SubProcess sp && !sp.triggeredByEvent()) {
        stage = sp; // the outermost: the guide's stage on the top level
      }
    }
    return stage;
  }

  private BpmnModelInstance model(String definitionId) {
    return models.computeIfAbsent(definitionId, repository::getBpmnModelInstance);
  }

  private BpmnModelInstance latestModel() {
    ProcessDefinition latest =
        repository.createProcessDefinitionQuery().processDefinitionKey(RenewalProcess.PROCESS_KEY).latestVersion().singleResult();
    return latest == null ? null : model(latest.getId());
  }

  private List<String> userTasksOf(String stageId) {
    BpmnModelInstance model = latestModel();
    if (model == null) {
      return List.of();
    }
    return model.getModelElementsByType(UserTask.class).stream()
        .filter(t -> { SubProcess s = stageOf(t); return s != null && s.getId().equals(stageId); })
        .map(UserTask::getId)
        .toList();
  }

  @Override
  public List<Stage> stages() {
    BpmnModelInstance model = latestModel();
    if (model == null) {
      return List.of();
    }
    List<Stage> stages = new ArrayList<>();
    for (UserTask t : model.getModelElementsByType(UserTask.class)) {
      SubProcess s = stageOf(t);
      if (s != null && stages.stream().noneMatch(x -> x.id().equals(s.getId()))) {
        stages.add(new Stage(s.getId(), s.getName()));
      }
    }
    // In the model's order of stages, as RenewalProcess.Stages lists them.
    List<String> order = List.of(
        RenewalProcess.Stages.APPLICATION, RenewalProcess.Stages.DOMAIN, RenewalProcess.Stages.ORGANIZATION,
        RenewalProcess.Stages.DOCUMENTS, RenewalProcess.Stages.PAYMENT, RenewalProcess.Stages.PHONE,
        RenewalProcess.Stages.APPROVAL, RenewalProcess.Stages.ISSUANCE);
    stages.sort(Comparator.comparingInt(s -> order.indexOf(s.id()) < 0 ? order.size() : order.indexOf(s.id())));
    return stages;
  }

  @Override
  public List<Waiting> waitingForCustomers(int most) {
    List<Waiting> waiting = new ArrayList<>();
    List<HistoricActivityInstance> waits = history.createHistoricActivityInstanceQuery()
        .unfinished().activityType("receiveTask")
        .orderByHistoricActivityInstanceStartTime().asc()
        .listPage(0, most);
    for (HistoricActivityInstance wait : waits) {
      if (!RenewalProcess.PROCESS_KEY.equals(wait.getProcessDefinitionKey())) {
        continue;
      }
      BpmnModelInstance model = model(wait.getProcessDefinitionId());
      Instant reminder = null;
      Instant expires = null;
      for (Job job : management.createJobQuery().processInstanceId(wait.getProcessInstanceId()).timers().list()) {
        JobDefinition definition = job.getJobDefinitionId() == null ? null
            : management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
        if (definition == null || job.getDuedate() == null) {
          continue;
        }
        FlowElement timer = model.getModelElementById(definition.getActivityId());
        if (timer instanceof BoundaryEvent b && b.getAttachedTo() != null && b.getAttachedTo().getId().equals(wait.getActivityId())) {
          Instant due = job.getDuedate().toInstant();
          if (b.cancelActivity()) {
            expires = expires == null || due.isBefore(expires) ? due : expires;
          } else {
            reminder = reminder == null || due.isBefore(reminder) ? due : reminder;
          }
        }
      }
      Map<String, Object> facts = runtime.getVariables(wait.getProcessInstanceId(), FACTS);
      Object id = facts.get(Variables.APPLICATION_ID);
      waiting.add(new Waiting(
          id instanceof Number n ? n.longValue() : parse(String.valueOf(id)),
          text(facts.get(Variables.COMMON_NAME)),
          text(facts.get(Variables.ORGANIZATION_NAME)),
          wait.getActivityName(),
          wait.getStartTime() == null ? null : wait.getStartTime().toInstant(),
          reminder,
          expires));
    }
    return waiting;
  }
}
