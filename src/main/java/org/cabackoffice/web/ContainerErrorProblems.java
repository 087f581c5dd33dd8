package org.cabackoffice.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (an encoded slash or NUL in the path,
 * a request line or path too long, a malformed request line) answer as problem details like
 * every other error, instead of Tomcat's HTML error page.
 */
@Component
public class ContainerErrorProblems
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          var host = context.getParent();
          // Spring Boot adds its own ErrorReportValve to the host; it must not answer first.
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReport)) {
              host.getPipeline().removeValve(valve);
            }
          }
          if (host instanceof StandardHost standard) {
            standard.setErrorReportValveClass(ProblemReport.class.getName());
          }
          host.getPipeline().addValve(new ProblemReport());
        });
  }

  /** Tomcat's error report, as RFC 9457 problem details without server details. */
  public static class ProblemReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail =
          status == 400
              ? "the request cannot be read: a malformed request line, a path with an encoded"
                  + " slash, backslash or NUL, or a request line or headers that are too long"
              : title;
      try {
        response.setContentType("application/problem+json");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + detail
                  + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The connection is gone or the response already started: nothing more to tell.
      }
    }
  }
}
