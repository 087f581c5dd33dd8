package org.cabackoffice.workflow.camunda;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.workflow.ApplicationProcessEnds;
import org.cabackoffice.workflow.RenewalProcess;
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
 * Tells {@link ApplicationProcessEnds} when an application's process ends. The listener is the
 * engine's built-in kind, added when the model is parsed rather than written into the BPMN: a
 * deletion with {@code skipCustomListeners} skips the model's listeners but not this one, and an
 * edited model cannot leave it out.
 */
@Configuration
public class ProcessEndWatch {

  @Bean
  AbstractProcessEnginePlugin applicationProcessEndListener(ObjectProvider<ApplicationProcessEnds> ends) {
    ExecutionListener listener =
        execution -> {
          if (execution.getParentId() != null || execution.getProcessBusinessKey() == null) {
            return;
          }
          boolean cancelled = execution.isCanceled();
          String reason =
              cancelled && execution instanceof ExecutionEntity entity
                  ? entity.getDeleteReason()
                  : execution.getCurrentActivityId();
          String endedBy =
              Context.getCommandContext() == null
                  ? null
                  : Context.getCommandContext().getAuthenticatedUserId();
          ends.getObject()
              .processEnded(BusinessKeys.applicationId(execution), cancelled, endedBy, reason);
        };
    BpmnParseListener parse =
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (RenewalProcess.PROCESS_KEY.equals(processDefinition.getKey())) {
              processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
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
}
