package org.cabackoffice.security.camunda;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cabackoffice.workflow.TaskDecisionRule;
import org.cabackoffice.workflow.camunda.ExpectedRefusal;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nobody claims, or is assigned, a task they could not complete. Before, an officer could claim
 * the senior officers' approval, fail to complete it (four-eyes rule), and keep every senior
 * officer out with "already claimed" until they let go of it. Now a claim or assignment is
 * refused, with the reason, when the user who would hold the task
 *
 * <ul>
 *   <li>belongs to none of its candidate groups (a senior officer also takes the validation
 *       officers' tasks: senior officers are officers too), or
 *   <li>is refused by a feature's {@link TaskDecisionRule} (EV Guidelines 5.2.4: the approver
 *       validated nothing of the application, did not propose the revocation, did not make the
 *       ACME order's phone call).
 * </ul>
 *
 * The check sits in the engine's command path, so the engine REST API, Tasklist and Cockpit all
 * meet it. Giving a task back (claim or assign to nobody) is allowed to whoever holds it; an
 * assignment only to someone the task is offered to or held by.
 */
final class TaskClaims extends CommandInterceptor {

  private static final Logger log = LoggerFactory.getLogger(TaskClaims.class);

  /** Groups whose members also take the tasks of the listed groups. */
  static final Map<String, Set<String>> ALSO_TAKES =
      Map.of(StaffGroups.SENIOR_OFFICERS, Set.of(StaffGroups.VALIDATION_OFFICERS));

  private final Supplier<List<TaskDecisionRule>> rules;

  TaskClaims(Supplier<List<TaskDecisionRule>> rules) {
    this.rules = rules;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null
        || !(command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd)) {
      return next.execute(command);
    }
    String taskId = field(command, "taskId");
    String userId = field(command, "userId");
    if (taskId == null) {
      return next.execute(command);
    }
    boolean claim = command instanceof ClaimTaskCmd && userId != null;
    // Camunda's claim names any user and checks only the caller's TASK_WORK: an officer could put
    // a senior officers' approval in the name of the senior officer of their choosing (absent, to
    // stall it, or friendly), and nobody else could take it. A claim is for oneself; passing a
    // task on is an assignment, with its own check below.
    String claimer = claim ? next.execute(context -> claimsForSomeoneElse(context, userId)) : null;
    if (claimer != null) {
      String refusal = claimer + " may claim a task only for themselves, not for " + userId
          + "; whoever holds the task or may take it assigns it";
      log.info("Engine refused {} of task {}: {}", StaffCommands.describe(command), taskId, refusal);
      throw new AuthorizationException(refusal);
    }
    // A task someone holds is theirs to give back or pass on: another officer taking it from
    // them (Camunda lets anyone with TASK_WORK) would only stall the one who works it.
    // (A claim by someone else is Camunda's own 409, "already claimed".)
    String taken = claim ? null : next.execute(context -> takenFromSomeoneElse(context, taskId));
    if (taken != null) {
      log.info("Engine refused {} of task {}: {}", StaffCommands.describe(command), taskId, taken);
      throw new ExpectedRefusal(taken);
    }
    String notOffered =
        command instanceof AssignTaskCmd ? next.execute(context -> notOfferedToCaller(context, taskId)) : null;
    if (notOffered != null) {
      log.info("Engine refused {} of task {}: {}", StaffCommands.describe(command), taskId, notOffered);
      throw new AuthorizationException(notOffered);
    }
    if (userId == null) {
      return next.execute(command);
    }
    // Read in a command of its own, without the caller's authorizations: whether the user may
    // hold the task does not depend on what the caller may see of groups and history.
    String refusal = next.execute(context -> refusal(context, taskId, userId));
    if (refusal != null) {
      log.info("Engine refused {} of task {} to {}: {}", StaffCommands.describe(command), taskId, userId, refusal);
      throw new ExpectedRefusal(refusal);
    }
    return next.execute(command);
  }

  /** The caller, when a staff member other than an administrator claims for another user. */
  private static String claimsForSomeoneElse(CommandContext context, String userId) {
    String caller = context.getAuthenticatedUserId();
    List<String> groups = context.getAuthenticatedGroupIds();
    if (caller == null || caller.equals(userId) || (groups != null && groups.contains(StaffGroups.ADMINS))) {
      return null;
    }
    return caller;
  }

  private static String takenFromSomeoneElse(CommandContext context, String taskId) {
    String caller = context.getAuthenticatedUserId();
    List<String> groups = context.getAuthenticatedGroupIds();
    if (caller == null || (groups != null && groups.contains(StaffGroups.ADMINS))) {
      return null;
    }
    context.disableAuthorizationCheck();
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getAssignee() == null || task.getAssignee().equals(caller)) {
      return null;
    }
    return "the task is held by " + task.getAssignee() + "; only they or an administrator give it back or pass it on";
  }

  /**
   * An assignment (Tasklist's and the REST API's unclaim, "assign to") comes only from someone the
   * task is offered to or held by: its assignee or owner, a candidate user, or a member of one of
   * its candidate groups as the caller is logged in. Camunda asks TASK_ASSIGN or UPDATE for it;
   * officers once had UPDATE from the per-task rows of their own tasks only, and now hold
   * TASK_ASSIGN on the whole process definition (StaffPermissions, GrantedTaskAuthorizations), so
   * this keeps a validation officer from passing on a senior officers' approval, as before.
   * Refused as the engine refused it, 403.
   */
  private static String notOfferedToCaller(CommandContext context, String taskId) {
    String caller = context.getAuthenticatedUserId();
    List<String> groups = context.getAuthenticatedGroupIds() == null ? List.of() : context.getAuthenticatedGroupIds();
    if (caller == null || groups.contains(StaffGroups.ADMINS)) {
      return null;
    }
    context.disableAuthorizationCheck();
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null || caller.equals(task.getAssignee()) || caller.equals(task.getOwner())) {
      return null;
    }
    Set<String> candidateGroups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (caller.equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
        return null;
      }
      if (link.getGroupId() != null) {
        candidateGroups.add(link.getGroupId());
      }
    }
    return caller
        + " may not pass on \""
        + task.getName()
        + "\": only whoever holds it or "
        + (candidateGroups.isEmpty() ? "its candidates" : "a member of " + String.join(", ", candidateGroups))
        + " assigns it";
  }

  private String refusal(CommandContext context, String taskId, String userId) {
    context.disableAuthorizationCheck();
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return null; // the command itself reports the unknown task
    }
    Set<String> candidateGroups = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (userId.equals(link.getUserId())) {
        return ruleRefusal(task, userId);
      }
      if (link.getGroupId() != null) {
        candidateGroups.add(link.getGroupId());
      }
    }
    if (!candidateGroups.isEmpty()) {
      Set<String> takes = new LinkedHashSet<>();
      for (Group group :
          context.getReadOnlyIdentityProvider().createGroupQuery(context).groupMember(userId).list()) {
        takes.add(group.getId());
        takes.addAll(ALSO_TAKES.getOrDefault(group.getId(), Set.of()));
      }
      if (candidateGroups.stream().noneMatch(takes::contains)) {
        return userId
            + " may not take \""
            + task.getName()
            + "\": it is a task for "
            + String.join(", ", candidateGroups)
            + ", and "
            + userId
            + " is not one of them";
      }
    }
    return ruleRefusal(task, userId);
  }

  /**
   * The features' rules on the task. Each reads its own process's business key (an application's
   * id, a revocation request's, an ACME order's): this interceptor knows the engine, not them.
   */
  private String ruleRefusal(TaskEntity task, String userId) {
    ExecutionEntity process = task.getProcessInstance();
    if (process == null) {
      return null; // a task outside any process: no feature's rule applies
    }
    TaskDecisionRule.Task decided =
        new TaskDecisionRule.Task(process.getProcessDefinition().getKey(), process.getBusinessKey(), task.getTaskDefinitionKey());
    for (TaskDecisionRule rule : rules.get()) {
      Optional<String> refusal = rule.refusal(decided, userId);
      if (refusal.isPresent()) {
        return refusal.get();
      }
    }
    return null;
  }

  private static String field(Command<?> command, String name) {
    return CommandFields.text(command, name);
  }
}
