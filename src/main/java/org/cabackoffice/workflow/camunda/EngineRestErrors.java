package org.cabackoffice.workflow.camunda;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers a task completion whose listener refused it with 500 ("Cannot
 * complete task"), whatever the listener threw. An officer's refused decision ({@link
 * OfficerDecision}) is a bad request: this mapper finds it in the cause chain and answers 400
 * with the same message; everything else keeps Camunda's answer.
 */
@Configuration
public class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer officerDecisionsAreBadRequests() {
    return config -> config.register(RefusedDecisionMapper.class);
  }

  @Priority(1)
  public static class RefusedDecisionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof BadUserRequestException) {
          return ExceptionHandlerHelper.getInstance()
              .getResponse(
                  new RestException(
                      Response.Status.BAD_REQUEST, (Exception) cause, exception.getMessage()));
        }
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }
}
