package org.cabackoffice.security.camunda;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.ActivateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.GetNextIdBlockCmd;
import org.camunda.bpm.engine.impl.cmd.SetAnnotationForIncidentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendJobDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.SuspendProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateProcessInstancesSuspendStateCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What each staff group may make the engine do, as an allowlist: reading is open to every
 * group (the engine's authorizations then decide what each sees); anything that changes state
 * is refused unless the caller's group is listed for it here. Whatever Camunda adds later, or
 * whatever its REST API offers that our users do not need (a task's BPMN error or escalation
 * that ends an application's process unseen, a job executed ahead of its timer, a restart, a
 * migration, identity links that make anyone a candidate), stays closed until someone decides
 * to list it.
 *
 * <p>Administrators ({@code camunda-admin}) are Camunda superusers and are not restricted here.
 * Work the engine does itself (jobs, listeners, commands nested inside an allowed one) runs
 * with no caller or inside an allowed command and passes.
 */
final class StaffCommands {

  /** Officers work the application's user tasks the way Tasklist does, and nothing else. */
  private static final List<Class<?>> TASK_WORK =
      List.of(
          ClaimTaskCmd.class, // claim and Tasklist's unclaim
          AssignTaskCmd.class, // REST unclaim and "assign to"
          SubmitTaskFormCmd.class, // the form's decision, checked by the task's listener
          CompleteTaskCmd.class,
          AddCommentCmd.class,
          CreateAttachmentCmd.class);

  /**
   * Operations mend incidents (retry a failed job, keeping its due date: {@link RecordKeeping})
   * and may stop and resume work; none of these moves an application past a step.
   */
  private static final List<Class<?>> INCIDENT_CARE =
      List.of(
          SetJobRetriesCmd.class,
          AbstractSetJobsRetriesBatchCmd.class,
          SuspendProcessInstanceCmd.class,
          ActivateProcessInstanceCmd.class,
          UpdateProcessInstancesSuspendStateCmd.class,
          SuspendProcessDefinitionCmd.class,
          ActivateProcessDefinitionCmd.class,
          SuspendJobCmd.class,
          ActivateJobCmd.class,
          SuspendJobDefinitionCmd.class,
          ActivateJobDefinitionCmd.class,
          SetAnnotationForIncidentCmd.class);

  static final Map<String, List<Class<?>>> ALLOWED_CHANGES =
      Map.of(
          StaffGroups.VALIDATION_OFFICERS, TASK_WORK,
          StaffGroups.SENIOR_OFFICERS, TASK_WORK,
          StaffGroups.OPERATIONS, INCIDENT_CARE,
          StaffGroups.AUDITORS, List.of());

  /**
   * The engine's read commands by Camunda's own naming ({@code GetTaskFormVariablesCmd},
   * {@code FindActiveActivityIdsCmd}, {@code CreateUserQueryCmd}, {@code IsTelemetryEnabledCmd});
   * only the engine's own classes count, and the one writer named like a reader
   * is excluded below.
   */
  private static final Pattern READ_COMMAND =
      Pattern.compile(
          "org\\.camunda\\.bpm\\.engine\\.impl(?:\\.[a-z]+)*\\."
              + "(?:(?:Get|Find|Is)[A-Za-z]*Cmd(?:Typed)?|Create[A-Za-z]*QueryCmd|AuthorizationCheckCmd"
              + "|DetermineHistoryLevelCmd|CheckPassword)");

  /** Reports and the web apps' own queries are commands nested in a query or report class. */
  private static final Pattern NESTED_READ =
      Pattern.compile(
          "org\\.camunda\\.bpm\\.(?:engine\\.impl(?:\\.[a-z]+)*\\.[A-Za-z]+(?:ReportImpl|QueryImpl)"
              + "|cockpit\\.[a-z.]+\\.[A-Za-z]+|webapp\\.[a-z.]+\\.QueryServiceImpl)\\$[A-Za-z]*Cmd");

  private StaffCommands() {}

  /** True for a command that only reads. */
  static boolean reads(Command<?> command) {
    if (command instanceof AbstractQuery<?, ?> || command instanceof AbstractExecuteFilterCmd) {
      return true;
    }
    Class<?> type = engineClass(command.getClass());
    if (type == GetNextIdBlockCmd.class) {
      return false;
    }
    String name = type.getName();
    return READ_COMMAND.matcher(name).matches() || NESTED_READ.matcher(name).matches();
  }

  /** True when one of the groups is listed for the command. */
  static boolean allowed(Command<?> command, List<String> groups) {
    for (String group : groups) {
      for (Class<?> change : ALLOWED_CHANGES.getOrDefault(group, List.of())) {
        if (change.isInstance(command)) {
          return true;
        }
      }
    }
    return false;
  }

  /** What the caller tried, in words for the refusal: the engine's command without "Cmd". */
  static String describe(Command<?> command) {
    String name = engineClass(command.getClass()).getSimpleName();
    return name.endsWith("Cmd") ? name.substring(0, name.length() - 3) : name;
  }

  /** The engine's own class, not a test double's or a proxy's subclass of it. */
  private static Class<?> engineClass(Class<?> type) {
    Class<?> current = type;
    while (current.getSuperclass() != null && current.getName().contains("$MockitoMock$")) {
      current = current.getSuperclass();
    }
    return current;
  }
}
