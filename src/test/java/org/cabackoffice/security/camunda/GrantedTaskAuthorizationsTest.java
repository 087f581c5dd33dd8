package org.cabackoffice.security.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.List;
import org.cabackoffice.security.RefusedAttempts;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.TaskDecisionRule;
import org.cabackoffice.workflow.camunda.CompletedByAssigneeListener;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The engine as the back office runs it (authorization on, RecordKeepingPlugin's interceptors and
 * authorization provider, StaffPermissions' grants): officers find and work the tasks of the
 * processes they are granted with no per-task authorization rows (bench/README "Task list at
 * 100,000 open tasks": those rows made Tasklist's count quadratic), a validation officer can
 * still neither take, pass on nor decide a senior officers' task, other tasks keep Camunda's
 * rows, and the start removes the rows written before.
 */
class GrantedTaskAuthorizationsTest {

  private static final String VALIDATION_OFFICER = "vo";
  private static final String SENIOR_OFFICER = "so";
  private static final String OTHER_PROCESS = "other-process";

  static ProcessEngineConfigurationImpl configuration;
  static ProcessEngine engine;
  static RuntimeService runtime;
  static TaskService tasks;
  static IdentityService identity;
  static AuthorizationService authorizations;

  @BeforeAll
  static void engine() {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("attempts", mock(RefusedAttempts.class));
    StandaloneInMemProcessEngineConfiguration standalone = new StandaloneInMemProcessEngineConfiguration();
    standalone.setJdbcUrl("jdbc:h2:mem:granted-task-authorizations;DB_CLOSE_DELAY=1000");
    standalone.setDatabaseSchemaUpdate("create-drop");
    standalone.setJobExecutorActivate(false);
    standalone.setHistory("full");
    standalone.setAuthorizationEnabled(true);
    standalone.setProcessEnginePlugins(
        List.of(
            new RecordKeepingPlugin()
                .recordKeeping(beans.getBeanProvider(TaskDecisionRule.class), beans.getBeanProvider(RefusedAttempts.class))));
    configuration = standalone;
    engine = standalone.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    identity = engine.getIdentityService();
    authorizations = engine.getAuthorizationService();
    engine.getRepositoryService().createDeployment()
        .addModelInstance("acme-order.bpmn", model(StaffPermissions.ACME_ORDER_PROCESS))
        .addModelInstance("certificate-renewal.bpmn", model(RenewalProcess.PROCESS_KEY))
        .addModelInstance("other-process.bpmn", model(OTHER_PROCESS))
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void staff() {
    new StaffPermissions(engine).ensure();
    user(VALIDATION_OFFICER, StaffGroups.VALIDATION_OFFICERS);
    user(SENIOR_OFFICER, StaffGroups.SENIOR_OFFICERS);
  }

  @AfterEach
  void forget() {
    identity.clearAuthentication();
    configuration.setResourceAuthorizationProvider(new GrantedTaskAuthorizations());
    runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test over"));
    tasks.createTaskQuery().list().forEach(t -> tasks.deleteTask(t.getId(), true));
    authorizations.createAuthorizationQuery().list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
  }

  @Test
  void officersFindAndWorkTheirProcessesTasksWithNoPerTaskRows() {
    for (String process : List.of(StaffPermissions.ACME_ORDER_PROCESS, RenewalProcess.PROCESS_KEY)) {
      String instance = runtime.startProcessInstanceByKey(process).getId();
      assertThat(taskRows()).as(process).isZero();

      as(VALIDATION_OFFICER);
      assertThat(tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup(StaffGroups.VALIDATION_OFFICERS).list())
          .extracting(Task::getTaskDefinitionKey)
          .containsExactly("check");
      Task check = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("check").singleResult();
      tasks.claim(check.getId(), VALIDATION_OFFICER);
      // Tasklist's and the REST API's unclaim is an assignment to nobody.
      tasks.setAssignee(check.getId(), null);
      tasks.claim(check.getId(), VALIDATION_OFFICER);
      tasks.complete(check.getId());

      as(SENIOR_OFFICER);
      Task approve = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup(StaffGroups.SENIOR_OFFICERS).singleResult();
      tasks.claim(approve.getId(), SENIOR_OFFICER);
      assertThat(taskRows()).as(process + ": no row for an assignee either").isZero();
      tasks.complete(approve.getId());
      identity.clearAuthentication();
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }
  }

  @Test
  void aValidationOfficerStillCannotTakePassOnOrCompleteASeniorOfficersTask() {
    for (String process : List.of(StaffPermissions.ACME_ORDER_PROCESS, RenewalProcess.PROCESS_KEY)) {
      String instance = runtime.startProcessInstanceByKey(process).getId();
      String approve = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("approve").singleResult().getId();

      as(VALIDATION_OFFICER);
      assertThatThrownBy(() -> tasks.claim(approve, VALIDATION_OFFICER)).as(process).hasMessageContaining("may not take");
      assertThatThrownBy(() -> tasks.setAssignee(approve, SENIOR_OFFICER))
          .as(process)
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("may not pass on");
      assertThatThrownBy(() -> tasks.complete(approve)).as(process).hasMessageContaining("claim the task first");
      // Nor claim it in a senior officer's name, nor resolve it (a complete without the listener).
      assertThatThrownBy(() -> tasks.claim(approve, SENIOR_OFFICER))
          .as(process)
          .isInstanceOf(AuthorizationException.class)
          .hasMessageContaining("only for themselves");
      assertThatThrownBy(() -> tasks.resolveTask(approve)).as(process).hasMessageContaining("may not resolve");

      as(SENIOR_OFFICER);
      tasks.claim(approve, SENIOR_OFFICER);
      as(VALIDATION_OFFICER);
      assertThatThrownBy(() -> tasks.setAssignee(approve, null)).as(process).hasMessageContaining("held by " + SENIOR_OFFICER);
      assertThatThrownBy(() -> tasks.complete(approve)).as(process).hasMessageContaining("assigned to " + SENIOR_OFFICER);
      assertThatThrownBy(() -> tasks.resolveTask(approve)).as(process).hasMessageContaining("may not resolve");
      identity.clearAuthentication();
      assertThat(tasks.createTaskQuery().taskId(approve).singleResult().getAssignee()).isEqualTo(SENIOR_OFFICER);
    }
  }

  @Test
  void aTaskNoGrantCoversKeepsCamundasRows() {
    String instance = runtime.startProcessInstanceByKey(OTHER_PROCESS).getId();
    String check = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("check").singleResult().getId();
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(check)
            .groupIdIn(StaffGroups.VALIDATION_OFFICERS).count())
        .isEqualTo(1);

    Task standalone = tasks.newTask();
    tasks.saveTask(standalone);
    tasks.addCandidateGroup(standalone.getId(), StaffGroups.VALIDATION_OFFICERS);
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(standalone.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void theStartDeletesTheRowsWrittenBeforeInOneGoAndOnlyThose() {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider());
    String acme = runtime.startProcessInstanceByKey(StaffPermissions.ACME_ORDER_PROCESS).getId();
    String renewal = runtime.startProcessInstanceByKey(RenewalProcess.PROCESS_KEY).getId();
    String other = runtime.startProcessInstanceByKey(OTHER_PROCESS).getId();
    String acmeCheck = tasks.createTaskQuery().processInstanceId(acme).taskDefinitionKey("check").singleResult().getId();
    tasks.claim(acmeCheck, VALIDATION_OFFICER);
    assertThat(taskRows()).isEqualTo(3 * 2 + 1);
    // An administrator's own grant on one task, and a revocation, are no rows the default wrote.
    Authorization byHand = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    byHand.setUserId("visitor");
    byHand.setResource(Resources.TASK);
    byHand.setResourceId(acmeCheck);
    byHand.addPermission(Permissions.READ);
    authorizations.saveAuthorization(byHand);
    Authorization revoked = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoked.setGroupId(StaffGroups.SENIOR_OFFICERS);
    revoked.setResource(Resources.TASK);
    revoked.setResourceId(acmeCheck);
    revoked.removePermission(Permissions.UPDATE);
    authorizations.saveAuthorization(revoked);
    configuration.setResourceAuthorizationProvider(new GrantedTaskAuthorizations());

    new StaffPermissions(engine).ensure();

    List<String> otherTasks = tasks.createTaskQuery().processInstanceId(other).list().stream().map(Task::getId).toList();
    assertThat(perTaskRows())
        .containsExactlyInAnyOrder(acmeCheck, acmeCheck, otherTasks.get(0), otherTasks.get(1));
    assertThat(GrantedTaskAuthorizations.deleteRepeatedRows(configuration)).as("a restart with none left").isZero();

    as(VALIDATION_OFFICER);
    assertThat(tasks.createTaskQuery().processInstanceIdIn(acme, renewal).taskCandidateGroup(StaffGroups.VALIDATION_OFFICERS)
            .includeAssignedTasks().count())
        .isEqualTo(2);
    tasks.setAssignee(acmeCheck, null);
  }

  /** Two officer tasks, one per group, at once; each completion names the officer holding it. */
  private static BpmnModelInstance model(String key) {
    return Bpmn.createExecutableProcess(key)
        .startEvent()
        .parallelGateway("fork")
        .userTask("check").camundaCandidateGroups(StaffGroups.VALIDATION_OFFICERS)
        .camundaTaskListenerClass("complete", CompletedByAssigneeListener.class)
        .parallelGateway("join")
        .endEvent()
        .moveToNode("fork")
        .userTask("approve").camundaCandidateGroups(StaffGroups.SENIOR_OFFICERS)
        .camundaTaskListenerClass("complete", CompletedByAssigneeListener.class)
        .connectTo("join")
        .done();
  }

  /** Rows on single tasks (not the administrators' grant on every task, {@code *}). */
  private static long taskRows() {
    return perTaskRows().size();
  }

  private static List<String> perTaskRows() {
    return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).list().stream()
        .map(Authorization::getResourceId)
        .filter(id -> !Authorization.ANY.equals(id))
        .toList();
  }

  private static void user(String id, String group) {
    identity.saveUser(identity.newUser(id));
    identity.createMembership(id, group);
  }

  private static void as(String user) {
    String group = user.equals(SENIOR_OFFICER) ? StaffGroups.SENIOR_OFFICERS : StaffGroups.VALIDATION_OFFICERS;
    identity.setAuthentication(user, List.of(group));
  }
}
