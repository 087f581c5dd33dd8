package org.cabackoffice.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * No API request body may be larger than {@code backoffice.api.max-request-bytes} (1 MiB): the
 * biggest legitimate one, a CSR or a certificate, is a few KiB, and a body is read into memory
 * before its own size rules apply. A declared length above the limit is refused at once (413).
 * A body without a declared length (chunked) is counted as Tomcat reads it, whoever reads it:
 * Spring's converters, Jersey, or Tomcat's own multipart parser, which reads past any servlet
 * wrapper and whose global limits must stay large enough for the documents customers upload. The
 * byte after the limit answers 413 and stops the reading.
 */
@Component
public class RequestBodyLimit implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  /**
   * Bank statements are whole files of the day's deposits; they get their own, larger limit (64
   * MiB: a CSV of a million deposits, issue 12), and are spooled to disk, not read into memory.
   */
  static final String STATEMENTS = "/api/bank-statements";

  /** Directory files (issue 8 item 15) are whole exports too. */
  static final String DIRECTORY_IMPORTS = "/api/organization-directory/imports";

  /**
   * Officers attach the documents that arrived by fax or e-mail here (guide [3-1]): PDFs as large
   * as the upload link takes.
   */
  static final java.util.regex.Pattern ATTACHED_DOCUMENTS =
      java.util.regex.Pattern.compile("/api/applications/[^/]+/documents/?");

  /** A multipart statement carries its file plus a little framing. */
  static final long MULTIPART_FRAMING = 64 * 1024;

  private final long maxBytes;
  private final long maxStatementBytes;
  private final long maxDirectoryBytes;
  private final long maxDocumentBytes;

  public RequestBodyLimit(
      @Value("${backoffice.api.max-request-bytes:1048576}") long maxBytes,
      @Value("${backoffice.api.max-statement-bytes:67108864}") long maxStatementBytes,
      @Value("${backoffice.directory.max-import-bytes:10485760}") long maxDirectoryBytes,
      @Value("${backoffice.documents.max-upload-bytes:10485760}") long maxDocumentBytes) {
    this.maxBytes = maxBytes;
    this.maxStatementBytes = maxStatementBytes;
    this.maxDirectoryBytes = maxDirectoryBytes;
    this.maxDocumentBytes = maxDocumentBytes;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextValves(new Limit());
  }

  /** The limit for a decoded path ("/%61pi/…" reaches the API too), or -1 for none. */
  long limitFor(String path) {
    if (path.startsWith(STATEMENTS)) {
      return maxStatementBytes + MULTIPART_FRAMING;
    }
    if (path.startsWith(DIRECTORY_IMPORTS)) {
      return maxDirectoryBytes + MULTIPART_FRAMING;
    }
    if (ATTACHED_DOCUMENTS.matcher(path).matches()) {
      return maxDocumentBytes + MULTIPART_FRAMING;
    }
    return path.startsWith("/api/") || path.startsWith("/engine-rest/") ? maxBytes : -1;
  }

  private final class Limit extends ValveBase {
    Limit() {
      super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
      String uri = request.getDecodedRequestURI();
      long limit = uri == null ? -1 : limitFor(uri.substring(request.getContextPath().length()));
      if (limit < 0) {
        getNext().invoke(request, response);
        return;
      }
      if (request.getContentLengthLong() > limit) {
        tooLarge(response, limit);
        return;
      }
      org.apache.coyote.Request coyote = request.getCoyoteRequest();
      InputBuffer body = coyote.getInputBuffer();
      Counted counted = new Counted(body, limit, response);
      coyote.setInputBuffer(counted);
      try {
        getNext().invoke(request, response);
      } finally {
        // The coyote request is recycled for the connection's next request.
        coyote.setInputBuffer(body);
        if (counted.overflowed) {
          // Tomcat takes the cut-off read for a client that went away and would include its
          // error page into the 413 already sent (running the security rules once more, without
          // the caller): the 413 is the whole report.
          request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
          response.setErrorReported();
        }
      }
    }
  }

  /** Tomcat's view of the body, counted as the application reads it. */
  private static final class Counted implements InputBuffer {
    private final InputBuffer body;
    private final long limit;
    private final Response response;
    private long read;
    private boolean overflowed;

    Counted(InputBuffer body, long limit, Response response) {
      this.body = body;
      this.limit = limit;
      this.response = response;
    }

    @Override
    public int doRead(ApplicationBufferHandler handler) throws IOException {
      int n = body.doRead(handler);
      if (n > 0) {
        read += n;
        if (read > limit) {
          overflowed = true;
          // Whatever the reader makes of the exception (400 unreadable, a multipart failure),
          // the caller gets 413: the answer is written and sealed before the reader sees it.
          tooLarge(response, limit);
          throw new BodyTooLargeException(limit);
        }
      }
      return n;
    }

    @Override
    public int available() {
      return body.available();
    }
  }

  static void tooLarge(Response response, long limit) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(413);
    response.setContentType("application/problem+json");
    response
        .getOutputStream()
        .write(
            ("{\"type\":\"about:blank\",\"title\":\"Request too large\",\"status\":413,"
                    + "\"detail\":\"the request body is larger than "
                    + limit
                    + " bytes\"}")
                .getBytes(StandardCharsets.UTF_8));
    response.flushBuffer();
    response.setSuspended(true);
  }

  /** The body passed its limit; the 413 has been written already. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("the request body is larger than " + limit + " bytes");
    }
  }
}
