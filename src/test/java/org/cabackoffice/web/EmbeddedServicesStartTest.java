package org.cabackoffice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.cabackoffice.domain.DevelopmentRegistry;
import org.cabackoffice.domain.RegistryAnswer;
import org.cabackoffice.domain.RegistryServer;
import org.cabackoffice.domain.ReferralPolicy;
import org.cabackoffice.domain.WhoisLookup;
import org.cabackoffice.domain.WhoisProperties;
import org.cabackoffice.mail.MailCatcher;
import org.cabackoffice.mail.MailCatcherConfiguration;
import org.cabackoffice.mail.MailDeliveryProperties;
import org.cabackoffice.ports.PortTakenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Issue 8: {@code mvn spring-boot:run} died with a BindException naming no port when another
 * program held 4343, 3025 or 3143. Here the embedded servers start as the application starts them
 * (SpringApplication, application.yml, META-INF/spring.factories) while other programs hold
 * their configured ports.
 */
class EmbeddedServicesStartTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(WhoisProperties.class)
  @Import({DevelopmentRegistry.class, MailCatcherConfiguration.class, StartupAddresses.class})
  static class EmbeddedServers {
    @org.springframework.context.annotation.Bean
    java.time.Clock clock() {
      return java.time.Clock.systemUTC();
    }
  }

  private final List<ServerSocket> otherPrograms = new java.util.ArrayList<>();

  @BeforeEach
  void takePorts() throws Exception {
    for (int i = 0; i < 3; i++) {
      ServerSocket taken = new ServerSocket();
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      otherPrograms.add(taken);
    }
  }

  @AfterEach
  void releasePorts() throws Exception {
    for (ServerSocket taken : otherPrograms) {
      taken.close();
    }
  }

  private int taken(int i) {
    return otherPrograms.get(i).getLocalPort();
  }

  @Test
  void takenPortsAreReplacedAndTheDemoConfigurationFollows() throws Exception {
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(EmbeddedServers.class)
            .web(WebApplicationType.NONE)
            .run(
                "--backoffice.whois.dev-registry.port=" + taken(0),
                "--backoffice.mail.catcher.smtp-port=" + taken(1),
                "--backoffice.mail.catcher.imap-port=" + taken(2))) {
      DevelopmentRegistry registry = app.getBean(DevelopmentRegistry.class);
      MailCatcher catcher = app.getBean(MailCatcher.class);

      assertThat(registry.port()).isPositive().isNotIn(taken(0), taken(1), taken(2));
      assertThat(catcher.smtpPort()).isPositive().isNotIn(taken(0), taken(1), taken(2));
      assertThat(catcher.imapPort()).isPositive().isNotIn(taken(0), taken(1), taken(2), catcher.smtpPort());

      // The demo domains' WHOIS servers name the port the registry listens on, and answer.
      WhoisProperties whois = app.getBean(WhoisProperties.class);
      assertThat(whois.serverFor("sample.co.jp"))
          .contains(new RegistryServer("127.0.0.1", registry.port()));
      assertThat(whois.serverFor("sample-shop.jp"))
          .contains(new RegistryServer("127.0.0.1", registry.port()));
      RegistryAnswer answer =
          new WhoisLookup(whois, ReferralPolicy.publicAddressesOnly()).lookup("sample.co.jp");
      assertThat(answer.record().registrantNames()).containsExactly("Sample K.K.");

      // The mail sender, and spring.mail.port with it, follow the SMTP port actually used.
      assertThat(app.getBean(JavaMailSenderImpl.class).getPort()).isEqualTo(catcher.smtpPort());
      assertThat(app.getEnvironment().getProperty("spring.mail.port", Integer.class))
          .isEqualTo(catcher.smtpPort());

      // The banner prints the ports in use, not the configured ones.
      assertThat(app.getBean(StartupAddresses.class).text())
          .contains("SMTP 127.0.0.1:" + catcher.smtpPort())
          .contains("IMAP 127.0.0.1:" + catcher.imapPort())
          .contains("Development WHOIS       127.0.0.1:" + registry.port())
          .contains("/actuator/health/readiness")
          .contains("/ca/root-ca.crt");
    }
  }

  @Test
  void aPortLostAfterTheCheckFailsNamingThePortAndTheProperty() {
    DevelopmentRegistry registry = new DevelopmentRegistry(taken(0), java.time.Clock.systemUTC());
    assertThatThrownBy(registry::afterPropertiesSet)
        .isInstanceOf(PortTakenException.class)
        .hasMessageContaining("127.0.0.1:" + taken(0))
        .hasMessageContaining("backoffice.whois.dev-registry.port");

    MailCatcher smtpTaken =
        new MailCatcher(new MailDeliveryProperties.Catcher(true, "127.0.0.1", taken(1), 0));
    assertThatThrownBy(smtpTaken::start)
        .isInstanceOf(PortTakenException.class)
        .hasMessageContaining("127.0.0.1:" + taken(1))
        .hasMessageContaining("backoffice.mail.catcher.smtp-port");

    MailCatcher imapTaken =
        new MailCatcher(new MailDeliveryProperties.Catcher(true, "127.0.0.1", 0, taken(2)));
    assertThatThrownBy(imapTaken::start)
        .isInstanceOf(PortTakenException.class)
        .hasMessageContaining("127.0.0.1:" + taken(2))
        .hasMessageContaining("backoffice.mail.catcher.imap-port");
  }
}
