package org.cabackoffice.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No API request body may be larger than {@code backoffice.api.max-request-bytes} (1 MiB): the
 * biggest legitimate one, a CSR or a certificate, is a few KiB, and a body is read into memory
 * before its own size rules apply. A declared length above the limit is refused at once (413);
 * a chunked body is cut off when it passes the limit, which the API answers as unreadable (400).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyLimit extends OncePerRequestFilter {

  /** Bank statements are whole files of the day's deposits; they get their own, larger limit. */
  static final String STATEMENTS = "/api/bank-statements";

  private final long maxBytes;
  private final long maxStatementBytes;

  public RequestBodyLimit(
      @Value("${backoffice.api.max-request-bytes:1048576}") long maxBytes,
      @Value("${backoffice.api.max-statement-bytes:5242880}") long maxStatementBytes) {
    this.maxBytes = maxBytes;
    this.maxStatementBytes = maxStatementBytes;
  }

  /** The decoded path: "/%61pi/..." reaches the API too, so the raw URI cannot decide. */
  private static String path(HttpServletRequest request) {
    String info = request.getPathInfo();
    return request.getServletPath() + (info == null ? "" : info);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return !(path.startsWith("/api/") || path.startsWith("/engine-rest/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = path(request);
    // A multipart statement carries its file plus a little framing.
    long maxBytes = path.startsWith(STATEMENTS) ? maxStatementBytes + 64 * 1024 : this.maxBytes;
    if (request.getContentLengthLong() > maxBytes) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/problem+json");
      response
          .getOutputStream()
          .write(
              ("{\"title\":\"Request too large\",\"status\":413,\"detail\":\"the request body"
                      + " is larger than "
                      + maxBytes
                      + " bytes\"}")
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(new Bounded(request, maxBytes), response);
  }

  private static final class Bounded extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    Bounded(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream inner = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = inner.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = inner.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > maxBytes) {
                  throw new IOException("the request body is larger than " + maxBytes + " bytes");
                }
              }

              @Override
              public boolean isFinished() {
                return inner.isFinished();
              }

              @Override
              public boolean isReady() {
                return inner.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                inner.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
