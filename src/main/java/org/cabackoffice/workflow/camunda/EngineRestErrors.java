package org.cabackoffice.workflow.camunda;

import jakarta.annotation.Priority;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine REST API answers many caller mistakes with 500: a task completion whose listener
 * refused it ("Cannot complete task"), an unknown task id, a task someone else has claimed, a
 * model that does not parse, a restart of an instance that is still running, a condition no model
 * starts on. Those are the caller's to fix, so they get a 4xx with the engine's
 * message (a refused officer's decision, {@link OfficerDecision}, is a 400 in the rule's own
 * words); everything else keeps Camunda's answer. The web apps' engine API answers the same.
 */
@Configuration
public class EngineRestErrors {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final java.util.regex.Pattern NO_SUCH_ID =
      java.util.regex.Pattern.compile("\\bNo job(?: definition)? found with id\\b");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The mappers, by name, for the web apps' own engine API ({@code /camunda/api/engine/…}, which
   * Tasklist and Cockpit call): a Jersey application of its own that Spring's customizer does
   * not reach ({@link WebappEngineApiErrors}).
   */
  static final List<Class<?>> MAPPERS =
      List.of(
          RestExceptionMapper.class,
          EngineExceptionMapper.class,
          IncompleteRequestMapper.class,
          UnreadableBodyMapper.class);

  @Bean
  ResourceConfigCustomizer callerMistakesAreClientErrors() {
    return config -> MAPPERS.forEach(config::register);
  }

  /** The status a caller's mistake deserves, or null for a real server error. */
  static Response.Status statusOf(Throwable cause) {
    if (cause instanceof NotFoundException || cause instanceof NullValueException) {
      return Response.Status.NOT_FOUND; // "Cannot find task with id …"
    }
    if (cause instanceof TaskAlreadyClaimedException) {
      return Response.Status.CONFLICT;
    }
    if (cause instanceof BadUserRequestException || cause instanceof ParseException) {
      return Response.Status.BAD_REQUEST;
    }
    // Some resources rethrow the engine's exception as a 500 RestException carrying only its
    // message (JobResourceImpl.setJobRetries): judged by that message like the engine's own.
    if (!(cause instanceof ProcessEngineException || cause instanceof RestException)
        || cause.getMessage() == null) {
      return null;
    }
    String message = cause.getMessage();
    if (message.contains("serialization format is prohibited")) {
      return Response.Status.BAD_REQUEST; // a serialized Java object as a variable value
    }
    // POST /process-definition/{id}/restart of an instance still running (ENGINE-13040).
    if (message.contains("cannot be restarted. It is not completed or terminated")) {
      return Response.Status.CONFLICT;
    }
    // POST /condition when no model starts on a condition (ENGINE-13042, ENGINE-13043): like a
    // message nobody waits for, which Camunda answers with 400.
    if (message.contains("No subscriptions were found during evaluation of the conditional")
        || message.contains("does not declare conditional start event")) {
      return Response.Status.BAD_REQUEST;
    }
    // PUT /job/{id}/retries for a job that is gone (ENGINE-13053 "No job found with id"): the
    // engine throws a plain ProcessEngineException, which Camunda's resource answers with 500.
    // Found by AuthorizationMatrixIT; EngineOperationsWalkIT walks existing ids only.
    if (NO_SUCH_ID.matcher(message).find()) {
      return Response.Status.NOT_FOUND;
    }
    // A start or completion through the REST API without a variable the model reads (an
    // administrator's POST /process-definition/key/certificate-renewal/start with no variables):
    // the expressions read only process variables and the process's beans, and ProcessContractTest
    // holds both to the model, so at this door it is the request that lacks the variable.
    // AuthorizationMatrixIT found it answered 500.
    if (message.contains("Unknown property used in expression")) {
      return Response.Status.BAD_REQUEST;
    }
    return null;
  }

  private static Response answer(Exception thrown, String message) {
    ExpectedRefusal refusal = ExpectedRefusal.in(thrown);
    if (refusal != null) {
      return refused(refusal);
    }
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      Response.Status status = statusOf(cause);
      if (status != null) {
        return ExceptionHandlerHelper.getInstance()
            .getResponse(
                new RestException(
                    status,
                    (Exception) cause,
                    message != null ? message : cause.getMessage()));
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(thrown);
  }

  /**
   * A rule's refusal as problem details (RFC 9457) in the rule's own words, without the
   * engine's ("Cannot submit task form …: ENGINE-03051 …"). {@code message} repeats the detail
   * for Camunda's own clients: Tasklist shows an error's {@code message} to the officer.
   */
  static Response refused(ExpectedRefusal refusal) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Bad Request");
    problem.put("status", 400);
    problem.put("detail", refusal.getMessage());
    problem.put("message", refusal.getMessage());
    try {
      return Response.status(Response.Status.BAD_REQUEST)
          .type(PROBLEM_JSON)
          .entity(JSON.writeValueAsString(problem))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }

  /** Camunda's resources wrap engine exceptions in a RestException, mostly as 500. */
  @Priority(1)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
      if (exception.getStatus() != null
          && exception.getStatus() != Response.Status.INTERNAL_SERVER_ERROR) {
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
      }
      return answer(exception, exception.getMessage());
    }
  }

  /**
   * A body that could not be read to its end: the client went away, or the body passed the
   * API's size limit (then the 413 has been sent already). Nothing for the server's log.
   */
  @Priority(1)
  public static class UnreadableBodyMapper implements ExceptionMapper<IOException> {

    @Override
    public Response toResponse(IOException exception) {
      return Response.status(Response.Status.BAD_REQUEST)
          .type("application/problem+json")
          .entity(
              "{\"type\":\"about:blank\",\"title\":\"Unreadable request\",\"status\":400,"
                  + "\"detail\":\"the request body could not be read to its end\"}")
          .build();
    }
  }

  /** Engine exceptions that reach Jersey unwrapped (claim, deployment create). */
  @Priority(1)
  public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return answer(exception, null);
    }
  }

  /**
   * Camunda's resources unbox the request's fields without checking them: {@code PUT
   * /job/{id}/retries} with no {@code retries}, {@code POST /migration/execute} with no plan and
   * a dozen others throw a NullPointerException before the engine sees the call. That is the
   * caller's incomplete request, answered 400 and logged without a stack.
   */
  @Priority(1)
  public static class IncompleteRequestMapper implements ExceptionMapper<NullPointerException> {

    private static final org.slf4j.Logger log =
        org.slf4j.LoggerFactory.getLogger(IncompleteRequestMapper.class);

    @Override
    public Response toResponse(NullPointerException exception) {
      StackTraceElement origin =
          exception.getStackTrace().length == 0 ? null : exception.getStackTrace()[0];
      log.info("Engine REST request lacked a required field ({})", origin);
      return ExceptionHandlerHelper.getInstance()
          .getResponse(
              new RestException(
                  Response.Status.BAD_REQUEST,
                  exception,
                  "the request lacks a required field; see the engine REST API's documentation"
                      + " of this operation"));
    }
  }
}
