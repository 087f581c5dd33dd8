package org.cabackoffice.automationtest;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's side of http-01 (RFC 8555 8.3): answers GET /.well-known/acme-challenge/{token}
 * with the key authorization while one renewal runs, as certbot's standalone mode does, and
 * nothing else. Listens only for the attempt.
 */
class Http01Responder implements AcmeRenewalClient.ChallengeResponder, AutoCloseable {

  private static final String PATH = "/.well-known/acme-challenge/";

  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final HttpServer server;

  /**
   * @param address where to listen; null: every address
   * @throws IOException when the port cannot be bound (taken, or below 1024 without the right)
   */
  Http01Responder(String address, int port) throws IOException {
    InetSocketAddress where = address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port);
    server = HttpServer.create(where, 16);
    server.createContext(PATH, exchange -> {
      String token = exchange.getRequestURI().getPath().substring(PATH.length());
      String answer = "GET".equals(exchange.getRequestMethod()) ? answers.get(token) : null;
      byte[] body = (answer == null ? "" : answer).getBytes(StandardCharsets.US_ASCII);
      exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
      exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    server.start();
  }

  @Override
  public void serve(String token, String keyAuthorization) {
    answers.put(token, keyAuthorization);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
