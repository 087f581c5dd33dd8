package org.cabackoffice.workflow.camunda;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine settings the Spring Boot starter has no property for. */
@Configuration
public class EngineConfiguration {

  @Bean
  AbstractProcessEnginePlugin deployChangedResourcesOnly() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // bpmn/ and forms/ are deployed at every start; only a changed model may become a new
        // version, or every restart would leave running applications on an "old" version.
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
          spring.setDeployChangedOnly(true);
        }
      }
    };
  }
}
