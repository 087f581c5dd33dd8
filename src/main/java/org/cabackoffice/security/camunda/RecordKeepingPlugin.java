package org.cabackoffice.security.camunda;

import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.workflow.TaskDecisionRule;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.cabackoffice.security.RefusedAttempts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link RecordKeeping}, then {@link TaskClaims}, in front of every engine command, and has
 * the engine write no per-task authorizations that {@link StaffPermissions}' grants repeat
 * ({@link GrantedTaskAuthorizations}): TaskClaims, not those rows, decides who holds a task.
 */
@Configuration
public class RecordKeepingPlugin {

  @Bean
  AbstractProcessEnginePlugin recordKeeping(
      ObjectProvider<TaskDecisionRule> rules, ObjectProvider<RefusedAttempts> attempts) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        RecordKeeping guard =
            new RecordKeeping(
                () -> configuration.getIdentityService().getCurrentAuthentication(),
                () ->
                    new RefusedAttemptLog(
                        attempts.getObject(),
                        configuration.getIdentityService(),
                        configuration.getHistoryService()),
                taskId -> taskKeyOf(configuration, taskId),
                TaskFormFields.fromClasspath());
        // The service API (REST, web apps, our own code) runs its commands through this chain.
        // The rules are features' beans, built after the engine: looked up when a claim comes.
        TaskClaims claims = new TaskClaims(() -> rules.orderedStream().toList());
        configuration.setCustomPreCommandInterceptorsTxRequired(
            with(with(configuration.getCustomPreCommandInterceptorsTxRequired(), guard), claims));
        configuration.setResourceAuthorizationProvider(new GrantedTaskAuthorizations());
      }
    };
  }

  /** The task's definition key, read without the caller's authorizations (a plain lookup). */
  private static String taskKeyOf(ProcessEngineConfigurationImpl configuration, String taskId) {
    if (taskId == null) {
      return null;
    }
    return WithoutCallersAuthorizations.lookUp(
        configuration.getIdentityService(),
        () -> {
          org.camunda.bpm.engine.task.Task task =
              configuration.getTaskService().createTaskQuery().taskId(taskId).singleResult();
          return task == null ? null : task.getTaskDefinitionKey();
        });
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> existing, CommandInterceptor guard) {
    List<CommandInterceptor> all = new ArrayList<>(existing == null ? List.of() : existing);
    all.add(guard);
    return all;
  }
}
