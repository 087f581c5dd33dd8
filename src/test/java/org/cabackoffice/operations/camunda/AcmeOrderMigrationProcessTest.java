package org.cabackoffice.operations.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Map;
import org.cabackoffice.acme.AcmeOrderProcess;
import org.cabackoffice.operations.DeployedVersion;
import org.cabackoffice.operations.ProcessMigrations;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ApplicationContext;

/**
 * Issue 11: an ACME order's instances are migrated the same way as an application's: the
 * {@code acme-order} process is one of the processes operations may change, so its versions are
 * found, planned and moved by the same code.
 */
class AcmeOrderMigrationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension =
      ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();

  ProcessEngine engine;

  static BpmnModelInstance order(String waitId) {
    return Bpmn.createExecutableProcess(AcmeOrderProcess.PROCESS_KEY).camundaHistoryTimeToLive(1000)
        .startEvent("order-created").name("Order created")
        .userTask(waitId).name("Wait for the authorizations")
        .endEvent("order-ended").name("Order ended")
        .done();
  }

  @Test
  void anOrderWaitingOnVersionOneMovesToVersionTwo() {
    RepositoryService repository = engine.getRepositoryService();
    RuntimeService runtime = engine.getRuntimeService();
    String d1 = repository.createDeployment().addModelInstance("acme-order.bpmn", order("await-authorizations")).deploy().getId();
    String d2 = repository.createDeployment().addModelInstance("acme-order.bpmn", order("await-order-authorizations")).deploy().getId();
    try {
      ProcessDefinition v1 = repository.createProcessDefinitionQuery().deploymentId(d1).singleResult();
      ProcessDefinition v2 = repository.createProcessDefinitionQuery().deploymentId(d2).singleResult();
      CamundaProcessModels models = new CamundaProcessModels(repository, runtime, mock(ApplicationContext.class));
      assertThat(models.processKeys()).contains(AcmeOrderProcess.PROCESS_KEY);
      String order = runtime.startProcessInstanceById(v1.getId(), "acme-order-7").getId();
      assertThat(models.version(v1.getId())).get().extracting(DeployedVersion::runningInstances).isEqualTo(1L);
      assertThat(models.latest(AcmeOrderProcess.PROCESS_KEY)).get().extracting(DeployedVersion::definitionId).isEqualTo(v2.getId());

      CamundaProcessMigrations migrations = new CamundaProcessMigrations(repository, runtime, engine.getManagementService());
      ProcessMigrations.Plan plan = migrations.plan(v1.getId(), v2.getId(), null, "acme-order-7", 100, false);
      assertThat(plan.valid()).isTrue();
      assertThat(plan.instances()).singleElement().satisfies(i -> assertThat(i.movable()).isTrue());
      Map<String, String> failures = migrations.migrate(v1.getId(), v2.getId(), List.of(order), false);
      assertThat(failures).isEmpty();
      assertThat(engine.getTaskService().createTaskQuery().processInstanceId(order).singleResult().getTaskDefinitionKey())
          .isEqualTo("await-order-authorizations");
    } finally {
      repository.deleteDeployment(d2, true);
      repository.deleteDeployment(d1, true);
    }
  }
}
