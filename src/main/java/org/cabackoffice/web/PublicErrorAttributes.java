package org.cabackoffice.web;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.context.request.WebRequest;

/**
 * The {@code /error} page's body, for what fails outside the API's handlers (filters, the
 * container). {@code server.error.include-message=always} keeps the reasons our own code gives
 * with {@code sendError} or a ResponseStatusException; an exception's own message is replaced,
 * since it may quote SQL or a library's classes (issue 7).
 */
@Component
public class PublicErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Throwable error = getError(request);
    if (error != null && !(error instanceof ErrorResponse) && attributes.containsKey("message")) {
      attributes.put("message", "the request could not be completed");
    }
    return attributes;
  }
}
