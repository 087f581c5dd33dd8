package org.cabackoffice.workflow.camunda;

import java.util.AbstractMap;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine settings the Spring Boot starter has no property for. */
@Configuration
public class EngineConfiguration {

  @Bean
  AbstractProcessEnginePlugin engineSettings(ApplicationContext context) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Expressions in a model name the delegates and task listeners, no other bean: an edited
        // model cannot call ${applicationIssuance.sign(42)} around the process's checks. This is
        // no sandbox (JUEL reaches classes by reflection), which is why models are deployed only
        // from the reviewed files in bpmn/, never through the API (StaffPermissions).
        configuration.setBeans(new DelegateBeans(context));
        // bpmn/ and forms/ are deployed at start, filtered for duplicates: nothing changed, no
        // new deployment (running applications stay on the current version). Something changed:
        // every resource goes into the new deployment, because the user tasks bind their forms
        // by deployment (camunda:formRefBinding="deployment"); a deployment of the changed file
        // alone would leave a new model without its forms, or a new form unused.
        if (configuration instanceof SpringProcessEngineConfiguration spring) {
          spring.setDeployChangedOnly(false);
        }
      }
    };
  }

  /** The Spring beans a process model may name: delegates and task listeners, looked up lazily. */
  static final class DelegateBeans extends AbstractMap<Object, Object> {
    private final ApplicationContext context;

    DelegateBeans(ApplicationContext context) {
      this.context = context;
    }

    static boolean mayBeNamed(Object name) {
      return name instanceof String bean
          && (bean.endsWith("Delegate") || bean.endsWith("Listener"));
    }

    @Override
    public boolean containsKey(Object name) {
      return mayBeNamed(name) && context.containsBean((String) name);
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return Set.of();
    }
  }
}
