package org.cabackoffice.security.camunda;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.security.VerifiedLogins;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A staff member's password, account and roles live in the engine's identity tables; when any of
 * them changes (Camunda Admin, {@code /engine-rest/user/…/credentials}, a group or membership
 * removed), the logins {@link VerifiedLogins} remembers may no longer be valid, so they are all
 * forgotten. Identity changes are rare, and each staff member's next call simply checks the
 * password again.
 */
@Configuration
public class StaffLoginChanges {

  @Bean
  AbstractProcessEnginePlugin forgetVerifiedLoginsOnIdentityChanges(ObjectProvider<VerifiedLogins> logins) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Before the engine's transaction interceptor: the change has committed when it returns,
        // so no login checked against the old rows can be remembered after the forgetting.
        List<CommandInterceptor> interceptors =
            new ArrayList<>(
                configuration.getCustomPreCommandInterceptorsTxRequired() == null
                    ? List.of()
                    : configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new ForgetOnIdentityChange(() -> logins.getObject().forgetAll()));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }
    };
  }

  static final class ForgetOnIdentityChange extends CommandInterceptor {
    private final Runnable forget;

    ForgetOnIdentityChange(Runnable forget) {
      this.forget = forget;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!changesIdentity(command)) {
        return next.execute(command);
      }
      try {
        return next.execute(command);
      } finally {
        // Also when it failed: a partly applied change is forgotten rather than trusted.
        forget.run();
      }
    }

    static boolean changesIdentity(Command<?> command) {
      return command instanceof AbstractWritableIdentityServiceCmd<?> || command instanceof UnlockUserCmd;
    }
  }
}
