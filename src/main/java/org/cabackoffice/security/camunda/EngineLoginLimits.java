package org.cabackoffice.security.camunda;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's own login throttle is off; {@link org.cabackoffice.security.LoginThrottle} is the
 * only one. Camunda locks a user for good after 10 wrong passwords (until an administrator
 * unlocks it), so anyone who knows an officer's id could stop that officer from working, and
 * between attempts it rejects even the right password for up to a minute while answering as if
 * the password were wrong. The throttle refuses openly (429 with Retry-After) and for a while.
 */
@Configuration
public class EngineLoginLimits {

  @Bean
  AbstractProcessEnginePlugin noEngineLoginLockout() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        // A delay of base × factor^attempts seconds: a base of 0 never delays.
        configuration.setLoginDelayBase(0);
      }
    };
  }
}
