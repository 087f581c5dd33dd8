package org.cabackoffice.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code backoffice.mail.catcher.enabled=true} the mail catcher is started and the
 * application's {@code JavaMailSender} is defined here, pointing at the catcher's actual SMTP
 * port. Boot's own sender backs off ({@code @ConditionalOnMissingBean}); {@code spring.mail.host}
 * and {@code spring.mail.port} are then not used, while {@code spring.mail.default-encoding} and
 * {@code spring.mail.properties.*} still apply. The sender depends on the started catcher, so a
 * random port (0) is known before anything sends.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "backoffice.mail.catcher.enabled", havingValue = "true")
@EnableConfigurationProperties({MailDeliveryProperties.class, MailProperties.class})
public class MailCatcherConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  public MailCatcher mailCatcher(MailDeliveryProperties properties) {
    return new MailCatcher(properties.catcher());
  }

  @Bean
  public JavaMailSenderImpl mailSender(MailCatcher catcher, MailProperties mail) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(catcher.host());
    sender.setPort(catcher.smtpPort());
    sender.setProtocol("smtp");
    if (mail.getDefaultEncoding() != null) {
      sender.setDefaultEncoding(mail.getDefaultEncoding().name());
    }
    sender.getJavaMailProperties().putAll(mail.getProperties());
    return sender;
  }
}
