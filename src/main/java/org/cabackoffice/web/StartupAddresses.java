package org.cabackoffice.web;

import org.cabackoffice.domain.DevelopmentRegistry;
import org.cabackoffice.mail.MailCatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where everything is once the system is up, so a newcomer need not guess. It runs after
 * the other start-up listeners (demo users among them: no order means last), so a login tried
 * after this banner works; the embedded servers' ports are the ones they actually listen on,
 * which differ from the configured ones when another program held those (EmbeddedServicePorts).
 */
@Component
public class StartupAddresses {

  private static final Logger log = LoggerFactory.getLogger(StartupAddresses.class);

  private final Environment environment;
  private final String baseUrl;
  private final ObjectProvider<MailCatcher> catcher;
  private final ObjectProvider<DevelopmentRegistry> registry;

  public StartupAddresses(
      Environment environment,
      @Value("${backoffice.base-url}") String baseUrl,
      ObjectProvider<MailCatcher> catcher,
      ObjectProvider<DevelopmentRegistry> registry) {
    this.environment = environment;
    this.baseUrl = baseUrl;
    this.catcher = catcher;
    this.registry = registry;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void print() {
    log.info(text());
  }

  String text() {
    StringBuilder text = new StringBuilder("\n\nCA Back Office is up\n");
    text.append("  Tasklist (officers)     ").append(baseUrl).append("/camunda/app/tasklist/\n");
    text.append("  Cockpit (operations)    ").append(baseUrl).append("/camunda/app/cockpit/\n");
    text.append("  Admin                   ").append(baseUrl).append("/camunda/app/admin/\n");
    text.append("  Application API         ").append(baseUrl).append("/api/applications\n");
    text.append("  Engine REST API         ").append(baseUrl).append("/engine-rest\n");
    text.append("  CA certificates (DER)   ").append(baseUrl).append("/ca/root-ca.crt, ")
        .append(baseUrl).append("/ca/issuing-ca.crt\n");
    text.append("  Health (probes)         ").append(baseUrl).append("/actuator/health/liveness, ")
        .append(baseUrl).append("/actuator/health/readiness\n");
    catcher.ifAvailable(
        mail ->
            text.append("  Mail catcher            ")
                .append(baseUrl)
                .append("/api/dev/mails (admin), SMTP ")
                .append(mail.host()).append(':').append(mail.smtpPort())
                .append(", IMAP ")
                .append(mail.host()).append(':').append(mail.imapPort())
                .append(" (any user, any password)\n"));
    registry.ifAvailable(
        whois ->
            text.append("  Development WHOIS       127.0.0.1:")
                .append(whois.port())
                .append(" (sample.co.jp, sample-shop.jp)\n"));
    if (environment.getProperty("backoffice.demo.enabled", Boolean.class, false)) {
      text.append("  Demo staff              officer, officer2, senior, auditor, operator, operator2, admin")
          .append(" (password = user id)\n");
      text.append("  Demo customers          web-admin@sample.co.jp, ssl@agency.example.jp")
          .append(" (password: customer)\n");
    }
    return text.toString();
  }
}
