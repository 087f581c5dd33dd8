package org.cabackoffice.workflow.camunda;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.workflow.ApplicationProcessEnds;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.RevocationProcess;
import org.cabackoffice.workflow.RevocationProcessEnds;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells {@link ApplicationProcessEnds} when an application's process ends, and {@link
 * RevocationProcessEnds} when a revocation request's does. The listener is the
 * engine's built-in kind, added when the model is parsed rather than written into the BPMN: a
 * deletion with {@code skipCustomListeners} skips the model's listeners but not this one, and an
 * edited model cannot leave it out.
 */
@Configuration
public class ProcessEndWatch {

  @Bean
  AbstractProcessEnginePlugin applicationProcessEndListener(
      ObjectProvider<ApplicationProcessEnds> ends, ObjectProvider<RevocationProcessEnds> revocationEnds) {
    ExecutionListener revocationListener =
        execution -> {
          if (execution.getParentId() != null) {
            return;
          }
          RevocationProcess.requestId(execution.getProcessBusinessKey())
              .ifPresent(
                  requestId ->
                      revocationEnds
                          .getObject()
                          .processEnded(
                              requestId,
                              execution.isCanceled(),
                              endedBy(),
                              reason(execution, execution.isCanceled())));
        };
    ExecutionListener listener =
        execution -> {
          if (execution.getParentId() != null || execution.getProcessBusinessKey() == null) {
            return;
          }
          boolean cancelled = execution.isCanceled();
          ends.getObject()
              .processEnded(
                  BusinessKeys.applicationId(execution), cancelled, endedBy(), reason(execution, cancelled));
        };
    BpmnParseListener parse =
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (RenewalProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
              processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
            }
            if (RevocationProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
              processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, revocationListener);
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

  private static String endedBy() {
    return Context.getCommandContext() == null
        ? null
        : Context.getCommandContext().getAuthenticatedUserId();
  }

  private static String reason(org.camunda.bpm.engine.delegate.DelegateExecution execution, boolean cancelled) {
    return cancelled && execution instanceof ExecutionEntity entity
        ? entity.getDeleteReason()
        : execution.getCurrentActivityId();
  }
}
