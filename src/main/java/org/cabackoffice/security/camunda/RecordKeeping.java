package org.cabackoffice.security.camunda;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.cabackoffice.input.TextInput;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cmd.AbstractSetJobsRetriesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SetJobRetriesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Camunda's authorizations leave open to anyone who may work or read a task, closed for
 * every way in (engine REST API, Tasklist and Cockpit's own API):
 *
 * <ul>
 *   <li>a task's variables change only through its form (submit/complete), where the listeners
 *       record who decided; writing them directly would set routing variables unseen;
 *   <li>comments and attachments, once written, stay as written (BR 5.4.1: the record is not
 *       rewritten); only administrators may remove one;
 *   <li>auditors add nothing at all;
 *   <li>retrying a failed job keeps the job's due date: the retries endpoints also take a new due
 *       date, which would let whoever may retry fire a timer early (a consent or payment deadline
 *       passing weeks ahead of time) or hold one back.
 * </ul>
 *
 * Beyond those, a caller on staff reaches only the commands {@link StaffCommands} lists for their
 * group. Work the engine does itself (jobs, listeners) runs without an authenticated user and
 * passes.
 */
final class RecordKeeping extends CommandInterceptor {

  private static final Logger log = LoggerFactory.getLogger(RecordKeeping.class);

  private static final List<Class<?>> TASK_VARIABLE_WRITES =
      List.of(SetTaskVariablesCmd.class, PatchTaskVariablesCmd.class, RemoveTaskVariablesCmd.class);
  private static final List<Class<?>> REWRITES =
      List.of(
          UpdateCommentCmd.class,
          DeleteTaskCommentCmd.class,
          DeleteProcessInstanceCommentCmd.class,
          DeleteAttachmentCmd.class,
          SaveAttachmentCmd.class);
  private static final List<Class<?>> ADDITIONS = List.of(AddCommentCmd.class, CreateAttachmentCmd.class);

  private final Supplier<Authentication> caller;

  private final Supplier<RefusedAttemptLog> refusals;

  RecordKeeping(Supplier<Authentication> caller) {
    this(caller, () -> null);
  }

  RecordKeeping(Supplier<Authentication> caller, Supplier<RefusedAttemptLog> refusals) {
    this(caller, refusals, taskId -> null, null);
  }

  private final Function<String, String> taskKeyOf;
  private final TaskFormFields formFields;

  RecordKeeping(
      Supplier<Authentication> caller,
      Supplier<RefusedAttemptLog> refusals,
      Function<String, String> taskKeyOf,
      TaskFormFields formFields) {
    this.caller = caller;
    this.refusals = refusals;
    this.taskKeyOf = taskKeyOf;
    this.formFields = formFields;
  }

  @Override
  public <T> T execute(Command<T> command) {
    // A command run inside another (a delegate's or listener's call) belongs to the outer one,
    // which passed this check: only what a caller asks for directly is judged.
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    Authentication authentication = caller.get();
    String refusal = refusal(command, authentication);
    if (refusal != null) {
      log.info("Engine refused {} to {}: {}", StaffCommands.describe(command), authentication.getUserId(), refusal);
      keep(command, authentication, refusal);
      throw new AuthorizationException(refusal);
    }
    String unreadable = decisionTextProblem(command);
    if (unreadable != null) {
      keep(command, authentication, unreadable);
      throw new BadUserRequestException(unreadable);
    }
    keepToTheForm(command, authentication);
    try {
      return next.execute(command);
    } catch (AuthorizationException refused) {
      keep(command, authentication, refused.getMessage());
      throw refused;
    } catch (ProcessEngineException failed) {
      // A task's rules refusing an officer's decision or claim (four-eyes, an incomplete
      // checklist) arrive wrapped by the engine ("Exception while invoking TaskListener"); a
      // query's bad parameter or a missing task is no refusal worth keeping.
      if (is(command, TASK_DECISIONS)) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
          if (cause instanceof BadUserRequestException ruled) {
            keep(command, authentication, ruled.getMessage());
            break;
          }
        }
      }
      throw failed;
    }
  }

  private static final List<Class<?>> TASK_DECISIONS =
      List.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class, ClaimTaskCmd.class, AssignTaskCmd.class);

  /** BR 5.4.1: a refusal is logged; the refused work itself rolls back, its record must not. */
  private void keep(Command<?> command, Authentication authentication, String reason) {
    RefusedAttemptLog attempts = refusals.get();
    if (attempts != null && authentication != null && authentication.getUserId() != null) {
      attempts.record(command, authentication, reason);
    }
  }

  static String refusal(Command<?> executed, Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      return null;
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (groups.contains(StaffGroups.ADMINS)) {
      return null;
    }
    String user = authentication.getUserId();
    if ((executed instanceof SetJobRetriesCmd || executed instanceof AbstractSetJobsRetriesBatchCmd)
        && setsDueDate(executed)) {
      return user + " may retry a job but not move its due date: a timer fires when the process says";
    }
    if (is(executed, TASK_VARIABLE_WRITES)) {
      return user + " may not write a task's variables directly: a decision goes through the task's form";
    }
    if (executed instanceof ResolveTaskCmd) {
      // A CompleteTaskCmd by inheritance, so TASK_WORK would let it through, but it passes the task
      // back to its owner and writes variables without the task's complete listener (the officer
      // and four-eyes checks): the back office delegates nothing, so nothing is resolved.
      return user + " may not resolve a task: nothing is delegated here; the officer holding it completes it";
    }
    if (is(executed, REWRITES)) {
      return user + " may not change or remove a comment or attachment: the record stays as written";
    }
    if (is(executed, ADDITIONS) && EngineRestAuthentication.readsOnly(groups)) {
      return user + " reads the records as an auditor and adds nothing to them";
    }
    if (StaffCommands.reads(executed) || StaffCommands.allowed(executed, groups)) {
      return null;
    }
    return user
        + " may not "
        + StaffCommands.describe(executed)
        + " through the engine: staff change an application only through the steps their role"
        + " works (officers their tasks' forms, operations the retry and suspension of jobs), and"
        + " an application ends only through its model";
  }

  /**
   * An officer's notes reach the engine from Tasklist's forms, not through the API's JSON rules:
   * the same text rule holds here (TextInput). PostgreSQL refuses U+0000 in text, and the engine
   * would answer with the failed SQL statement.
   */
  static String decisionTextProblem(Command<?> command) {
    Map<String, Object> submitted;
    if (command instanceof SubmitTaskFormCmd) {
      submitted = field(command, "properties");
    } else if (command instanceof CompleteTaskCmd) {
      submitted = field(command, "variables");
    } else {
      return null;
    }
    if (submitted == null) {
      return null;
    }
    for (String name : submitted.keySet()) {
      Object value = submitted.get(name);
      if (value instanceof TypedValue typed) {
        value = typed.getValue();
      }
      if (value instanceof String text) {
        Optional<String> problem = TextInput.plainTextProblem(text);
        if (problem.isPresent()) {
          return name + ": " + problem.get();
        }
      }
    }
    return null;
  }

  /**
   * A completion sets only what its task's form lets the officer enter: a hand-made request could
   * otherwise overwrite process variables the task never asked for (the registrant a comparison
   * records, the domain a challenge goes to, a deadline), and the form's display fields belong
   * to the process too. The rest is dropped, and said so in the log.
   */
  private void keepToTheForm(Command<?> command, Authentication authentication) {
    if (formFields == null
        || authentication == null
        || authentication.getUserId() == null
        || (authentication.getGroupIds() != null && authentication.getGroupIds().contains(StaffGroups.ADMINS))) {
      return;
    }
    String fieldName =
        command instanceof SubmitTaskFormCmd ? "properties" : command instanceof CompleteTaskCmd ? "variables" : null;
    if (fieldName == null) {
      return;
    }
    Map<String, Object> submitted = field(command, fieldName);
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    String taskKey = taskKeyOf.apply(taskIdOf(command));
    if (taskKey == null) {
      return; // an unknown task: the command itself answers "not found"
    }
    Set<String> editable = formFields.editable(taskKey);
    org.camunda.bpm.engine.variable.VariableMap kept = org.camunda.bpm.engine.variable.Variables.createVariables();
    for (String name : submitted.keySet()) {
      if (editable.contains(name)) {
        kept.put(name, submitted.get(name));
      } else {
        log.warn("Dropped variable {} that {} sent with task {}: not a field of its form", name, authentication.getUserId(), taskKey);
      }
    }
    if (kept.size() != submitted.size()) {
      replace(command, fieldName, kept);
    }
  }

  private static String taskIdOf(Command<?> command) {
    return CommandFields.text(command, "taskId");
  }

  private static void replace(Command<?> command, String name, Map<String, Object> value) {
    CommandFields.write(command, name, value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> field(Command<?> command, String name) {
    return (Map<String, Object>) CommandFields.read(command, name).filter(Map.class::isInstance).orElse(null);
  }

  private static boolean is(Command<?> command, List<Class<?>> types) {
    return types.stream().anyMatch(type -> type.isInstance(command));
  }

  /** The retries commands keep whether a due date was given in a field of their own. */
  private static boolean setsDueDate(Command<?> command) {
    // Unreadable: refuse rather than let a due date through.
    return CommandFields.read(command, "isDueDateSet").map(Boolean.TRUE::equals).orElse(true);
  }
}
