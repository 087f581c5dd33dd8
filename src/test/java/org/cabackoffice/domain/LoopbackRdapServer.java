package org.cabackoffice.domain;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An RDAP server (RFC 9082, 9083) on a loopback port with canned domain answers, for integration
 * tests: {@code GET /domain/<name>} answers the JSON given for the name, else 404. It can go down
 * ({@link #stop()}: the port stops listening) and come back on the same port ({@link #restart()}),
 * as a registry's server does in an outage (issue 13).
 */
public final class LoopbackRdapServer implements AutoCloseable {

  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final List<String> requested = new CopyOnWriteArrayList<>();
  private volatile HttpServer server;
  private int port;

  /** Binds 127.0.0.1 on a free port and starts answering. */
  public LoopbackRdapServer start() {
    listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    port = server.getAddress().getPort();
    return this;
  }

  /** The base URL to configure ({@code backoffice.rdap.servers.<suffix>}). */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  /** The registry's record of a domain: the registrant organization and its contact address. */
  public LoopbackRdapServer registrant(String domain, String organization, String email) {
    String expires = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusYears(1) + "T00:00:00Z";
    answers.put(
        domain.toLowerCase(Locale.ROOT),
        """
        {"objectClassName": "domain", "ldhName": "%s",
         "events": [{"eventAction": "registration", "eventDate": "2010-04-01T00:00:00Z"},
                    {"eventAction": "expiration", "eventDate": "%s"}],
         "entities": [{"objectClassName": "entity", "roles": ["registrant"],
           "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Hostmaster"],
             ["org", {}, "text", "%s"], ["email", {}, "text", "%s"]]]}],
         "rdapConformance": ["rdap_level_0"]}
        """
            .formatted(domain, expires, organization, email));
    return this;
  }

  /** The paths asked, in order. */
  public List<String> requested() {
    return List.copyOf(requested);
  }

  /** The server goes down: connections to its port are refused. */
  public synchronized void stop() {
    server.stop(0);
  }

  /** Listens again on the port it had, after {@link #stop()}. */
  public synchronized LoopbackRdapServer restart() {
    listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return this;
  }

  private void listen(InetSocketAddress address) {
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address, e);
    }
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requested.add(path);
          String name = path.startsWith("/domain/") ? path.substring("/domain/".length()).toLowerCase(Locale.ROOT) : "";
          String answer = answers.get(name);
          byte[] body = (answer != null ? answer : "{\"errorCode\": 404}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/rdap+json");
          exchange.sendResponseHeaders(answer != null ? 200 : 404, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
