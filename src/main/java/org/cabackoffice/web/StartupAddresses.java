package org.cabackoffice.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where everything is once the system is up, so a newcomer need not guess. */
@Component
public class StartupAddresses {

  private static final Logger log = LoggerFactory.getLogger(StartupAddresses.class);

  private final Environment environment;
  private final String baseUrl;

  public StartupAddresses(Environment environment, @Value("${backoffice.base-url}") String baseUrl) {
    this.environment = environment;
    this.baseUrl = baseUrl;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void print() {
    StringBuilder text = new StringBuilder("\n\nCA Back Office is up\n");
    text.append("  Tasklist (officers)     ").append(baseUrl).append("/camunda/app/tasklist/\n");
    text.append("  Cockpit (operations)    ").append(baseUrl).append("/camunda/app/cockpit/\n");
    text.append("  Admin                   ").append(baseUrl).append("/camunda/app/admin/\n");
    text.append("  Application API         ").append(baseUrl).append("/api/applications\n");
    text.append("  Engine REST API         ").append(baseUrl).append("/engine-rest\n");
    if (environment.getProperty("backoffice.mail.catcher.enabled", Boolean.class, false)) {
      text.append("  Mail catcher            ")
          .append(baseUrl)
          .append("/api/dev/mails (admin), IMAP 127.0.0.1:")
          .append(environment.getProperty("backoffice.mail.catcher.imap-port"))
          .append(" (any user, any password)\n");
    }
    if (environment.getProperty("backoffice.demo.enabled", Boolean.class, false)) {
      text.append("  Demo staff              officer, officer2, senior, auditor, operator, admin")
          .append(" (password = user id)\n");
      text.append("  Demo customers          web-admin@sample.co.jp, ssl@agency.example.jp")
          .append(" (password: customer)\n");
    }
    log.info(text.toString());
  }
}
