package org.cabackoffice.security.camunda;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's default authorizations, less the per-task rows that only repeat what {@link
 * StaffPermissions} grants on the process definitions.
 *
 * <p>With authorization on, the default provider writes an {@code ACT_RU_AUTHORIZATION} row (READ
 * and UPDATE on the task) for each candidate group, candidate user, assignee and owner of every
 * task. For the application, revocation and ACME order processes those rows give officers
 * nothing: their groups hold READ_TASK, TASK_WORK and TASK_ASSIGN on the whole definition, and
 * who may hold, pass on and decide a task is decided by {@link TaskClaims} (candidate groups, the
 * features' four-eyes rules) and the tasks' listeners (only the officer holding the task decides
 * it), never by the rows. But every task query and count joins the authorizations on the task's
 * id, its definition's key or {@code *} with an {@code OR}, which the database can only run as a
 * nested loop over all rows: Tasklist's filter count took 77 s at 20,000 open tasks and grows with
 * their square (bench/README "Task list at 100,000 open tasks").
 *
 * <p>So for a task of those definitions no row is written for one of the officer groups, or for a
 * user who belongs to one (whose group's grant already covers the task). Any other task keeps
 * Camunda's rows: a standalone task, another process's, or a group or user no grant covers (an
 * administrator's own candidate group). The default writes nothing for a new task as such or for
 * a removed identity link, so those are not overridden. {@link #deleteRepeatedRows} removes the
 * rows written before.
 */
public class GrantedTaskAuthorizations extends DefaultAuthorizationProvider {

  private static final Logger log = LoggerFactory.getLogger(GrantedTaskAuthorizations.class);

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    if (StaffPermissions.TASK_GROUPS.contains(groupId) && ofGrantedProcess(task)) {
      return null;
    }
    return super.newTaskGroupIdentityLink(task, groupId, type);
  }

  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    if (ofGrantedProcess(task) && inTaskGroup(userId)) {
      return null;
    }
    return super.newTaskUserIdentityLink(task, userId, type);
  }

  @Override
  public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
    if (newAssignee != null && ofGrantedProcess(task) && inTaskGroup(newAssignee)) {
      return null;
    }
    return super.newTaskAssignee(task, oldAssignee, newAssignee);
  }

  @Override
  public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
    if (newOwner != null && ofGrantedProcess(task) && inTaskGroup(newOwner)) {
      return null;
    }
    return super.newTaskOwner(task, oldOwner, newOwner);
  }

  /** A task of a process definition on which the officer groups work tasks by grant. */
  private static boolean ofGrantedProcess(Task task) {
    if (!(task instanceof TaskEntity entity) || entity.getProcessDefinitionId() == null) {
      return false;
    }
    ProcessDefinitionEntity definition = entity.getProcessDefinition();
    return definition != null && StaffPermissions.TASK_PROCESSES.contains(definition.getKey());
  }

  /**
   * Whether the user belongs to an officer group, read whatever the caller may see of groups: an
   * assignment happens at a claim or an assignment, one look-up each, not at every task.
   */
  private static boolean inTaskGroup(String userId) {
    CommandContext context = Context.getCommandContext();
    return context.runWithoutAuthorization(
        () ->
            context
                    .getReadOnlyIdentityProvider()
                    .createGroupQuery(context)
                    .groupMember(userId)
                    .groupIdIn(StaffPermissions.TASK_GROUPS.toArray(String[]::new))
                    .count()
                > 0);
  }

  /**
   * Deletes, in one statement, the rows the default provider wrote that this one would not: grants
   * on open tasks of the granted definitions to an officer group or to a member of one, saying
   * exactly what the default writes (READ and the engine's default task permission). A row an
   * administrator made by hand with other permissions, and any REVOKE, stay. At 100,000 open tasks
   * that is about 100,000 rows: one engine command per row would keep the node from starting for
   * minutes. Returns how many went (0 when the database refused: the rows cost only time, and the
   * next start takes them).
   */
  public static int deleteRepeatedRows(ProcessEngineConfigurationImpl configuration) {
    if (!configuration.isAuthorizationEnabled() || StaffPermissions.TASK_PROCESSES.isEmpty()) {
      return 0;
    }
    String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    List<String> groups = StaffPermissions.TASK_GROUPS;
    List<String> keys = List.copyOf(StaffPermissions.TASK_PROCESSES);
    String sql =
        "DELETE FROM " + prefix + "ACT_RU_AUTHORIZATION"
            + " WHERE TYPE_ = ? AND RESOURCE_TYPE_ = ? AND PERMS_ = ?"
            + " AND (GROUP_ID_ IN (" + marks(groups.size()) + ")"
            + " OR USER_ID_ IN (SELECT M.USER_ID_ FROM " + prefix + "ACT_ID_MEMBERSHIP M WHERE M.GROUP_ID_ IN ("
            + marks(groups.size()) + ")))"
            + " AND RESOURCE_ID_ IN (SELECT T.ID_ FROM " + prefix + "ACT_RU_TASK T JOIN " + prefix + "ACT_RE_PROCDEF D"
            + " ON D.ID_ = T.PROC_DEF_ID_ WHERE D.KEY_ IN (" + marks(keys.size()) + "))";
    List<Object> parameters = new ArrayList<>();
    parameters.add(AUTH_TYPE_GRANT);
    parameters.add(Resources.TASK.resourceType());
    parameters.add(defaultTaskRowPermissions(configuration));
    parameters.addAll(groups);
    parameters.addAll(groups);
    parameters.addAll(keys);
    // As TaskDueDateIndex: a connection of the engine's data source, outside any transaction.
    try (Connection connection = configuration.getDataSource().getConnection();
        PreparedStatement delete = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.size(); i++) {
        delete.setObject(i + 1, parameters.get(i));
      }
      int deleted = delete.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return deleted;
    } catch (SQLException e) {
      // Two nodes starting at once may meet; the rows only cost time, the next start takes them.
      log.warn("Per-task authorizations not deleted now: {}", e.getMessage());
      return 0;
    }
  }

  /** The permissions the default provider gives a task's candidate, assignee or owner, as stored. */
  private static int defaultTaskRowPermissions(ProcessEngineConfigurationImpl configuration) {
    AuthorizationEntity row = new AuthorizationEntity(AUTH_TYPE_GRANT);
    row.addPermission(Permissions.READ);
    row.addPermission(
        configuration.getDefaultUserPermissionForTask() == null
            ? Permissions.UPDATE
            : configuration.getDefaultUserPermissionForTask());
    if (configuration.isEnforceSpecificVariablePermission()) {
      row.addPermission(TaskPermissions.READ_VARIABLE);
    }
    return row.getPermissions();
  }

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }
}
