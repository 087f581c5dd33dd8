package org.cabackoffice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.input.TextInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Query and form parameters of the API and the public pages are single-line plain text
 * ({@link TextInput}): {@code ?customer=a%00b} or {@code ?fileName=} reach database queries and
 * rows, and PostgreSQL answers a U+0000 with an error quoting the SQL (issue 7). JSON bodies are
 * held to the same floor by {@link JsonTextRules}. Multipart parts are left to their endpoint
 * (reading them here would parse the whole upload before its size checks); only such a request's
 * query string is checked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ParameterTextRule extends OncePerRequestFilter {

  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !(path.startsWith("/api/") || path.startsWith("/public/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Map.Entry<String, String>> refused = firstRefused(parameters(request));
    if (refused.isPresent()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      String field = refused.get().getKey();
      String reason = refused.get().getValue();
      response
          .getWriter()
          .write(
              "{\"title\":\"Invalid request\",\"status\":400,\"detail\":"
                  + json("parameter " + field + ": " + reason)
                  + ",\"findings\":[{\"field\":"
                  + json(field)
                  + ",\"code\":\""
                  + ApiExceptionHandler.TEXT_REFUSED
                  + "\",\"message\":"
                  + json(reason)
                  + "}]}");
      return;
    }
    chain.doFilter(request, response);
  }

  private static Map<String, List<String>> parameters(HttpServletRequest request) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
      request.getParameterMap().forEach((name, values) -> parameters.put(name, List.of(values)));
      return parameters;
    }
    String query = request.getQueryString();
    if (query == null) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text; // the servlet container and the endpoint refuse it on their own
    }
  }

  static Optional<Map.Entry<String, String>> firstRefused(Map<String, List<String>> parameters) {
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      Optional<String> nameProblem = TextInput.singleLineProblem(name);
      if (nameProblem.isPresent()) {
        return Optional.of(Map.entry("(name)", "a parameter name " + nameProblem.get()));
      }
      for (String value : parameter.getValue()) {
        Optional<String> problem = TextInput.singleLineProblem(value);
        if (problem.isPresent()) {
          return Optional.of(Map.entry(name, problem.get()));
        }
      }
    }
    return Optional.empty();
  }

  /** A JSON string literal; the texts here are ours or a parameter's name. */
  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)
          || (c >= '\u2028' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
