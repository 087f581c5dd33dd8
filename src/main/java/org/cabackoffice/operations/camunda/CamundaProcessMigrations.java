package org.cabackoffice.operations.camunda;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cabackoffice.operations.ModelChangeRefusedException;
import org.cabackoffice.operations.ProcessMigrations;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.springframework.stereotype.Component;

/**
 * Migration with Camunda's own API: {@code createMigrationPlan(source, target).mapEqualActivities()}
 * plus an explicit mapping for each activity the new version renamed (an id gone from the model
 * whose type and name reappear under exactly one new id, as the model change's differences show
 * it: one removed, one added). Each instance moves in its own engine command, hence its own
 * transaction: the engine's validation of one instance (an activity without a mapping, a scope
 * that changed) refuses that instance only. Many instances go to the engine's batch instead
 * ({@code executeAsync()}): one job per instance, run by whichever node's job executor takes it,
 * so a node that stops does not stop the migration.
 *
 * <p>With "update timers" the plan updates event triggers ({@code updateEventTriggers()}): a timer
 * event is created anew from the new version's definition as its instance moves; without it the
 * engine keeps the due date the old definition gave.
 */
@Component
public class CamundaProcessMigrations implements ProcessMigrations {

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;

  public CamundaProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
  }

  @Override
  public Plan plan(
      String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds, String businessKey, int most, boolean updateTimers) {
    ProcessDefinition source = definition(sourceDefinitionId, "source");
    ProcessDefinition target = definition(targetDefinitionId, "target");
    if (!source.getKey().equals(target.getKey())) {
      throw new ModelChangeRefusedException(
          "target", "instances of " + source.getKey() + " move only to another version of " + source.getKey() + ", not to " + target.getKey());
    }
    if (source.getId().equals(target.getId())) {
      throw new ModelChangeRefusedException("target", "the instances are on version " + source.getVersion() + " already");
    }
    BpmnModelInstance before = repository.getBpmnModelInstance(source.getId());
    BpmnModelInstance after = repository.getBpmnModelInstance(target.getId());
    MigrationPlanBuilder builder = builder(source, target, before, after, updateTimers);
    List<String> failures = new ArrayList<>();
    MigrationPlan plan = null;
    try {
      plan = builder.build();
    } catch (MigrationPlanValidationException e) {
      failures.addAll(describe(e));
    }
    List<Mapping> mappings = new ArrayList<>();
    Set<String> mapped = new HashSet<>();
    List<MigrationInstruction> instructions = plan != null ? plan.getInstructions() : List.of();
    for (MigrationInstruction i : instructions) {
      mapped.add(i.getSourceActivityId());
      mappings.add(new Mapping(
          i.getSourceActivityId(), name(before, i.getSourceActivityId()), i.getTargetActivityId(), name(after, i.getTargetActivityId()),
          !i.getSourceActivityId().equals(i.getTargetActivityId())));
    }
    org.camunda.bpm.engine.runtime.ProcessInstanceQuery onSource = runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
    if (businessKey != null && !businessKey.isBlank()) {
      onSource.processInstanceBusinessKey(businessKey.strip());
    }
    // Renamed ones first, for the approver's eye; then by id.
    mappings.sort(java.util.Comparator.comparing((Mapping m) -> !m.renamed()).thenComparing(Mapping::sourceActivity));
    List<ProcessInstance> running = instanceIds == null
        ? onSource.orderByProcessInstanceId().asc().listPage(0, most + 1)
        : instanceIds.isEmpty()
            ? List.of()
            // Only instances of the source version: another process's or version's ids name nothing here.
            : runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                .processInstanceIds(new HashSet<>(instanceIds)).orderByProcessInstanceId().asc().list();
    List<RunningInstance> instances = new ArrayList<>();
    Map<String, List<Timer>> timers = timersOf(running.stream().map(ProcessInstance::getId).toList());
    for (ProcessInstance p : running) {
      List<String> activities = activities(p.getId());
      instances.add(new RunningInstance(p.getId(), p.getBusinessKey(), activities, timers.getOrDefault(p.getId(), List.of()),
          plan == null ? List.of() : obstacles(p, activities, source, target, mapped, before)));
    }
    return new Plan(source.getKey(), source.getId(), source.getVersion(), target.getId(), target.getVersion(),
        mappings, failures, timerChanges(instructions, before, after), updateTimers, instances);
  }

  @Override
  public Map<String, String> migrate(
      String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds, boolean updateTimers) {
    ProcessDefinition source = definition(sourceDefinitionId, "source");
    ProcessDefinition target = definition(targetDefinitionId, "target");
    BpmnModelInstance before = repository.getBpmnModelInstance(source.getId());
    MigrationPlan plan = build(source, target, before, updateTimers);
    Set<String> mapped = new HashSet<>();
    plan.getInstructions().forEach(i -> mapped.add(i.getSourceActivityId()));
    Map<String, String> failures = new LinkedHashMap<>();
    for (String id : instanceIds) {
      ProcessInstance p = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
      if (p == null) {
        failures.put(id, "no longer running");
        continue;
      }
      // What the plan cannot carry is known without asking the engine to try (and log its refusal).
      List<String> obstacles = obstacles(p, activities(id), source, target, mapped, before);
      if (!obstacles.isEmpty()) {
        failures.put(id, String.join("; ", obstacles));
        continue;
      }
      try {
        // One command, one transaction: a refused instance rolls back alone.
        runtime.newMigration(plan).processInstanceIds(id).execute();
      } catch (MigratingProcessInstanceValidationException e) {
        failures.put(id, String.join("; ", describe(e.getValidationReport())));
      } catch (ProcessEngineException e) {
        failures.put(id, e.getMessage());
      }
    }
    return failures;
  }

  @Override
  public String startBatch(String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds, boolean updateTimers) {
    ProcessDefinition source = definition(sourceDefinitionId, "source");
    ProcessDefinition target = definition(targetDefinitionId, "target");
    MigrationPlan plan = build(source, target, repository.getBpmnModelInstance(source.getId()), updateTimers);
    // Instances the plan cannot carry were left out by the caller; a job that fails anyway keeps
    // its instance on the old version, with the engine's message, until retried or given up.
    Batch batch = runtime.newMigration(plan).processInstanceIds(instanceIds).executeAsync();
    return batch.getId();
  }

  @Override
  public BatchProgress progress(String batchId) {
    BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
    if (statistics == null) {
      return new BatchProgress(batchId, 0, 0, 0, 0, List.of(), true);
    }
    List<FailedJob> failed = management.createJobQuery().jobDefinitionId(statistics.getBatchJobDefinitionId())
        .noRetriesLeft().orderByJobId().asc().listPage(0, 50).stream()
        .map(j -> new FailedJob(j.getId(), j.getExceptionMessage()))
        .toList();
    return new BatchProgress(batchId, statistics.getTotalJobs(), statistics.getCompletedJobs(), statistics.getFailedJobs(),
        statistics.getRemainingJobs(), failed, false);
  }

  @Override
  public int retryFailedJobs(String batchId) {
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    if (batch == null) {
      return 0;
    }
    List<String> failed = management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft()
        .list().stream().map(Job::getId).toList();
    if (!failed.isEmpty()) {
      management.setJobRetries(failed, 1);
    }
    return failed.size();
  }

  @Override
  public void deleteBatch(String batchId) {
    if (management.createBatchQuery().batchId(batchId).count() > 0) {
      management.deleteBatch(batchId, true);
    }
  }

  @Override
  public Map<String, String> definitionsOf(List<String> instanceIds) {
    Map<String, String> definitions = new HashMap<>();
    for (int from = 0; from < instanceIds.size(); from += 500) {
      Set<String> chunk = new HashSet<>(instanceIds.subList(from, Math.min(instanceIds.size(), from + 500)));
      runtime.createProcessInstanceQuery().processInstanceIds(chunk).list()
          .forEach(p -> definitions.put(p.getId(), p.getProcessDefinitionId()));
    }
    return definitions;
  }

  @Override
  public Map<String, List<Timer>> timersOf(List<String> instanceIds) {
    Map<String, String> activityOf = new HashMap<>();
    Map<String, List<Timer>> timers = new LinkedHashMap<>();
    for (String id : instanceIds) {
      for (Job job : management.createJobQuery().processInstanceId(id).timers().orderByJobDuedate().asc().list()) {
        String activity = activityOf.computeIfAbsent(job.getJobDefinitionId(), d -> {
          JobDefinition definition = d == null ? null : management.createJobDefinitionQuery().jobDefinitionId(d).singleResult();
          return definition == null ? "?" : definition.getActivityId();
        });
        timers.computeIfAbsent(id, k -> new ArrayList<>())
            .add(new Timer(activity, job.getDuedate() == null ? null : job.getDuedate().toInstant()));
      }
    }
    return timers;
  }

  private MigrationPlan build(ProcessDefinition source, ProcessDefinition target, BpmnModelInstance before, boolean updateTimers) {
    try {
      return builder(source, target, before, repository.getBpmnModelInstance(target.getId()), updateTimers).build();
    } catch (MigrationPlanValidationException e) {
      throw new ModelChangeRefusedException("plan", String.join("; ", describe(e)));
    }
  }

  /** Equal ids, the renamed activities, and with {@code updateTimers} the timer events' new definitions. */
  private MigrationPlanBuilder builder(
      ProcessDefinition source, ProcessDefinition target, BpmnModelInstance before, BpmnModelInstance after, boolean updateTimers) {
    MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
    if (updateTimers) {
      builder.mapEqualActivities().updateEventTriggers();
    } else {
      builder.mapEqualActivities();
    }
    renamed(before, after).forEach((from, to) -> {
      if (updateTimers && timerDefinition(after, to) != null) {
        builder.mapActivities(from, to).updateEventTrigger();
      } else {
        builder.mapActivities(from, to);
      }
    });
    return builder;
  }

  /** The mapped timer events with their definitions (duration, date or cycle) in either version. */
  static List<TimerChange> timerChanges(List<MigrationInstruction> instructions, BpmnModelInstance before, BpmnModelInstance after) {
    List<TimerChange> changes = new ArrayList<>();
    for (MigrationInstruction i : instructions) {
      String was = timerDefinition(before, i.getSourceActivityId());
      String is = timerDefinition(after, i.getTargetActivityId());
      if (was != null && is != null) {
        changes.add(new TimerChange(i.getSourceActivityId(), i.getTargetActivityId(), was, is));
      }
    }
    changes.sort(java.util.Comparator.comparing(TimerChange::sourceActivity));
    return changes;
  }

  /** A timer event's definition as its model writes it, or null for anything else. */
  static String timerDefinition(BpmnModelInstance model, String activityId) {
    if (!(model.getModelElementById(activityId) instanceof FlowNode node)) {
      return null;
    }
    for (TimerEventDefinition timer : node.getChildElementsByType(TimerEventDefinition.class)) {
      if (timer.getTimeDuration() != null) {
        return timer.getTimeDuration().getTextContent().strip();
      }
      if (timer.getTimeDate() != null) {
        return "date " + timer.getTimeDate().getTextContent().strip();
      }
      if (timer.getTimeCycle() != null) {
        return "cycle " + timer.getTimeCycle().getTextContent().strip();
      }
    }
    return null;
  }

  private List<String> activities(String processInstanceId) {
    List<String> activities = new ArrayList<>();
    ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
    if (tree != null) {
      collect(tree, activities);
    }
    return activities;
  }

  /** Why the plan cannot carry the instance: another version, or an activity without a mapping. */
  private static List<String> obstacles(
      ProcessInstance p, List<String> activities, ProcessDefinition source, ProcessDefinition target,
      Set<String> mapped, BpmnModelInstance before) {
    List<String> obstacles = new ArrayList<>();
    if (!p.getProcessDefinitionId().equals(source.getId())) {
      obstacles.add("runs on " + p.getProcessDefinitionId() + ", not on version " + source.getVersion());
      return obstacles;
    }
    for (String activity : activities) {
      if (!mapped.contains(activity)) {
        obstacles.add("waits in " + activity + label(before, activity) + ", which version " + target.getVersion()
            + " does not have (no activity of that id, nor one of the same type and name under a new id)");
      }
    }
    return obstacles;
  }

  private ProcessDefinition definition(String id, String which) {
    ProcessDefinition definition = id == null || id.isBlank()
        ? null
        : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (definition == null) {
      throw new ModelChangeRefusedException(which, "no deployed version " + id);
    }
    return definition;
  }

  /**
   * Activities the new version renamed: an id that is gone, whose element type and name appear
   * under exactly one id that is new (and no other gone activity has that type and name).
   */
  static Map<String, String> renamed(BpmnModelInstance before, BpmnModelInstance after) {
    Map<String, FlowNode> old = nodes(before);
    Map<String, FlowNode> now = nodes(after);
    Map<String, List<String>> gone = new HashMap<>();
    Map<String, List<String>> added = new HashMap<>();
    old.forEach((id, n) -> {
      if (!now.containsKey(id) && n.getName() != null && !n.getName().isBlank()) {
        gone.computeIfAbsent(signature(n), k -> new ArrayList<>()).add(id);
      }
    });
    now.forEach((id, n) -> {
      if (!old.containsKey(id) && n.getName() != null && !n.getName().isBlank()) {
        added.computeIfAbsent(signature(n), k -> new ArrayList<>()).add(id);
      }
    });
    Map<String, String> pairs = new java.util.TreeMap<>();
    gone.forEach((signature, ids) -> {
      List<String> candidates = added.getOrDefault(signature, List.of());
      if (ids.size() == 1 && candidates.size() == 1) {
        pairs.put(ids.get(0), candidates.get(0));
      }
    });
    return pairs;
  }

  private static Map<String, FlowNode> nodes(BpmnModelInstance model) {
    Map<String, FlowNode> nodes = new HashMap<>();
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      nodes.put(n.getId(), n);
    }
    return nodes;
  }

  private static String signature(FlowNode n) {
    return n.getElementType().getTypeName() + "|" + n.getName().strip();
  }

  private static String name(BpmnModelInstance model, String id) {
    if (model.getModelElementById(id) instanceof FlowNode n) {
      return n.getName();
    }
    return null;
  }

  private static String label(BpmnModelInstance model, String id) {
    String name = name(model, id);
    return name == null || name.isBlank() ? "" : " (" + name + ")";
  }

  private static void collect(ActivityInstance scope, List<String> activities) {
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      activities.add(child.getActivityId());
      collect(child, activities);
    }
    for (TransitionInstance t : scope.getChildTransitionInstances()) {
      activities.add(t.getActivityId());
    }
  }

  /** The engine's plan report in words: which mapping is refused, and why. */
  static List<String> describe(MigrationPlanValidationException e) {
    List<String> lines = new ArrayList<>();
    for (MigrationInstructionValidationReport r : e.getValidationReport().getInstructionReports()) {
      MigrationInstruction i = r.getMigrationInstruction();
      lines.add(i.getSourceActivityId() + " → " + i.getTargetActivityId() + ": " + String.join("; ", r.getFailures()));
    }
    e.getValidationReport().getVariableReports()
        .forEach((name, r) -> lines.add("variable " + name + ": " + String.join("; ", r.getFailures())));
    if (lines.isEmpty()) {
      lines.add(e.getMessage());
    }
    return lines;
  }

  /** The engine's report on one instance in words: which of its activities cannot move, and why. */
  static List<String> describe(MigratingProcessInstanceValidationReport report) {
    List<String> lines = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport r : report.getActivityInstanceReports()) {
      lines.add(r.getSourceScopeId() + ": " + String.join("; ", r.getFailures()));
    }
    for (MigratingTransitionInstanceValidationReport r : report.getTransitionInstanceReports()) {
      lines.add(r.getSourceScopeId() + ": " + String.join("; ", r.getFailures()));
    }
    return lines;
  }
}
