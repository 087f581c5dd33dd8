package org.cabackoffice.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Readiness of the mail path ({@code mailPath} in the readiness group): there is a sender, and
 * with the mail catcher, the catcher runs and the sender points at its SMTP port. An external
 * SMTP server is not connected to here: the outbox keeps mails through its outage and retries
 * (DESIGN.md), so a node without it still takes applications; Boot's {@code mail} indicator in
 * {@code /actuator/health} shows whether it answers.
 */
@Component
class MailPathHealthIndicator extends AbstractHealthIndicator {

  private final ObjectProvider<JavaMailSender> sender;
  private final ObjectProvider<MailCatcher> catcher;

  MailPathHealthIndicator(ObjectProvider<JavaMailSender> sender, ObjectProvider<MailCatcher> catcher) {
    super("mail path check failed");
    this.sender = sender;
    this.catcher = catcher;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      health.down().withDetail("reason", "no mail sender: set spring.mail.host");
      return;
    }
    String host = mail instanceof JavaMailSenderImpl smtp ? smtp.getHost() : null;
    int port = mail instanceof JavaMailSenderImpl smtp ? smtp.getPort() : -1;
    health.withDetail("smtp", host + ":" + port);
    MailCatcher local = catcher.getIfAvailable();
    if (local == null) {
      if (host == null || host.isBlank()) {
        health.down().withDetail("reason", "no SMTP host: set spring.mail.host");
      } else {
        health.up();
      }
      return;
    }
    if (!local.isRunning()) {
      health.down().withDetail("reason", "the mail catcher is not running");
    } else if (port != local.smtpPort()) {
      health.down().withDetail("reason", "the sender does not point at the mail catcher's SMTP port "
          + local.smtpPort());
    } else {
      health.up().withDetail("catcher", "IMAP " + local.host() + ":" + local.imapPort());
    }
  }
}
