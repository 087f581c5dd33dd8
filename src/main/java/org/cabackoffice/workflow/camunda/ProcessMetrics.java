package org.cabackoffice.workflow.camunda;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.workflow.RenewalProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine's side of the metrics (issue 12), read from the engine's tables so that every node
 * reports the cluster's figures:
 *
 * <ul>
 *   <li>{@code backoffice_applications_at_stage{activity, name}}: open applications waiting in or
 *       working through each activity of the application process, all versions together
 *       (refreshed every 30 s: one statistics query per deployed version);
 *   <li>{@code backoffice_incidents{type}}: open incidents, what operations must look at;
 *   <li>{@code backoffice_jobs_due}: the job executor's queue, jobs due and not yet run;
 *       {@code backoffice_jobs_failed}: jobs out of retries.
 * </ul>
 */
@Component
public class ProcessMetrics implements MeterBinder {

  private final RepositoryService repository;
  private final ManagementService management;
  private final RuntimeService runtime;
  private volatile MultiGauge stages;

  public ProcessMetrics(RepositoryService repository, ManagementService management, RuntimeService runtime) {
    this.repository = repository;
    this.management = management;
    this.runtime = runtime;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    stages =
        MultiGauge.builder("backoffice.applications.at.stage")
            .description("Open applications in each activity of the application process")
            .register(registry);
    for (String type : List.of("failedJob", "failedExternalTask")) {
      Gauge.builder("backoffice.incidents", runtime, r -> r.createIncidentQuery().incidentType(type).count())
          .description("Open incidents of the engine by type")
          .tag("type", type)
          .register(registry);
    }
    Gauge.builder("backoffice.jobs.due", management, m -> m.createJobQuery().executable().count())
        .description("Jobs due for the job executor and not yet run (its queue)")
        .register(registry);
    Gauge.builder("backoffice.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs out of retries, each an incident")
        .register(registry);
  }

  @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${backoffice.metrics.stage-refresh:PT30S}")
  void refreshStages() {
    MultiGauge gauge = stages;
    if (gauge == null) {
      return;
    }
    Map<String, Long> counts = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (ProcessDefinition definition :
        repository.createProcessDefinitionQuery().processDefinitionKey(RenewalProcess.PROCESS_KEY).list()) {
      for (ActivityStatistics activity : management.createActivityStatisticsQuery(definition.getId()).list()) {
        counts.merge(activity.getId(), (long) activity.getInstances(), Long::sum);
      }
      if (!counts.keySet().stream().allMatch(names::containsKey)) {
        for (FlowNode node :
            repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)) {
          names.putIfAbsent(node.getId(), node.getName() == null ? node.getId() : node.getName().strip().replaceAll("\\s+", " "));
        }
      }
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    counts.forEach(
        (activity, count) ->
            rows.add(MultiGauge.Row.of(Tags.of("activity", activity, "name", names.getOrDefault(activity, activity)), count)));
    gauge.register(rows, true);
  }
}
