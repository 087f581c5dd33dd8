package org.cabackoffice.workflow.camunda;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps whatever a task listener throws in its own exception ("ENGINE-03051 There was
 * an exception while invoking the TaskListener"), and its command context logs any such exception
 * at ERROR with the whole stack (ENGINE-16004). An officer's refused decision is no error: this
 * interceptor sits between the command and the command context, so it hands the refusal itself
 * on, which the context logs at DEBUG only (as every {@code BadUserRequestException}), and writes
 * the one INFO line the record needs. Any other exception passes untouched and stays an ERROR.
 */
@Configuration
public class ExpectedRefusals {

  private static final Logger log = LoggerFactory.getLogger(ExpectedRefusals.class);

  @Bean
  AbstractProcessEnginePlugin expectedRefusalsAreNoErrors() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> post =
            new ArrayList<>(
                configuration.getCustomPostCommandInterceptorsTxRequired() == null
                    ? List.of()
                    : configuration.getCustomPostCommandInterceptorsTxRequired());
        post.add(new Unwrapping());
        configuration.setCustomPostCommandInterceptorsTxRequired(post);
      }
    };
  }

  static final class Unwrapping extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException thrown) {
        ExpectedRefusal refusal = ExpectedRefusal.in(thrown);
        if (refusal == null || refusal == thrown) {
          throw thrown;
        }
        // Only the wrapped refusal is logged here; once unwrapped, an enclosing command sees the
        // refusal itself and does not log it again.
        String user =
            Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        String asked = command.getClass().getSimpleName().replaceFirst("Cmd$", "");
        log.info("Refused {} to {}: {}", asked, user, refusal.getMessage());
        throw refusal;
      }
    }
  }
}
