package org.cabackoffice.ocsp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * RFC 6960 A.1 / RFC 5019 5: a GET request carries the url-encoded base64 of the DER request, in
 * which '/' is written %2F (nginx's OCSP stapling, Windows CryptoAPI). Tomcat rejects %2F and so
 * does Spring Security's firewall; here Tomcat passes it on undecoded (so it never becomes a path
 * separator anywhere), and the firewall allows it only under {@code /ocsp/}, where the
 * controller decodes the base64 itself. Every other path is checked exactly as before.
 */
@Configuration(proxyBeanMethods = false)
class OcspGetPaths {

  static final String PREFIX = "/ocsp/";

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesStayEncoded() {
    return factory ->
        factory.addConnectorCustomizers(
            connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
  }

  @Bean
  WebSecurityCustomizer ocspRequestsInThePath() {
    return web -> web.httpFirewall(new OcspFirewall());
  }

  /** The strict firewall, with encoded slashes allowed in OCSP GET paths only. */
  static final class OcspFirewall implements HttpFirewall {
    private final StrictHttpFirewall strict = new StrictHttpFirewall();
    private final StrictHttpFirewall ocsp = new StrictHttpFirewall();

    OcspFirewall() {
      ocsp.setAllowUrlEncodedSlash(true);
      // Base64 holds "//" in about one request in forty (it depends on the serial): "%2F%2F", which
      // the strict firewall takes for a double slash. Refused, nginx got a 400 instead of an OCSP
      // response and stapled nothing for minutes (NginxStaplingIT failed now and then).
      ocsp.setAllowUrlEncodedDoubleSlash(true);
      // Passed through undecoded, "%2F" stays in the servlet path, where a '%' is otherwise
      // taken for a double encoding; base64 itself never holds one.
      ocsp.setAllowUrlEncodedPercent(true);
    }

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean ocspGet = "GET".equals(request.getMethod()) && path.startsWith(PREFIX) && !path.contains("..");
      return (ocspGet ? ocsp : strict).getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
      return strict.getFirewalledResponse(response);
    }
  }
}
