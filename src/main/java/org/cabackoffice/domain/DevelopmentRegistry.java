package org.cabackoffice.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.ports.PortTakenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded setup's WHOIS registry for its demo domains (sample.co.jp, sample-shop.jp), so
 * a newcomer can walk an application end to end without the internet; the counterpart of the
 * mail catcher. It answers RFC 3912 queries on a loopback port with the records under
 * {@code classpath:dev-registry/<domain>.txt}, written as JPRS answers them, and "No match"
 * otherwise. Only the demo domains are routed here (application.yml); every other name goes
 * to its real registry. The records' dates are rendered relative to today when served (created a
 * year ago, expiring in a year), so the demo never shows a registration that lapsed since it was
 * written; {@code {{created}}}, {@code {{expires}}} and {@code {{updated}}} in a record mark them.
 * Its port follows {@code backoffice.whois.dev-registry.port}, which {@code
 * EmbeddedServicePorts} moves to a free port when another program holds it, before the WHOIS
 * configuration that names it is read.
 */
@Component
@ConditionalOnProperty(name = "backoffice.whois.dev-registry.enabled", havingValue = "true")
public class DevelopmentRegistry implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DevelopmentRegistry.class);

  private static final DateTimeFormatter JPRS_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
  static final String PORT_PROPERTY = "backoffice.whois.dev-registry.port";

  private final int port;
  private final Clock clock;
  private ServerSocket socket;
  private Thread acceptor;

  public DevelopmentRegistry(
      @Value("${backoffice.whois.dev-registry.port:4343}") int port, Clock clock) {
    this.port = port;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try {
      socket = new ServerSocket(port, 50, loopback);
    } catch (BindException taken) {
      // EmbeddedServicePorts moved the port if it was taken at start; lost since, say which.
      throw new PortTakenException(
          "The development WHOIS registry", loopback.getHostAddress(), port, PORT_PROPERTY, taken);
    }
    acceptor = new Thread(this::serve, "development-whois-registry");
    acceptor.setDaemon(true);
    acceptor.start();
    log.info("development WHOIS registry on 127.0.0.1:{}", socket.getLocalPort());
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        client.setSoTimeout(5000);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        String query = in.readLine();
        OutputStream out = client.getOutputStream();
        out.write(answer(query, BusinessCalendar.today(clock)).getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        log.warn("development WHOIS registry: {}", e.getMessage());
      }
    }
  }

  /** The record for {@code query}, its dates rendered relative to {@code today} (JPRS dates are Japanese). */
  static String answer(String query, LocalDate today) throws IOException {
    String domain = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
    if (domain.endsWith("/e")) {
      domain = domain.substring(0, domain.length() - 2);
    }
    if (domain.startsWith("contact ")) {
      // JPRS contact records, asked for the handles an organization-type record names
      domain = "contact-" + domain.substring("contact ".length()).strip();
    }
    if (!domain.matches("[a-z0-9.-]{1,253}")) {
      return "No match!!\n";
    }
    try (InputStream record =
        DevelopmentRegistry.class.getClassLoader().getResourceAsStream("dev-registry/" + domain + ".txt")) {
      if (record == null) {
        return "No match!!\n";
      }
      return new String(record.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{created}}", JPRS_DATE.format(today.minusYears(1)))
          .replace("{{expires}}", JPRS_DATE.format(today.plusYears(1)))
          .replace("{{updated}}", JPRS_DATE.format(today.minusDays(30)));
    }
  }

  /** The bound port (the configured one, or the one chosen for port 0). */
  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public void destroy() throws IOException {
    socket.close();
  }
}
