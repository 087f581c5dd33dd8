package org.cabackoffice.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import org.cabackoffice.application.ApplicationRefusedException;
import org.cabackoffice.application.IntakeFinding;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal answers as RFC 9457 problem details; where the customer can fix fields, a
 * {@code findings} list names each field, a stable code and what is wrong.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ApplicationRefusedException.class)
  ResponseEntity<ProblemDetail> refused(ApplicationRefusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle("Application refused");
    problem.setProperty("findings", e.findings());
    return ResponseEntity.status(e.status()).body(problem);
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
    return ResponseEntity.badRequest()
        .body(
            ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "the multipart request cannot be read (boundary, parts or size): "
                    + e.getMostSpecificCause().getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "parameter '" + e.getName() + "' cannot be '" + e.getValue() + "'");
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<IntakeFinding> findings =
        ex.getBindingResult().getFieldErrors().stream()
            .map(
                error ->
                    new IntakeFinding(
                        error.getField(),
                        "field.invalid",
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
            .toList();
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

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String reason = ex.getMostSpecificCause().getMessage();
    // Jackson's messages quote the offending input; keep the first line only.
    if (reason != null && reason.contains("\n")) {
      reason = reason.substring(0, reason.indexOf('\n'));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "the request body is not valid JSON for this API: " + reason);
    problem.setTitle("Unreadable request");
    problem.setProperty("findings", List.of(Map.of("field", fieldOf(ex), "code", "body.unreadable")));
    return ResponseEntity.badRequest().body(problem);
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
