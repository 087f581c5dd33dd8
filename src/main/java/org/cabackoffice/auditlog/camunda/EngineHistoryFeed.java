package org.cabackoffice.auditlog.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cabackoffice.auditlog.AuditEntry;
import org.cabackoffice.auditlog.EngineEvents;
import org.cabackoffice.auditlog.TransactionAuditTrail;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds a handler to the engine's composite history handler (the database handler stays): process
 * starts and ends, user-task completions and deletions, incidents, and the user operation log
 * (who claimed, completed, changed or deployed what through the API or the web apps) become
 * audit entries queued for the command's transaction, so a rolled-back command logs nothing.
 */
@Configuration
public class EngineHistoryFeed {

  @Bean
  AbstractProcessEnginePlugin auditLogFeed(ObjectProvider<TransactionAuditTrail> trail) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
          handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new AuditHistoryHandler(trail));
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
      }
    };
  }

  static final class AuditHistoryHandler implements HistoryEventHandler {
    private final ObjectProvider<TransactionAuditTrail> trail;

    AuditHistoryHandler(ObjectProvider<TransactionAuditTrail> trail) {
      this.trail = trail;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      AuditEntry entry = entryFor(event);
      if (entry != null) {
        TransactionAuditTrail log = trail.getObject();
        if (!log.queue(entry)) {
          log.appendAlone(List.of(entry));
        }
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  /** The entry for an event the log keeps, or null for the rest (activity and variable detail). */
  static AuditEntry entryFor(HistoryEvent event) {
    Map<String, Object> details = new TreeMap<>();
    details.put("processDefinitionKey", event.getProcessDefinitionKey());
    details.put("processDefinitionVersion", event.getProcessDefinitionVersion());
    details.put("processInstanceId", event.getProcessInstanceId());
    String kind;
    String actor = authenticatedUser();
    String businessKey = null;
    if (event instanceof HistoricProcessInstanceEventEntity process) {
      if (!isOneOf(event, "start", "end")) {
        return null;
      }
      kind = "process-instance." + event.getEventType();
      businessKey = process.getBusinessKey();
      details.put("startActivityId", process.getStartActivityId());
      details.put("endActivityId", process.getEndActivityId());
      details.put("deleteReason", process.getDeleteReason());
      details.put("state", process.getState());
      if (actor == null) {
        actor = process.getStartUserId();
      }
    } else if (event instanceof HistoricTaskInstanceEventEntity task) {
      if (!isOneOf(event, "complete", "delete")) {
        return null;
      }
      kind = "user-task." + event.getEventType();
      details.put("taskId", task.getTaskId());
      details.put("taskDefinitionKey", task.getTaskDefinitionKey());
      details.put("name", task.getName());
      details.put("assignee", task.getAssignee());
      details.put("deleteReason", task.getDeleteReason());
    } else if (event instanceof HistoricIncidentEventEntity incident) {
      kind = "incident." + event.getEventType();
      details.put("incidentType", incident.getIncidentType());
      details.put("activityId", incident.getActivityId());
      details.put("message", incident.getIncidentMessage());
    } else if (event instanceof UserOperationLogEntryEventEntity operation) {
      kind = "user-operation." + operation.getOperationType();
      details.put("entityType", operation.getEntityType());
      details.put("property", operation.getProperty());
      details.put("taskId", operation.getTaskId());
      details.put("jobId", operation.getJobId());
      details.put("deploymentId", operation.getDeploymentId());
      details.put("category", operation.getCategory());
      if (operation.getUserId() != null) {
        actor = operation.getUserId();
      }
    } else {
      return null;
    }
    if (businessKey == null) {
      businessKey = businessKeyOf(event.getProcessInstanceId());
    }
    details.put("businessKey", businessKey);
    return new AuditEntry(
        "engine",
        kind,
        EngineEvents.subject(event.getProcessDefinitionKey(), businessKey, event.getProcessInstanceId()),
        actor,
        EngineEvents.json(details));
  }

  private static boolean isOneOf(HistoryEvent event, String... types) {
    for (String type : types) {
      if (type.equals(event.getEventType())) {
        return true;
      }
    }
    return false;
  }

  private static String authenticatedUser() {
    CommandContext command = Context.getCommandContext();
    return command == null ? null : command.getAuthenticatedUserId();
  }

  /** From the command's cache of executions: the instance is loaded already when its events fire. */
  private static String businessKeyOf(String processInstanceId) {
    CommandContext command = Context.getCommandContext();
    if (command == null || processInstanceId == null) {
      return null;
    }
    ExecutionEntity instance =
        command.getDbEntityManager().getCachedEntity(ExecutionEntity.class, processInstanceId);
    return instance == null ? null : instance.getBusinessKey();
  }
}
