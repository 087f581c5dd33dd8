package org.cabackoffice.workflow.camunda;

import org.cabackoffice.workflow.RenewalProcess;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the engine ({@code engine} in the readiness group): it answers from its database
 * and the renewal process is deployed, so an application submitted now starts. Whether this node
 * runs jobs is a detail, not a condition: a node may serve HTTP with its job executor off while
 * others run the jobs (README, several nodes).
 */
@Component
class EngineHealthIndicator extends AbstractHealthIndicator {

  private final ProcessEngine engine;

  EngineHealthIndicator(ProcessEngine engine) {
    super("engine check failed");
    this.engine = engine;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    health.withDetail("engine", engine.getName());
    if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl configuration) {
      JobExecutor jobs = configuration.getJobExecutor();
      health.withDetail("jobExecutorActive", jobs != null && jobs.isActive());
    }
    ProcessDefinition renewal =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(RenewalProcess.PROCESS_KEY)
            .latestVersion()
            .singleResult();
    if (renewal == null) {
      health.down().withDetail("reason", "process " + RenewalProcess.PROCESS_KEY + " is not deployed");
    } else {
      health.up().withDetail("process", RenewalProcess.PROCESS_KEY + " version " + renewal.getVersion());
    }
  }
}
