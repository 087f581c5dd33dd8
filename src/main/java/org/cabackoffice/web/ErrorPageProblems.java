package org.cabackoffice.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of errors raised outside Spring MVC's handlers (a filter's {@code sendError}, an
 * exception escaping a servlet) answers as problem details, as the API's own errors do, instead of
 * Spring Boot's {@code {timestamp, status, error}} JSON. Called directly, it has no error to show
 * (the security rules refuse that call before it gets here).
 */
@RestController
public class ErrorPageProblems implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.NOT_FOUND;
    if (status.value() < 400) {
      status = HttpStatus.NOT_FOUND;
    }
    ProblemDetail problem = ProblemDetail.forStatus(status);
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    // A client error's message is written for the client (sendError of a refusal); a server
    // error's may describe the server's insides.
    if (status.is4xxClientError() && message instanceof String text && !text.isBlank()) {
      problem.setDetail(text);
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      try {
        problem.setInstance(URI.create(path));
      } catch (IllegalArgumentException unparsable) {
        // Then the problem names no instance.
      }
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
