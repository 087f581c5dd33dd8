package org.cabackoffice.workflow.camunda;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.stream.Collectors;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tasklist and Cockpit do not call {@code /engine-rest} but the web apps' own engine API
 * ({@code /camunda/api/engine/…}), a Jersey servlet the Camunda starter registers as "Engine Api"
 * with {@code EngineRestApplication}. That API answered a refused task completion with 500 and the
 * engine's wording; given {@link EngineRestErrors}'s mappers it answers as {@code /engine-rest}
 * does. Jersey reads extra providers from the servlet's {@code provider.classnames} parameter; it
 * is set once every initializer has run, the starter's included, whatever their order.
 */
@Configuration
public class WebappEngineApiErrors {

  static final String ENGINE_API_SERVLET = "Engine Api";
  static final String PROVIDER_CLASSNAMES = "jersey.config.server.provider.classnames";

  @Bean
  ServletContextInitializer webappEngineApiAnswersLikeEngineRest() {
    return servletContext ->
        servletContext.addListener(
            new ServletContextListener() {
              @Override
              public void contextInitialized(ServletContextEvent event) {
                // The context given to the initializer: a programmatic listener's own view of it
                // may not look at registrations (Servlet 3.0, section 4.4).
                ServletRegistration api = servletContext.getServletRegistration(ENGINE_API_SERVLET);
                if (api == null) {
                  return; // the web apps are switched off (camunda.bpm.webapp.enabled=false)
                }
                api.setInitParameter(
                    PROVIDER_CLASSNAMES,
                    EngineRestErrors.MAPPERS.stream()
                        .map(Class::getName)
                        .collect(Collectors.joining(",")));
              }
            });
  }
}
