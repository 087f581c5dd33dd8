package org.cabackoffice.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Spring Security's refusals answer as RFC 9457 problem details like every other error of the
 * API: 401 when the caller is unknown (with the Basic challenge where Basic is the way in), 403
 * when the caller may not, 429 while its logins are suspended.
 */
@Component
public class AccessRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String REALM = "CA Back Office";

  private final ObjectMapper json;

  public AccessRefusals(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
      throws IOException {
    if (refusal instanceof LoginsSuspendedException suspended) {
      suspendedLogins(request, response, suspended.retryAfter());
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    // Browsers opening a web app page must not get a password dialog; API clients need the
    // challenge, and so do the staff pages, whose only login is the browser's Basic dialog.
    if (path.startsWith("/api/") || path.startsWith("/engine-rest") || path.startsWith("/team/")) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
    }
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Authentication required",
        "log in with a user and password (HTTP Basic) to use this address");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "Not allowed",
        "your role does not allow " + request.getMethod() + " on this address");
  }

  /** 429 with Retry-After: the password was not even looked at. */
  public void suspendedLogins(
      HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
      throws IOException {
    long retryAfterSeconds = LoginsSuspendedException.wholeSeconds(retryAfter);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    write(
        request,
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many failed logins",
        "too many failed logins for this account or from this address; try again in "
            + retryAfterSeconds
            + " seconds");
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    json.writeValue(response.getOutputStream(), problem);
  }
}
