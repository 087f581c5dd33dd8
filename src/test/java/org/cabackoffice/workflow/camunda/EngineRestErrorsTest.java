package org.cabackoffice.workflow.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

class EngineRestErrorsTest {

  @Test
  void restartingARunningInstanceIsAConflict() {
    assertThat(
            EngineRestErrors.statusOf(
                new ProcessEngineException(
                    "ENGINE-13040 Historic process instance 'abc' cannot be restarted. It is not"
                        + " completed or terminated.")))
        .isEqualTo(Response.Status.CONFLICT);
  }

  @Test
  void aConditionNoModelStartsOnIsABadRequest() {
    assertThat(
            EngineRestErrors.statusOf(
                new ProcessEngineException(
                    "ENGINE-13043 No subscriptions were found during evaluation of the conditional"
                        + " start events.")))
        .isEqualTo(Response.Status.BAD_REQUEST);
    assertThat(
            EngineRestErrors.statusOf(
                new ProcessEngineException(
                    "ENGINE-13042 Process definition with id 'x' does not declare conditional start"
                        + " event.")))
        .isEqualTo(Response.Status.BAD_REQUEST);
  }

  @Test
  void aStartWithoutTheVariablesTheModelReadsIsABadRequest() {
    assertThat(
            EngineRestErrors.statusOf(
                new ProcessEngineException(
                    "Cannot instantiate process definition certificate-renewal:1:x: Unknown property"
                        + " used in expression: ${applicationId}. Cause: Cannot resolve identifier"
                        + " 'applicationId'")))
        .isEqualTo(Response.Status.BAD_REQUEST);
  }

  @Test
  void retriesForAJobThatIsGoneAreNotFound() {
    assertThat(EngineRestErrors.statusOf(new ProcessEngineException("ENGINE-13053 No job found with id '42'.'")))
        .isEqualTo(Response.Status.NOT_FOUND);
    // As PUT /job/{id}/retries throws it: the engine's message in a 500 without the cause.
    assertThat(
            EngineRestErrors.statusOf(
                new org.camunda.bpm.engine.rest.exception.InvalidRequestException(
                    Response.Status.INTERNAL_SERVER_ERROR, "ENGINE-13053 No job found with id '42'.'")))
        .isEqualTo(Response.Status.NOT_FOUND);
  }

  @Test
  void otherEngineFailuresStayServerErrors() {
    assertThat(EngineRestErrors.statusOf(new ProcessEngineException("database is gone"))).isNull();
    assertThat(EngineRestErrors.statusOf(new IllegalStateException("bug"))).isNull();
  }
}
