package org.cabackoffice.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.operations.camunda.CamundaProcessMigrations;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Issue 11: instances waiting on version 1 are moved to version 2 with Camunda's migration plan,
 * by a real engine: the activity version 2 renamed is mapped by its name, an instance waiting in
 * an activity version 2 removed stays on version 1 with the engine's reason, and nobody moves
 * instances on their own proposal.
 */
class InstanceMigrationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  static final String KEY = "migration-walk";

  ProcessEngine engine;
  RepositoryService repository;
  RuntimeService runtime;
  final Map<Long, InstanceMigration> stored = new HashMap<>();
  InstanceMigrations migrations;
  ProcessDefinition v1;
  ProcessDefinition v2;

  /** Version 1: review, then a phone call. */
  static BpmnModelInstance version1() {
    return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1000)
        .startEvent("started").name("Started")
        .userTask("review-request").name("Review the request")
        .userTask("phone-customer").name("Phone the customer")
        .endEvent("done").name("Done")
        .done();
  }

  /** Version 2: the review's id renamed (same name), the phone call gone. */
  static BpmnModelInstance version2() {
    return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1000)
        .startEvent("started").name("Started")
        .userTask("review-order").name("Review the request")
        .endEvent("done").name("Done")
        .done();
  }

  @BeforeEach
  void twoVersions() {
    repository = engine.getRepositoryService();
    runtime = engine.getRuntimeService();
    v1 = deploy(version1());
    v2 = deploy(version2());
    ProcessModels models = mock(ProcessModels.class);
    for (ProcessDefinition d : List.of(v1, v2)) {
      when(models.version(d.getId())).thenReturn(Optional.of(
          new DeployedVersion(KEY, d.getId(), d.getVersion(), d.getDeploymentId(), "test", Instant.EPOCH, 0, List.of())));
    }
    InstanceMigrationRepository repository = mock(InstanceMigrationRepository.class);
    when(repository.save(any())).thenAnswer(i -> {
      InstanceMigration m = i.getArgument(0);
      if (m.getId() == null) {
        var id = InstanceMigration.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(m, (long) stored.size() + 1);
      }
      stored.put(m.getId(), m);
      return m;
    });
    when(repository.findById(anyLong())).thenAnswer(i -> Optional.ofNullable(stored.get((Long) i.getArgument(0))));
    when(repository.findByStatusIn(any())).thenAnswer(i -> stored.values().stream()
        .filter(m -> ((List<?>) i.getArgument(0)).contains(m.getStatus())).toList());
    this.models = models;
    this.store = repository;
    migrations = migrations(100, Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC));
  }

  ProcessModels models;
  InstanceMigrationRepository store;

  InstanceMigrations migrations(int batchThreshold, Clock clock) {
    return new InstanceMigrations(models, new CamundaProcessMigrations(repository, runtime, engine.getManagementService()), store,
        clock, TransactionOperations.withoutTransaction(), batchThreshold);
  }

  @AfterEach
  void undeploy() {
    for (ProcessDefinition d : List.of(v1, v2)) {
      repository.deleteDeployment(d.getDeploymentId(), true);
    }
  }

  private ProcessDefinition deploy(BpmnModelInstance model) {
    String deployment = repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy().getId();
    return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }

  @Test
  void aWaitingInstanceMovesToTheRenamedActivityAndOneInARemovedActivityStays() {
    String reviewing = runtime.startProcessInstanceById(v1.getId(), "101").getId();
    String phoning = runtime.startProcessInstanceById(v1.getId(), "102").getId();
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(phoning).singleResult().getId());

    ProcessMigrations.Plan plan = migrations.preview(v1.getId(), v2.getId());
    assertThat(plan.valid()).isTrue();
    assertThat(plan.mappings()).anySatisfy(m -> {
      assertThat(m.sourceActivity()).isEqualTo("review-request");
      assertThat(m.targetActivity()).isEqualTo("review-order");
      assertThat(m.renamed()).isTrue();
    });
    assertThat(plan.renamedCount()).isEqualTo(1);
    assertThat(plan.instances()).extracting(ProcessMigrations.RunningInstance::id).containsExactlyInAnyOrder(reviewing, phoning);
    assertThat(plan.instances().stream().filter(i -> i.id().equals(reviewing)).findFirst().orElseThrow().movable()).isTrue();
    ProcessMigrations.RunningInstance stuck = plan.instances().stream().filter(i -> i.id().equals(phoning)).findFirst().orElseThrow();
    assertThat(stuck.movable()).isFalse();
    assertThat(stuck.obstacles()).singleElement().asString().contains("phone-customer", "Phone the customer", "version 2");

    InstanceMigration proposed = migrations.propose(v1.getId(), v2.getId(), null, "review under its new id", "operator");
    assertThat(proposed.instances()).containsExactlyInAnyOrder(reviewing, phoning);
    assertThat(proposed.getMappings()).contains("review-request → review-order").contains("activities by equal id");

    InstanceMigration done = migrations.approve(proposed.getId(), "operator2", "checked");
    assertThat(done.getStatus()).isEqualTo(InstanceMigration.Status.MIGRATED);
    assertThat(done.getMigratedCount()).isEqualTo(1);
    assertThat(done.getFailedCount()).isEqualTo(1);
    assertThat(done.failureLines()).singleElement().asString().startsWith(phoning + ":").contains("phone-customer", "version 2 does not have");
    // The moved instance waits in version 2's review; the other is where it was.
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(reviewing).singleResult().getProcessDefinitionId()).isEqualTo(v2.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(reviewing).singleResult().getTaskDefinitionKey()).isEqualTo("review-order");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(phoning).singleResult().getProcessDefinitionId()).isEqualTo(v1.getId());
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(phoning).singleResult().getTaskDefinitionKey()).isEqualTo("phone-customer");
    assertThatThrownBy(() -> migrations.approve(proposed.getId(), "admin", null)).hasMessageContaining("decided already");
  }

  @Test
  void theProposerCannotApproveTheirOwnMigrationAndNothingMoves() {
    String reviewing = runtime.startProcessInstanceById(v1.getId(), "103").getId();
    InstanceMigration proposed = migrations.propose(v1.getId(), v2.getId(), List.of(reviewing), "move it", "operator");
    assertThatThrownBy(() -> migrations.approve(proposed.getId(), "Operator", null))
        .isInstanceOf(ModelChangeRefusedException.class).hasMessageContaining("four-eyes");
    assertThat(proposed.getStatus()).isEqualTo(InstanceMigration.Status.PROPOSED);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(reviewing).singleResult().getProcessDefinitionId()).isEqualTo(v1.getId());
  }

  @Test
  void aPlanTheEngineRefusesAtApprovalIsRecordedWithTheReasonAndNothingMoves() {
    String reviewing = runtime.startProcessInstanceById(v1.getId(), "105").getId();
    InstanceMigration proposed = migrations.propose(v1.getId(), v2.getId(), List.of(reviewing), "move it", "operator");
    // The target version is gone by the time a second operator approves.
    repository.deleteDeployment(v2.getDeploymentId(), true);
    try {
      InstanceMigration done = migrations.approve(proposed.getId(), "operator2", "checked");
      assertThat(done.getMigratedCount()).isZero();
      assertThat(done.getFailedCount()).isEqualTo(1);
      assertThat(done.failureLines()).singleElement().asString().startsWith(reviewing + ":").contains("the engine refused the migration");
      assertThat(done.getStatus()).isNotEqualTo(InstanceMigration.Status.APPROVED);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(reviewing).singleResult().getProcessDefinitionId()).isEqualTo(v1.getId());
    } finally {
      v2 = deploy(version2()); // for the clean-up after each test
    }
  }

  @Test
  void backwardsAndUnknownVersionsAreRefusedWithTheReason() {
    runtime.startProcessInstanceById(v2.getId(), "104");
    assertThatThrownBy(() -> migrations.propose(v2.getId(), v1.getId(), null, "back", "operator"))
        .hasMessageContaining("not newer").hasMessageContaining("rollback");
    assertThatThrownBy(() -> migrations.propose("nope:1", v2.getId(), null, "x", "operator"))
        .hasMessageContaining("no deployed version nope:1");
    assertThatThrownBy(() -> migrations.propose(v1.getId(), v2.getId(), null, " ", "operator"))
        .hasMessageContaining("say why");
    // Nothing runs on version 1 here: nothing to move.
    assertThatThrownBy(() -> migrations.propose(v1.getId(), v2.getId(), null, "x", "operator"))
        .hasMessageContaining("nothing to move");
  }

  /** Runs the batch's seed and migration jobs as the job executor would; a failing job until its retries run out. */
  private void runBatchJobs(String batchId) {
    ManagementService management = engine.getManagementService();
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    for (int round = 0; round < 10 && management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).count() > 0; round++) {
      management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list().forEach(j -> management.executeJob(j.getId()));
    }
    for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).withRetriesLeft().list()) {
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          management.executeJob(job.getId());
          break;
        } catch (ProcessEngineException failed) {
          // the engine records the failure and takes one retry off, as the job executor does
        }
      }
    }
  }

  /** The batch's monitor job: it removes the batch once every migration job has run. */
  private void runMonitor(String batchId) {
    ManagementService management = engine.getManagementService();
    String monitor = management.createBatchQuery().batchId(batchId).singleResult().getMonitorJobDefinitionId();
    management.createJobQuery().jobDefinitionId(monitor).list().forEach(j -> management.executeJob(j.getId()));
  }

  @Test
  void manyInstancesMoveAsTheEnginesBatchWithProgressAFailedJobRetriedAndTheOutcomeRecordedWhenItEnds() {
    List<String> started = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      started.add(runtime.startProcessInstanceById(v1.getId(), "b" + i).getId());
    }
    InstanceMigration proposed = migrations.propose(v1.getId(), v2.getId(), null, "all reviews under the new id", "operator");
    assertThat(proposed.instances()).hasSize(150);

    InstanceMigration running = migrations.approve(proposed.getId(), "operator2", "checked");
    assertThat(running.getStatus()).isEqualTo(InstanceMigration.Status.RUNNING);
    assertThat(running.getBatchId()).isNotBlank();
    ProcessMigrations.BatchProgress before = migrations.progress(running).orElseThrow();
    assertThat(before.ended()).isFalse();
    assertThat(before.total()).isEqualTo(150);
    assertThat(before.done()).isZero();

    // One instance moves on to the phone call (which version 2 lacks) before its job runs.
    String movedOn = started.get(7);
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(movedOn).singleResult().getId());
    runBatchJobs(running.getBatchId());
    runMonitor(running.getBatchId());

    ProcessMigrations.BatchProgress progress = migrations.progress(running).orElseThrow();
    assertThat(progress.ended()).isFalse();
    assertThat(progress.done()).isEqualTo(149);
    assertThat(progress.failed()).isEqualTo(1);
    assertThat(progress.failedJobs()).singleElement().satisfies(j -> assertThat(j.message()).contains("phone-customer"));
    // A batch with a failed job has not ended: the record stays RUNNING on every look.
    migrations.settle();
    assertThat(stored.get(running.getId()).getStatus()).isEqualTo(InstanceMigration.Status.RUNNING);

    // Retried, it fails again (the instance still waits in the phone call); the operator gives up.
    assertThat(migrations.retryFailedJobs(running.getId(), "operator2")).isEqualTo(1);
    assertThat(migrations.progress(running).orElseThrow().failed()).isZero();
    assertThatThrownBy(() -> migrations.abandon(running.getId(), "operator2", " ")).hasMessageContaining("say why");
    InstanceMigration ended = migrations.abandon(running.getId(), "operator2", "the phone call instance stays");
    assertThat(ended.getStatus()).isEqualTo(InstanceMigration.Status.FAILED);
    assertThat(ended.getMigratedCount()).isEqualTo(149);
    assertThat(ended.failureLines()).singleElement().asString()
        .startsWith(movedOn + ": stayed on version 1").contains("given up by operator2");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(149);
    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
    assertThatThrownBy(() -> migrations.retryFailedJobs(running.getId(), "operator2")).hasMessageContaining("only a running batch");
  }

  @Test
  void aBatchWhoseJobsAllRanIsRecordedAsMigratedOnTheNextLook() {
    for (int i = 0; i < 5; i++) {
      runtime.startProcessInstanceById(v1.getId(), "c" + i);
    }
    // Threshold 0: every approved migration is a batch.
    InstanceMigrations always = migrations(0, Clock.systemUTC());
    InstanceMigration running = always.approve(always.propose(v1.getId(), v2.getId(), null, "move", "operator").getId(), "operator2", null);
    assertThat(running.getStatus()).isEqualTo(InstanceMigration.Status.RUNNING);
    runBatchJobs(running.getBatchId());
    assertThat(always.settle(running).getStatus()).isEqualTo(InstanceMigration.Status.RUNNING);
    runMonitor(running.getBatchId());

    always.settle();
    InstanceMigration done = stored.get(running.getId());
    assertThat(done.getStatus()).isEqualTo(InstanceMigration.Status.MIGRATED);
    assertThat(done.getMigratedCount()).isEqualTo(5);
    assertThat(done.failureLines()).isEmpty();
  }

  @Test
  void aMigrationInterruptedWhileMovingIsResumedAsABatchOnceItsNodeIsClearlyGone() throws Exception {
    String first = runtime.startProcessInstanceById(v1.getId(), "d1").getId();
    String second = runtime.startProcessInstanceById(v1.getId(), "d2").getId();
    String third = runtime.startProcessInstanceById(v1.getId(), "d3").getId();
    InstanceMigration proposed = migrations.propose(v1.getId(), v2.getId(), null, "move", "operator");
    // The node approved it and moved the first instance, then stopped.
    proposed.approved("operator2", Instant.parse("2026-12-06T08:00:00Z"), null);
    runtime.newMigration(runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .mapActivities("review-request", "review-order").build()).processInstanceIds(first).execute();
    // While it stood still, the third went on to the phone call, which version 2 does not have.
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(third).singleResult().getId());

    // Within the time a migration takes, it is left alone: it may still be running.
    migrations(100, Clock.fixed(Instant.parse("2026-12-06T08:05:00Z"), ZoneOffset.UTC)).settle();
    assertThat(proposed.getStatus()).isEqualTo(InstanceMigration.Status.APPROVED);
    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();

    // Then the instance left that can move goes to the engine's batch, which any node runs.
    InstanceMigrations later = migrations(100, Clock.fixed(Instant.parse("2026-12-06T08:11:00Z"), ZoneOffset.UTC));
    later.settle();
    assertThat(proposed.getStatus()).isEqualTo(InstanceMigration.Status.RUNNING);
    assertThat(proposed.getBatchId()).isNotBlank();
    assertThat(later.progress(proposed).orElseThrow().total()).isEqualTo(1);
    assertThat(proposed.failureLines()).singleElement().asString().startsWith(third + ":").contains("phone-customer");
    // Another look before the batch ran resumes nothing twice.
    later.settle();
    assertThat(engine.getManagementService().createBatchQuery().count()).isEqualTo(1);

    runBatchJobs(proposed.getBatchId());
    runMonitor(proposed.getBatchId());
    later.settle();
    // As for a batch: MIGRATED when every instance it held moved; the one the plan could not carry is listed.
    assertThat(proposed.getStatus()).isEqualTo(InstanceMigration.Status.MIGRATED);
    assertThat(proposed.getMigratedCount()).isEqualTo(2);
    assertThat(proposed.getFailedCount()).isEqualTo(1);
    assertThat(proposed.failureLines()).singleElement().asString().startsWith(third + ":").contains("phone-customer");
    for (String moved : List.of(first, second)) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(moved).singleResult().getProcessDefinitionId()).isEqualTo(v2.getId());
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(third).singleResult().getProcessDefinitionId()).isEqualTo(v1.getId());
  }

  @Test
  void anInterruptedMigrationWithNothingLeftToMoveIsRecordedWithWhatMoved() throws Exception {
    String first = runtime.startProcessInstanceById(v1.getId(), "e1").getId();
    String second = runtime.startProcessInstanceById(v1.getId(), "e2").getId();
    InstanceMigration proposed = migrations.propose(v1.getId(), v2.getId(), null, "move", "operator");
    // The node moved both and stopped before it recorded the outcome.
    proposed.approved("operator2", Instant.parse("2026-12-06T08:00:00Z"), null);
    runtime.newMigration(runtime.createMigrationPlan(v1.getId(), v2.getId()).mapEqualActivities()
        .mapActivities("review-request", "review-order").build()).processInstanceIds(first, second).execute();

    migrations(100, Clock.fixed(Instant.parse("2026-12-06T08:11:00Z"), ZoneOffset.UTC)).settle();
    assertThat(proposed.getStatus()).isEqualTo(InstanceMigration.Status.MIGRATED);
    assertThat(proposed.getMigratedCount()).isEqualTo(2);
    assertThat(proposed.failureLines()).isEmpty();
    assertThat(engine.getManagementService().createBatchQuery().count()).isZero();
  }

  /**
   * An ACME order moves as an application does: an order waiting at the officers' phone call on
   * an earlier acme-order version, whose identity stage had no second officer's approval yet
   * (src/test/resources/operations), is proposed, approved by a second operator, moved to the
   * current bpmn/acme-order.bpmn, and after the call waits for the approval (EV Guidelines 5.2.4);
   * the order left on the earlier version goes on to the challenges without it.
   */
  @Test
  void anAcmeOrderWaitingForThePhoneCallMovesToTheVersionWithTheSecondOfficersApproval() {
    String old = repository.createDeployment()
        .addClasspathResource("operations/acme-order-before-identity-approval.bpmn").deploy().getId();
    String current = repository.createDeployment().addClasspathResource("bpmn/acme-order.bpmn").deploy().getId();
    List<String> passed = new java.util.ArrayList<>();
    Mocks.register("checkIdentityReuseDelegate", (JavaDelegate) e -> e.setVariable("identityCurrent", false));
    Mocks.register("acmeIdentityConfirmationListener", (TaskListener) t -> passed.add("call recorded"));
    Mocks.register("acmeIdentityApprovalListener", (TaskListener) t -> passed.add("approval " + t.getEventName()));
    Mocks.register("checkFinalizationDelegate", (JavaDelegate) e -> {
      passed.add("challenges of " + e.getProcessBusinessKey());
      e.setVariable("finalization", "WAITING");
    });
    try {
      ProcessDefinition before = repository.createProcessDefinitionQuery().deploymentId(old).singleResult();
      ProcessDefinition after = repository.createProcessDefinitionQuery().deploymentId(current).singleResult();
      for (ProcessDefinition d : List.of(before, after)) {
        when(models.version(d.getId())).thenReturn(Optional.of(new DeployedVersion(
            d.getKey(), d.getId(), d.getVersion(), d.getDeploymentId(), "test", Instant.EPOCH, 0, List.of())));
      }
      String moving = waitingForTheCall(before, "acme-order-21");
      String staying = waitingForTheCall(before, "acme-order-22");

      ProcessMigrations.Plan plan = migrations.preview(before.getId(), after.getId(), "acme-order-21", false);
      assertThat(plan.valid()).as(String.join("; ", plan.failures())).isTrue();
      assertThat(plan.instances()).singleElement().satisfies(i -> {
        assertThat(i.movable()).as(String.join("; ", i.obstacles())).isTrue();
        assertThat(i.activities()).contains("identity-stage", "confirm-organization-identity");
      });
      InstanceMigration proposed = migrations.propose(
          before.getId(), after.getId(), List.of(moving), "the second officer's approval of an order's phone call", "operator");
      assertThatThrownBy(() -> migrations.approve(proposed.getId(), "operator", null)).hasMessageContaining("four-eyes");
      InstanceMigration done = migrations.approve(proposed.getId(), "operator2", "checked");
      assertThat(done.getStatus()).isEqualTo(InstanceMigration.Status.MIGRATED);
      assertThat(done.getMigratedCount()).isEqualTo(1);
      assertThat(done.failureLines()).isEmpty();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(moving).singleResult().getProcessDefinitionId())
          .isEqualTo(after.getId());
      // The call's timers (the daily reminder, the 14 days) came along with the task.
      assertThat(engine.getManagementService().createJobQuery().processInstanceId(moving).timers().count()).isEqualTo(2);

      answerTheCall(moving);
      org.camunda.bpm.engine.task.Task approval = engine.getTaskService().createTaskQuery().processInstanceId(moving).singleResult();
      assertThat(approval.getTaskDefinitionKey()).isEqualTo("approve-organization-identity");
      assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
          .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("seniorOfficers"));
      assertThat(passed).containsExactly("call recorded", "approval create");

      answerTheCall(staying);
      assertThat(passed).endsWith("call recorded", "challenges of acme-order-22");
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(staying).singleResult().getProcessDefinitionId())
          .isEqualTo(before.getId());
    } finally {
      Mocks.reset();
      repository.deleteDeployment(current, true);
      repository.deleteDeployment(old, true);
    }
  }

  /** Starts an order whose organization is past the reuse period: it waits at the officers' phone call. */
  private String waitingForTheCall(ProcessDefinition definition, String businessKey) {
    String id = runtime.startProcessInstanceById(definition.getId(), businessKey, Map.of("orderId", 21L)).getId();
    engine.getManagementService().createJobQuery().processInstanceId(id).executable().messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey())
        .isEqualTo("confirm-organization-identity");
    return id;
  }

  private void answerTheCall(String instance) {
    org.camunda.bpm.engine.task.Task call = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    engine.getTaskService().complete(call.getId(), Map.of("identityDecision", "CONFIRMED"));
  }

  static final String TIMED = "migration-timer";

  /** A review with a reminder after {@code duration}. */
  static BpmnModelInstance timed(String duration) {
    return Bpmn.createExecutableProcess(TIMED).camundaHistoryTimeToLive(1000)
        .startEvent("started")
        .userTask("review-request").name("Review the request")
        .boundaryEvent("review-overdue").name("Review overdue").cancelActivity(false).timerWithDuration(duration)
        .endEvent("reminded")
        .moveToActivity("review-request")
        .endEvent("done")
        .done();
  }

  @Test
  void aChangedTimerKeepsItsDueDateUnlessTheProposalUpdatesTimers() {
    String d1 = repository.createDeployment().addModelInstance(TIMED + ".bpmn", timed("P5D")).deploy().getId();
    String d2 = repository.createDeployment().addModelInstance(TIMED + ".bpmn", timed("PT24H")).deploy().getId();
    try {
      ProcessDefinition t1 = repository.createProcessDefinitionQuery().deploymentId(d1).singleResult();
      ProcessDefinition t2 = repository.createProcessDefinitionQuery().deploymentId(d2).singleResult();
      for (ProcessDefinition d : List.of(t1, t2)) {
        when(models.version(d.getId())).thenReturn(Optional.of(
            new DeployedVersion(TIMED, d.getId(), d.getVersion(), d.getDeploymentId(), "test", Instant.EPOCH, 0, List.of())));
      }
      String kept = runtime.startProcessInstanceById(t1.getId(), "t1").getId();
      String updated = runtime.startProcessInstanceById(t1.getId(), "t2").getId();
      Instant inFiveDays = due(kept);
      assertThat(inFiveDays).isAfter(Instant.now().plus(java.time.Duration.ofDays(4)));

      ProcessMigrations.Plan plan = migrations.preview(t1.getId(), t2.getId(), null, false);
      assertThat(plan.changedTimers()).singleElement().satisfies(c -> {
        assertThat(c.sourceActivity()).isEqualTo("review-overdue");
        assertThat(c.before()).isEqualTo("P5D");
        assertThat(c.after()).isEqualTo("PT24H");
      });
      ProcessMigrations.Timer timer = plan.instances().get(0).timers().get(0);
      assertThat(timer.activity()).isEqualTo("review-overdue");
      Instant now = Instant.now();
      assertThat(plan.dueAfter(timer, now)).contains(timer.due());
      ProcessMigrations.Plan updating = migrations.preview(t1.getId(), t2.getId(), null, true);
      assertThat(updating.valid()).isTrue();
      assertThat(updating.dueAfter(timer, now)).contains(now.plus(java.time.Duration.ofHours(24)));

      InstanceMigration keeping = migrations.approve(
          migrations.propose(t1.getId(), t2.getId(), List.of(kept), "reminder after a day", false, "operator").getId(), "operator2", null);
      assertThat(keeping.getMigratedCount()).isEqualTo(1);
      assertThat(due(kept)).isEqualTo(inFiveDays);

      InstanceMigration proposal = migrations.propose(t1.getId(), t2.getId(), List.of(updated), "reminder after a day", true, "operator");
      assertThat(proposal.isUpdateTimers()).isTrue();
      InstanceMigration updating2 = migrations.approve(proposal.getId(), "operator2", null);
      assertThat(updating2.getMigratedCount()).isEqualTo(1);
      assertThat(due(updated)).isBefore(Instant.now().plus(java.time.Duration.ofHours(25)));
      assertThat(updating2.timerLines()).singleElement().asString().startsWith(updated + ": review-overdue").contains(" → review-overdue");
    } finally {
      repository.deleteDeployment(d2, true);
      repository.deleteDeployment(d1, true);
    }
  }

  private Instant due(String instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance).timers().singleResult().getDuedate().toInstant();
  }
}
