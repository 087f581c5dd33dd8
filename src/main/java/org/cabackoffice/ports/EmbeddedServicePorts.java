package org.cabackoffice.ports;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Moves an embedded server whose port another program holds to a free port before anything is
 * configured with it, so {@code mvn spring-boot:run} starts beside another instance, a second
 * checkout or a local mail server (issue 8). The new port is written over the server's property,
 * so whatever names that property follows it: the demo domains' WHOIS servers ({@code
 * 127.0.0.1:${backoffice.whois.dev-registry.port}} in application.yml) and {@code
 * spring.mail.port}. The servers print the ports they listen on, and so does the start banner.
 *
 * <p>Port 0 of the development registry is chosen here too: its clients are configured by
 * property and cannot learn a port the registry picks later. The mail catcher's 0 is left to it;
 * its sender asks it for the port (MailCatcherConfiguration).
 *
 * <p>Between this check and the server's bind another program may still take the port; the server
 * then fails with {@link PortTakenException}, naming the port and the property.
 */
public class EmbeddedServicePorts implements EnvironmentPostProcessor, Ordered {

  static final String SOURCE = "embeddedServicePorts";

  /** An embedded server: what to call it, when it runs, where it listens, what follows its port. */
  record Server(
      String name,
      String enabledProperty,
      String portProperty,
      int defaultPort,
      String hostProperty,
      boolean chooseForZero,
      List<String> followers) {}

  static final List<Server> SERVERS =
      List.of(
          new Server(
              "the development WHOIS registry",
              "backoffice.whois.dev-registry.enabled",
              "backoffice.whois.dev-registry.port",
              4343,
              null,
              true,
              List.of()),
          new Server(
              "the mail catcher's SMTP server",
              "backoffice.mail.catcher.enabled",
              "backoffice.mail.catcher.smtp-port",
              3025,
              "backoffice.mail.catcher.host",
              false,
              List.of("spring.mail.port")),
          new Server(
              "the mail catcher's IMAP server",
              "backoffice.mail.catcher.enabled",
              "backoffice.mail.catcher.imap-port",
              3143,
              "backoffice.mail.catcher.host",
              false,
              List.of()));

  private final Log log;

  public EmbeddedServicePorts(DeferredLogFactory logs) {
    this.log = logs.getLog(EmbeddedServicePorts.class);
  }

  @Override
  public int getOrder() {
    // After application.yml and the profiles' files are read (ConfigDataEnvironmentPostProcessor).
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> moved = new LinkedHashMap<>();
    List<ServerSocket> reserved = new ArrayList<>();
    try {
      for (Server server : SERVERS) {
        if (!environment.getProperty(server.enabledProperty(), Boolean.class, false)) {
          continue;
        }
        InetAddress address = address(environment, server);
        int port = environment.getProperty(server.portProperty(), Integer.class, server.defaultPort());
        int chosen = port;
        if (port == 0 && server.chooseForZero()) {
          ServerSocket free = ListeningPorts.reserve(address);
          reserved.add(free);
          chosen = free.getLocalPort();
        } else if (port != 0 && !ListeningPorts.free(address, port)) {
          ServerSocket free = ListeningPorts.reserve(address);
          reserved.add(free);
          chosen = free.getLocalPort();
          log.warn(
              address.getHostAddress() + ":" + port + " is taken by another program: "
                  + server.name() + " listens on " + address.getHostAddress() + ":" + chosen
                  + " instead (" + server.portProperty() + " chooses the port)");
        }
        if (chosen != port) {
          moved.put(server.portProperty(), chosen);
        }
        if (chosen != 0) {
          for (String follower : server.followers()) {
            moved.put(follower, chosen);
          }
        }
      }
    } finally {
      reserved.forEach(ListeningPorts::release);
    }
    if (!moved.isEmpty()) {
      environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, moved));
    }
  }

  private static InetAddress address(ConfigurableEnvironment environment, Server server) {
    if (server.hostProperty() == null) {
      return InetAddress.getLoopbackAddress(); // as DevelopmentRegistry binds
    }
    String host = environment.getProperty(server.hostProperty(), "127.0.0.1");
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(server.hostProperty() + " is no address: " + host, e);
    }
  }
}
