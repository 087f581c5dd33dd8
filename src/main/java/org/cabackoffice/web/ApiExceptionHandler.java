package org.cabackoffice.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cabackoffice.application.ApplicationNotFoundException;
import org.cabackoffice.application.ApplicationRefusedException;
import org.cabackoffice.application.IntakeFinding;
import org.cabackoffice.payment.PaymentRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal answers as RFC 9457 problem details; where the customer can fix fields, a
 * {@code findings} list names each field, a stable code and what is wrong.
 *
 * <p>A detail is written for the client: it never carries an exception's own message, which may
 * quote SQL, a parser's classes or the stack (issue 7). What no handler expects is a 500 without
 * detail, logged with an incident id that the answer names.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** Stable code of a field refused by {@code @SingleLine} or {@code @PlainText}. */
  static final String TEXT_REFUSED = "text.forbidden-character";

  @ExceptionHandler(ApplicationRefusedException.class)
  ResponseEntity<ProblemDetail> refused(ApplicationRefusedException e) {
    HttpStatus status =
        switch (e.ground()) {
          case NO_ACCOUNT -> HttpStatus.FORBIDDEN;
          case UNREADABLE -> HttpStatus.BAD_REQUEST;
          case AGAINST_THE_RULES -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("Application refused");
    problem.setProperty("findings", e.findings());
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(ApplicationNotFoundException.class)
  ResponseEntity<ProblemDetail> noSuchApplication(ApplicationNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  @ExceptionHandler(PaymentRefused.class)
  ResponseEntity<ProblemDetail> paymentRefused(PaymentRefused e) {
    HttpStatus status =
        switch (e.reason()) {
          case NO_INVOICE -> HttpStatus.NOT_FOUND;
          case ALREADY_PAID, INVOICE_CANCELLED, NOT_INVOICED_YET -> HttpStatus.CONFLICT;
          case AMOUNT_MISMATCH, COUPON_UNKNOWN, COUPON_USED, COUPON_EXPIRED, COUPON_WRONG_PRODUCT ->
              HttpStatus.UNPROCESSABLE_ENTITY;
          case VALUE_DATE_TOO_EARLY, VALUE_DATE_IN_FUTURE, VALUE_DATE_BEFORE_INVOICE, INVALID_INPUT ->
              HttpStatus.BAD_REQUEST;
        };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("Payment refused");
    problem.setProperty("reason", e.reason().name());
    if (e.expectedYen() != null) {
      problem.setProperty("invoiceTotalYen", e.expectedYen());
      problem.setProperty("receivedYen", e.receivedYen());
    }
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
    boolean tooLarge = e instanceof MaxUploadSizeExceededException;
    HttpStatus status = tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status)
        .body(
            ProblemDetail.forStatusAndDetail(
                status,
                tooLarge
                    ? "the multipart request is larger than the server takes"
                    : "the multipart request cannot be read: check its boundary and parts"));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    // The value is not echoed: it is whatever the client sent, control characters included.
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "parameter '" + e.getName() + "' " + expected(e.getRequiredType()));
    problem.setProperty(
        "findings", List.of(new IntakeFinding(e.getName(), "parameter.invalid", expected(e.getRequiredType()))));
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * Method security refuses a caller whom the filter chain let in: that caller is authenticated
   * (every {@code /api/} path requires it), so the answer is 403. An anonymous caller goes back
   * to Spring Security, which asks for credentials.
   */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) throws AccessDeniedException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || caller instanceof AnonymousAuthenticationToken) {
      throw e;
    }
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.FORBIDDEN, "your role may not do this with this resource"));
  }

  @ExceptionHandler(AuthenticationException.class)
  void unauthenticated(AuthenticationException e) throws AuthenticationException {
    throw e;
  }

  /** Anything no handler expects: a bug or a failing dependency, never the client's input. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    String incident = UUID.randomUUID().toString();
    log.error(
        "unexpected failure of {} {} (incident {})",
        request.getMethod(),
        request.getRequestURI(),
        incident,
        e);
    ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    problem.setTitle("Internal error");
    problem.setDetail(
        "the request could not be completed; it was logged as incident " + incident);
    problem.setProperty("incident", incident);
    return ResponseEntity.internalServerError().body(problem);
  }

  /** Spring's own exceptions keep their status; their body is rebuilt without internal text. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (statusCode.is5xxServerError()) {
      String incident = UUID.randomUUID().toString();
      log.error("request failed in the web layer (incident {})", incident, ex);
      ProblemDetail problem = ProblemDetail.forStatus(statusCode);
      problem.setDetail("the request could not be completed; it was logged as incident " + incident);
      problem.setProperty("incident", incident);
      body = problem;
    }
    return super.handleExceptionInternal(ex, body, headers, statusCode, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<IntakeFinding> findings =
        ex.getBindingResult().getFieldErrors().stream().map(ApiExceptionHandler::finding).toList();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            findings.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request"));
    problem.setTitle("Invalid request");
    problem.setProperty("findings", findings);
    return ResponseEntity.badRequest().body(problem);
  }

  private static IntakeFinding finding(FieldError error) {
    String constraint = error.getCode();
    String code =
        "SingleLine".equals(constraint) || "PlainText".equals(constraint)
            ? TEXT_REFUSED
            : "field.invalid";
    return new IntakeFinding(
        error.getField(),
        code,
        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = fieldOf(ex);
    String reason = reasonOf(ex);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "the request body is not valid JSON for this API: "
                + (field.isEmpty() ? "" : field + " ")
                + reason);
    problem.setTitle("Unreadable request");
    boolean text = ex.getMostSpecificCause() instanceof JsonTextRules.TextRefused;
    problem.setProperty(
        "findings",
        List.of(
            Map.of(
                "field", field,
                "code", text ? TEXT_REFUSED : "body.unreadable",
                "message", reason)));
    return ResponseEntity.badRequest().body(problem);
  }

  /**
   * What is wrong with the body, in the API's terms: Jackson's own messages name Java types
   * ({@code ApplicationForm$Organization}) and quote the input.
   */
  static String reasonOf(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getMostSpecificCause();
    if (cause instanceof JsonTextRules.TextRefused refused) {
      return refused.getOriginalMessage();
    }
    if (cause instanceof JsonEOFException) {
      return "the body ends before its JSON value does";
    }
    if (cause instanceof JsonParseException parse) {
      return "the body is not well-formed JSON (line "
          + parse.getLocation().getLineNr()
          + ", column "
          + parse.getLocation().getColumnNr()
          + ")";
    }
    if (cause instanceof MismatchedInputException mismatch) {
      String message = mismatch.getOriginalMessage();
      if (message != null && message.startsWith("Trailing token")) {
        return "the body holds more than one JSON value; send exactly one";
      }
      if (mismatch.getTargetType() != null) {
        return expected(mismatch.getTargetType());
      }
    }
    if (cause instanceof JsonMappingException) {
      return "has a value of the wrong type";
    }
    return "the body is missing or is not JSON";
  }

  /** What a value of {@code type} looks like, as the client writes it. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "has a value of the wrong type";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == Long.class
        || type == long.class
        || type == Integer.class
        || type == int.class
        || type == Short.class
        || type == short.class
        || type == BigInteger.class) {
      return "must be a whole number";
    }
    if (Number.class.isAssignableFrom(type)
        || type == double.class
        || type == float.class
        || type == BigDecimal.class) {
      return "must be a number";
    }
    if (type == LocalDate.class) {
      return "must be a date as YYYY-MM-DD";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be a date and time as ISO 8601";
    }
    if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
      return "must be text";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "must be a list";
    }
    return "must be a JSON object";
  }

  /**
   * The JSON path of the value Jackson could not take ({@code organization.nameEn}, {@code
   * product}), so the customer sees which field to fix; empty when the body is not JSON at all.
   */
  static String fieldOf(HttpMessageNotReadableException ex) {
    if (!(ex.getMostSpecificCause() instanceof JsonMappingException mapping)) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
