package org.cabackoffice.audit.camunda;

import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import org.cabackoffice.audit.ProcessHistory;


import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * Reads {@link HistoryService} (history level full) for {@link ProcessHistory}. Cockpit CE shows
 * no history, so this is the auditors' only view of it besides raw {@code /engine-rest}.
 */
@Component
public class CamundaProcessHistory implements ProcessHistory {

  private final HistoryService history;

  public CamundaProcessHistory(HistoryService history) {
    this.history = history;
  }

  @Override
  public List<TimelineEntry> entriesOf(String businessKey) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance process : processesOf(businessKey)) {
      entries.addAll(entriesOf(process));
    }
    return entries;
  }

  private List<HistoricProcessInstance> processesOf(String businessKey) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .orderByProcessInstanceStartTime()
        .asc()
        .list();
  }

  private List<TimelineEntry> entriesOf(HistoricProcessInstance process) {
    String reference = "process_instance:" + process.getId();
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new TimelineEntry(
            instant(process.getStartTime()),
            TimelineKind.PROCESS_STARTED,
            process.getStartUserId(),
            "Process '"
                + process.getProcessDefinitionKey()
                + "' version "
                + process.getProcessDefinitionVersion()
                + " started",
            reference));
    entries.addAll(activities(process.getId()));
    entries.addAll(incidents(process.getId()));
    entries.addAll(operations(process.getId()));
    entries.addAll(documentsDecisions(process.getId()));
    if (process.getEndTime() != null) {
      String how = process.getState() == null ? "ended" : process.getState().toLowerCase(Locale.ROOT);
      String summary = "Process " + how.replace('_', ' ');
      if (process.getEndActivityId() != null) {
        summary += " at '" + process.getEndActivityId() + "'";
      }
      if (process.getDeleteReason() != null) {
        summary += ": " + process.getDeleteReason();
      }
      entries.add(
          new TimelineEntry(
              instant(process.getEndTime()), TimelineKind.PROCESS_ENDED, null, summary, reference));
    }
    return entries;
  }

  private List<TimelineEntry> activities(String processInstanceId) {
    List<HistoricActivityInstance> activities =
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list();
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      String type = activity.getActivityType();
      String what = words(type) + " '" + nameOf(activity) + "'";
      boolean userTask = "userTask".equals(type);
      // A user task is looked up by its task id (/engine-rest/history/task), the rest by instance.
      String reference =
          userTask && activity.getTaskId() != null
              ? "task:" + activity.getTaskId()
              : "activity_instance:" + activity.getId();
      if (takesNoTime(type)) {
        entries.add(
            new TimelineEntry(
                instant(activity.getStartTime()),
                TimelineKind.ACTIVITY_PASSED,
                null,
                "Passed " + what,
                reference));
        continue;
      }
      entries.add(
          new TimelineEntry(
              instant(activity.getStartTime()),
              TimelineKind.ACTIVITY_STARTED,
              null,
              "Started " + what,
              reference));
      if (activity.getEndTime() == null) {
        continue;
      }
      if (activity.isCanceled()) {
        entries.add(
            new TimelineEntry(
                instant(activity.getEndTime()),
                TimelineKind.ACTIVITY_CANCELLED,
                userTask ? activity.getAssignee() : null,
                "Cancelled " + what + (userTask ? assigneeNote(activity) : ""),
                reference));
      } else if (userTask) {
        // CompletedByAssigneeListener lets only the assignee complete a task, so the assignee
        // is who completed it.
        entries.add(
            new TimelineEntry(
                instant(activity.getEndTime()),
                TimelineKind.ACTIVITY_COMPLETED,
                activity.getAssignee(),
                "Completed " + what + " as " + activity.getAssignee(),
                reference));
      } else {
        entries.add(
            new TimelineEntry(
                instant(activity.getEndTime()),
                TimelineKind.ACTIVITY_COMPLETED,
                null,
                "Completed " + what,
                reference));
      }
    }
    return entries;
  }

  private static String assigneeNote(HistoricActivityInstance activity) {
    return activity.getAssignee() == null
        ? " (unassigned)"
        : " (assigned to " + activity.getAssignee() + ")";
  }

  private List<TimelineEntry> incidents(String processInstanceId) {
    List<HistoricIncident> incidents =
        history
            .createHistoricIncidentQuery()
            .processInstanceId(processInstanceId)
            .orderByCreateTime()
            .asc()
            .list();
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoricIncident incident : incidents) {
      String reference = "incident:" + incident.getId();
      String where = incident.getActivityId() == null ? "" : " at '" + incident.getActivityId() + "'";
      entries.add(
          new TimelineEntry(
              instant(incident.getCreateTime()),
              TimelineKind.INCIDENT_OPENED,
              null,
              "Incident ("
                  + incident.getIncidentType()
                  + ")"
                  + where
                  + ": "
                  + (incident.getIncidentMessage() == null ? "no message" : incident.getIncidentMessage()),
              reference));
      if (incident.getEndTime() != null) {
        boolean resolved = incident.isResolved();
        entries.add(
            new TimelineEntry(
                instant(incident.getEndTime()),
                resolved ? TimelineKind.INCIDENT_RESOLVED : TimelineKind.INCIDENT_DELETED,
                null,
                (resolved ? "Incident resolved" : "Incident deleted") + where,
                reference));
      }
    }
    return entries;
  }

  /**
   * Claims, assignments, job retries and the like done by a logged-in user through Tasklist,
   * Cockpit or the engine REST API, one entry per operation in the CA's words ("claimed «Approve
   * issuance»", not "Claim Task: assignee null -> senior"). The engine logs no variable values
   * here, only names and the changed property, so nothing from a form or a token reaches the
   * timeline.
   */
  private List<TimelineEntry> operations(String processInstanceId) {
    List<UserOperationLogEntry> operations =
        history
            .createUserOperationLogQuery()
            .processInstanceId(processInstanceId)
            .orderByTimestamp()
            .asc()
            .list();
    Map<String, String> taskNames = new HashMap<>();
    history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()
        .forEach(t -> taskNames.put(t.getId(), t.getName()));
    // One operation logs a row per property it changed; they share an operation id.
    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    for (UserOperationLogEntry operation : operations) {
      byOperation.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>()).add(operation);
    }
    List<TimelineEntry> entries = new ArrayList<>();
    for (List<UserOperationLogEntry> rows : byOperation.values()) {
      UserOperationLogEntry first = rows.get(0);
      Map<String, String> changed = new LinkedHashMap<>();
      rows.forEach(r -> { if (r.getProperty() != null) changed.put(r.getProperty(), r.getNewValue()); });
      String task = first.getTaskId() == null ? null : taskNames.getOrDefault(first.getTaskId(), first.getTaskId());
      entries.add(
          new TimelineEntry(
              instant(first.getTimestamp()),
              TimelineKind.ENGINE_OPERATION,
              first.getUserId(),
              describe(first.getOperationType(), first.getEntityType(), task, changed),
              "operation_log:" + first.getOperationId()));
    }
    return entries;
  }

  /**
   * Guide [3-1]: whether an officer asked for documents, and why. The decision lives only in the
   * task's form variables (a request that follows has its own record; "not needed" has none), so
   * it is read from the history: the values the form set when the officer completed the task.
   */
  private List<TimelineEntry> documentsDecisions(String processInstanceId) {
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoricTaskInstance task :
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(DECIDE_DOCUMENTS)
            .finished()
            .orderByHistoricTaskInstanceEndTime()
            .asc()
            .list()) {
      Map<String, Object> values = new HashMap<>();
      for (HistoricDetail detail :
          history
              .createHistoricDetailQuery()
              .variableUpdates()
              .processInstanceId(processInstanceId)
              .orderPartiallyByOccurrence()
              .asc()
              .list()) {
        HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
        boolean ofThisTask =
            task.getId().equals(update.getTaskId())
                || (update.getActivityInstanceId() != null
                    && update.getActivityInstanceId().equals(task.getActivityInstanceId()));
        if (ofThisTask && DOCUMENTS_DECISION_VARIABLES.contains(update.getVariableName())) {
          values.put(update.getVariableName(), update.getValue());
        }
      }
      Object requirement = values.get("documentsRequirement");
      Object note = values.get("documentsNote");
      entries.add(
          new TimelineEntry(
              instant(task.getEndTime()),
              TimelineKind.DOCUMENTS_DECIDED,
              task.getAssignee(),
              ("NEEDED".equals(requirement) ? "Documents needed" : "NOT_NEEDED".equals(requirement) ? "Documents not needed" : "Documents decision " + requirement)
                  + (note == null || note.toString().isBlank() ? "" : ": " + note),
              "task:" + task.getId()));
    }
    return entries;
  }

  private static final String DECIDE_DOCUMENTS = "decide-documents";
  private static final Set<String> DOCUMENTS_DECISION_VARIABLES = Set.of("documentsRequirement", "documentsNote");

  /** An engine operation in words an auditor reads without knowing Camunda's log format. */
  static String describe(String type, String entity, String task, Map<String, String> changed) {
    String what = task == null ? words(entity == null ? "" : entity) : "«" + task + "»";
    String assignee = changed.get("assignee");
    return switch (type == null ? "" : type) {
      case "Claim" -> assignee == null ? "unclaimed " + what : "claimed " + what;
      case "Assign" -> assignee == null ? "unassigned " + what : "assigned " + what + " to " + assignee;
      case "Complete" -> "completed " + what;
      case "Delegate" -> "delegated " + what + (assignee == null ? "" : " to " + assignee);
      case "Resolve" -> "resolved " + what;
      case "SetOwner" -> "made " + changed.get("owner") + " owner of " + what;
      case "SetPriority" -> "set the priority of " + what + " to " + changed.get("priority");
      case "Update" -> "updated " + what + (changed.isEmpty() ? "" : " (" + String.join(", ", changed.keySet()) + ")");
      case "AddComment", "CreateComment" -> "commented on " + what;
      case "AddAttachment" -> "attached a file to " + what;
      case "SetJobRetries", "SetJobRetriesByJobs" ->
          "set the retries of a failed job to " + changed.getOrDefault("retries", "?");
      case "Suspend", "SuspendJob", "SuspendJobDefinition" -> "suspended " + what;
      case "Activate", "ActivateJob", "ActivateJobDefinition" -> "resumed " + what;
      case "Delete" -> "deleted " + what;
      default -> words(type) + " " + what;
    };
  }

  /** Gateways and thrown, start, end and boundary events start and end in the same instant. */
  static boolean takesNoTime(String type) {
    if (type == null) {
      return false;
    }
    String t = type.toLowerCase(Locale.ROOT);
    return t.endsWith("gateway")
        || t.endsWith("endevent")
        || (t.contains("start") && t.contains("event"))
        || t.startsWith("boundary")
        || t.endsWith("boundarycatch")
        || t.contains("throw");
  }

  /** "exclusiveGateway" → "exclusive gateway". */
  static String words(String type) {
    if (type == null) {
      return "activity";
    }
    return type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static String nameOf(HistoricActivityInstance activity) {
    return activity.getActivityName() == null || activity.getActivityName().isBlank()
        ? activity.getActivityId()
        : activity.getActivityName();
  }

  private static Instant instant(Date date) {
    return date.toInstant();
  }
}
