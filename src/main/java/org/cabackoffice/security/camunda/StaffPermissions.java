package org.cabackoffice.security.camunda;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.RevocationProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What each staff group may do in the engine: Tasklist, Cockpit and the engine REST API check
 * these (camunda.bpm.authorization.enabled). Officers work the application tasks; auditors only
 * read, history included; operations watch the models and mend incidents; administrators do
 * anything.
 * Set at every start to exactly what is declared here, so a changed rule reaches installations
 * that exist already; grants an administrator adds for other resources stay. A grant that already
 * says exactly this is left as it is: a restart writes nothing (about 70 engine commands fewer
 * before the node is ready, bench/README "Start to ready").
 * Officers work their processes' tasks by these grants on the process definitions, not by the
 * engine's per-task rows, which only repeated them and made Tasklist's counts quadratic in open
 * tasks ({@link GrantedTaskAuthorizations}).
 */
@Component
public class StaffPermissions {

  private static final Logger log = LoggerFactory.getLogger(StaffPermissions.class);

  private record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}

  private static final String APPLICATION_PROCESS = RenewalProcess.PROCESS_KEY;
  private static final String REVOCATION_PROCESS = RevocationProcess.PROCESS_KEY;
  /**
   * AcmeOrderProcess.PROCESS_KEY, written out: the acme package reads security (the current user,
   * customer accounts, the staff directory), so security may not read it back (ArchitectureTest,
   * no cycles). StaffPermissionsTest holds the two equal.
   */
  static final String ACME_ORDER_PROCESS = "acme-order";

  /** The groups Tasklist offers user tasks to (the models' candidate groups). */
  static final List<String> TASK_GROUPS = List.of(StaffGroups.VALIDATION_OFFICERS, StaffGroups.SENIOR_OFFICERS);

  /**
   * What a candidate group's per-task row gave its members (READ and UPDATE on the task), as far
   * as StaffCommands lets officers use it, granted on the whole process definition instead: read
   * the tasks, claim and complete them (TASK_WORK), and give back or pass on one (TASK_ASSIGN:
   * the engine REST API's unclaim and assignee calls are assignments). Who may hold, pass on and
   * complete which task is decided by TaskClaims and the tasks' listeners, not by these grants:
   * a validation officer reads the senior officers' approval but can neither take nor decide it.
   */
  private static Grant workOn(String group, String processKey) {
    return new Grant(
        group,
        Resources.PROCESS_DEFINITION,
        processKey,
        Permissions.READ,
        Permissions.READ_TASK,
        Permissions.TASK_WORK,
        Permissions.TASK_ASSIGN,
        Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY);
  }

  static final List<Grant> GRANTS =
      List.of(
          // Everyone on staff sees names and groups (Tasklist, the four-eyes check).
          new Grant(StaffGroups.VALIDATION_OFFICERS, Resources.USER, ANY, Permissions.READ),
          new Grant(StaffGroups.VALIDATION_OFFICERS, Resources.GROUP, ANY, Permissions.READ),
          new Grant(StaffGroups.SENIOR_OFFICERS, Resources.USER, ANY, Permissions.READ),
          new Grant(StaffGroups.SENIOR_OFFICERS, Resources.GROUP, ANY, Permissions.READ),
          new Grant(StaffGroups.AUDITORS, Resources.USER, ANY, Permissions.READ),
          new Grant(StaffGroups.AUDITORS, Resources.GROUP, ANY, Permissions.READ),
          new Grant(StaffGroups.OPERATIONS, Resources.USER, ANY, Permissions.READ),
          new Grant(StaffGroups.OPERATIONS, Resources.GROUP, ANY, Permissions.READ),
          // Officers: Tasklist and the tasks of the processes they work; no starting processes
          // by hand (applications, revocations and ACME orders arrive through the API) and no
          // deleting anything.
          new Grant(StaffGroups.VALIDATION_OFFICERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
          new Grant(StaffGroups.VALIDATION_OFFICERS, Resources.FILTER, ANY, Permissions.READ),
          new Grant(StaffGroups.VALIDATION_OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ),
          new Grant(StaffGroups.SENIOR_OFFICERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS),
          new Grant(StaffGroups.SENIOR_OFFICERS, Resources.FILTER, ANY, Permissions.READ),
          new Grant(StaffGroups.SENIOR_OFFICERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ),
          workOn(StaffGroups.VALIDATION_OFFICERS, APPLICATION_PROCESS),
          workOn(StaffGroups.SENIOR_OFFICERS, APPLICATION_PROCESS),
          // Revocation requests (BR 4.9): officers investigate problem reports, senior officers
          // approve the CA's revocations; like the application's, started only by the API.
          workOn(StaffGroups.VALIDATION_OFFICERS, REVOCATION_PROCESS),
          workOn(StaffGroups.SENIOR_OFFICERS, REVOCATION_PROCESS),
          // ACME orders' identity steps (bpmn/acme-order.bpmn): officers call and review, a
          // senior officer approves. Before, officers reached these tasks only through the
          // engine's per-task rows (GrantedTaskAuthorizations), as for the application's.
          workOn(StaffGroups.VALIDATION_OFFICERS, ACME_ORDER_PROCESS),
          workOn(StaffGroups.SENIOR_OFFICERS, ACME_ORDER_PROCESS),
          // Auditors read everything, change nothing (BR 5.4: the audit trail stays as it is).
          new Grant(StaffGroups.AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
          new Grant(
              StaffGroups.AUDITORS,
              Resources.PROCESS_DEFINITION,
              ANY,
              Permissions.READ,
              Permissions.READ_TASK,
              Permissions.READ_INSTANCE,
              Permissions.READ_HISTORY),
          new Grant(StaffGroups.AUDITORS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ),
          new Grant(StaffGroups.AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ),
          // Operations: models and incidents. Retrying a failed job and suspending are theirs;
          // moving a running application past a step is not, or one person could skip the
          // approval: no instance modification, and no migration either, which maps any
          // activity to any other and sets variables as it goes (a same-version migration is a
          // modification by another name).
          new Grant(StaffGroups.OPERATIONS, Resources.APPLICATION, "cockpit", Permissions.ACCESS),
          new Grant(
              StaffGroups.OPERATIONS,
              Resources.PROCESS_DEFINITION,
              ANY,
              Permissions.READ,
              Permissions.READ_TASK,
              Permissions.READ_INSTANCE,
              Permissions.READ_HISTORY,
              ProcessDefinitionPermissions.RETRY_JOB,
              ProcessDefinitionPermissions.SUSPEND,
              ProcessDefinitionPermissions.SUSPEND_INSTANCE),
          new Grant(
              StaffGroups.OPERATIONS,
              Resources.PROCESS_INSTANCE,
              ANY,
              Permissions.READ,
              ProcessInstancePermissions.RETRY_JOB,
              ProcessInstancePermissions.SUSPEND),
          // Models reach the engine from bpmn/ and forms/ at start, through review like code: a
          // deployment is code (expressions run on the server), and a model started by a timer
          // runs with no user for the engine to check, so nobody on staff deploys at run time.
          new Grant(StaffGroups.OPERATIONS, Resources.DEPLOYMENT, ANY, Permissions.READ),
          // Batches run without checking each instance: only retrying failed jobs, never
          // migration, message correlation, variables, deletion or history removal, which would
          // skip a stage or erase the record (BR 5.4).
          new Grant(
              StaffGroups.OPERATIONS,
              Resources.BATCH,
              ANY,
              Permissions.READ,
              Permissions.READ_HISTORY,
              BatchPermissions.CREATE_BATCH_SET_JOB_RETRIES));

  /**
   * The process definitions on which every one of {@link #TASK_GROUPS} works tasks by a grant
   * above: for their tasks the engine's per-task authorizations would only repeat these grants
   * ({@link GrantedTaskAuthorizations}).
   */
  static final Set<String> TASK_PROCESSES = taskProcesses();

  private static Set<String> taskProcesses() {
    Set<String> keys = new LinkedHashSet<>();
    for (Grant grant : GRANTS) {
      if (grant.resource() == Resources.PROCESS_DEFINITION && !ANY.equals(grant.resourceId())) {
        keys.add(grant.resourceId());
      }
    }
    keys.removeIf(key -> !TASK_GROUPS.stream().allMatch(group -> worksTasks(group, key)));
    return Set.copyOf(keys);
  }

  private static boolean worksTasks(String group, String processKey) {
    List<Permission> declared =
        GRANTS.stream()
            .filter(grant -> grant.group().equals(group) && grant.resource() == Resources.PROCESS_DEFINITION)
            .filter(grant -> grant.resourceId().equals(processKey) || grant.resourceId().equals(ANY))
            .flatMap(grant -> Arrays.stream(grant.permissions()))
            .toList();
    return declared.containsAll(List.of(Permissions.READ_TASK, Permissions.TASK_WORK, Permissions.TASK_ASSIGN));
  }

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ProcessEngineConfigurationImpl engine;

  public StaffPermissions(ProcessEngine engine) {
    this.identity = engine.getIdentityService();
    this.authorizations = engine.getAuthorizationService();
    this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(-10)
  public void ensure() {
    group(StaffGroups.VALIDATION_OFFICERS, "Validation officers");
    group(StaffGroups.SENIOR_OFFICERS, "Senior officers");
    group(StaffGroups.AUDITORS, "Auditors");
    group(StaffGroups.OPERATIONS, "Operations");
    group(StaffGroups.ADMINS, "Camunda administrators");
    for (Grant grant : GRANTS) {
      grant(grant.group(), grant.resource(), grant.resourceId(), grant.permissions());
    }
    for (Resources resource : Resources.values()) {
      grant(StaffGroups.ADMINS, resource, ANY, Permissions.ALL);
    }
    // Only now that the grants above exist: the rows they make redundant, written before this
    // version (or by a node not yet updated), go in one statement; none left, nothing is written.
    int deleted = GrantedTaskAuthorizations.deleteRepeatedRows(engine);
    if (deleted > 0) {
      log.info("Deleted {} per-task authorizations that the process-definition grants repeat", deleted);
    }
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
    }
  }

  /** Makes the group's grant on the resource exactly the declared one (created or corrected). */
  private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizations
            .createAuthorizationQuery()
            .authorizationType(AUTH_TYPE_GRANT)
            .groupIdIn(group)
            .resourceType(resource)
            .resourceId(resourceId)
            .singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(group);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (grantsExactly(authorization, permissions)) {
      return;
    }
    authorization.setPermissions(permissions);
    authorizations.saveAuthorization(authorization);
  }

  /**
   * Whether the stored grant is the declared one, no permission more or less. Compared as the
   * engine stores it (one bit per permission), by letting the engine compute the declared set's
   * bits rather than repeating its encoding here.
   */
  private boolean grantsExactly(Authorization stored, Permission... permissions) {
    Authorization declared = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    declared.setPermissions(permissions);
    return ((AuthorizationEntity) stored).getPermissions() == ((AuthorizationEntity) declared).getPermissions();
  }
}
