package org.cabackoffice.workflow.camunda;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.cabackoffice.workflow.TaskFormFacts;
import org.cabackoffice.workflow.TaskSubjects;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Tasklist's entries tell apart: every user task of an application's process is named
 * after its step and the application (id, common name, organization), express applications'
 * tasks carry a higher priority, and each task is due at the application's service-level
 * deadline, counted in business days (guide: express the same business day, standard three).
 * Each task also gets the facts its form shows that may have changed since the application
 * arrived ({@link TaskFormFacts}).
 *
 * <p>The listener is the engine's built-in kind, added to every user task when a model is parsed
 * (also inside sub-processes), not written into the BPMN: a reworked model keeps it without
 * anyone remembering to add it.
 */
@Configuration
public class TasklistEntries {

  @Bean
  AbstractProcessEnginePlugin tasklistEntryNames(
      ObjectProvider<TaskSubjects> subjects, ObjectProvider<TaskFormFacts> facts) {
    TaskListener describe =
        task -> {
          describe(task, subjects.getObject());
          showFacts(task, facts);
        };
    BpmnParseListener parse =
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
              userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, describe);
            }
          }
        };
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners =
            new ArrayList<>(
                configuration.getCustomPostBPMNParseListeners() == null
                    ? List.of()
                    : configuration.getCustomPostBPMNParseListeners());
        listeners.add(parse);
        configuration.setCustomPostBPMNParseListeners(listeners);
      }
    };
  }

  /**
   * Task-local, so each task shows what held when it was created and a later task sets its own;
   * the process's variables stay the application's.
   */
  static void showFacts(DelegateTask task, ObjectProvider<TaskFormFacts> facts) {
    applicationId(task)
        .ifPresent(id -> facts.orderedStream().forEach(f -> task.setVariablesLocal(f.of(id))));
  }

  private static java.util.OptionalLong applicationId(DelegateTask task) {
    String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
    try {
      return java.util.OptionalLong.of(Long.parseLong(String.valueOf(businessKey)));
    } catch (NumberFormatException e) {
      return java.util.OptionalLong.empty(); // not an application's process
    }
  }

  static void describe(DelegateTask task, TaskSubjects subjects) {
    java.util.OptionalLong id = applicationId(task);
    if (id.isEmpty()) {
      return;
    }
    long applicationId = id.getAsLong();
    subjects
        .of(applicationId)
        .ifPresent(
            subject -> {
              task.setName(subject.entryName(task.getName()));
              task.setPriority(subject.priority());
              task.setDueDate(Date.from(subject.serviceLevelDeadline()));
            });
  }
}
