package org.cabackoffice.security.camunda;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cabackoffice.security.AccessRefusals;
import org.cabackoffice.security.LoginThrottle;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Camunda web apps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}})
 * checks the password with the engine itself, past Spring Security, so it passes the same {@link
 * LoginThrottle} as HTTP Basic here: a suspended account or address is refused before Camunda
 * looks at the password, and Camunda's answer (200 or 401) is counted.
 */
@Configuration
public class WebappLoginThrottle {

  private static final Pattern LOGIN =
      Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  /** A login form is two short fields; anything longer is no login to count. */
  static final int MAX_FORM_BYTES = 8 * 1024;

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappLoginThrottleFilter(
      LoginThrottle throttle, AccessRefusals refusals) {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(new Filter(throttle, refusals));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    // Before Camunda's own filters and its login resource.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Filter extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final AccessRefusals refusals;

    Filter(LoginThrottle throttle, AccessRefusals refusals) {
      this.throttle = throttle;
      this.refusals = refusals;
    }

    /** The decoded path: "/%6cogin" reaches the login resource too, so the raw URI cannot decide. */
    private static String path(HttpServletRequest request) {
      String info = request.getPathInfo();
      return request.getServletPath() + (info == null ? "" : info);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod()) || !LOGIN.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      // Jersey also takes form fields from the query string, and decodes the body in the charset
      // the request names: a login the throttle cannot attribute to an account is refused, so
      // credentials come in a UTF-8 form body or not at all.
      // The header as sent: Spring's encoding filter may already have set the request's
      // encoding to UTF-8, while Jersey decodes by the header.
      String charset = charsetOf(request.getHeader("Content-Type"));
      if (request.getQueryString() != null
          || (charset != null
              && !charset.equalsIgnoreCase("UTF-8")
              && !charset.equalsIgnoreCase("US-ASCII")
              && !charset.equalsIgnoreCase("ISO-8859-1"))) {
        response.sendError(
            HttpStatus.BAD_REQUEST.value(),
            "log in with a UTF-8 form body; no query parameters, no other character set");
        return;
      }
      byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
      if (form.length > MAX_FORM_BYTES) {
        response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value(), "a login form is at most 8 KiB");
        return;
      }
      String account = field(new String(form, StandardCharsets.UTF_8), "username").orElse(null);
      String address = request.getRemoteAddr();
      Optional<Duration> suspended = throttle.suspension(account, address);
      if (suspended.isPresent()) {
        refusals.suspendedLogins(request, response, suspended.get());
        return;
      }
      chain.doFilter(new Replayed(request, form), response);
      if (response.getStatus() == HttpServletResponse.SC_OK) {
        throttle.succeeded(account);
      } else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        throttle.failed(account, address);
      }
    }

    private static String charsetOf(String contentType) {
      if (contentType == null) {
        return null;
      }
      for (String parameter : contentType.split(";")) {
        String[] pair = parameter.trim().split("=", 2);
        if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
          return pair[1].trim().replace("\"", "");
        }
      }
      return null;
    }

    /** One field of an application/x-www-form-urlencoded body. */
    static Optional<String> field(String form, String name) {
      try {
        for (String pair : form.split("&")) {
          int eq = pair.indexOf('=');
          String key = eq < 0 ? pair : pair.substring(0, eq);
          if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
            return Optional.of(
                URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8));
          }
        }
      } catch (IllegalArgumentException malformed) {
        // Counted by address only; Camunda refuses the form itself.
      }
      return Optional.empty();
    }
  }

  /** Hands Camunda the form this filter has already read. */
  private static final class Replayed extends HttpServletRequestWrapper {
    private final byte[] body;

    Replayed(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the login form is read synchronously");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
