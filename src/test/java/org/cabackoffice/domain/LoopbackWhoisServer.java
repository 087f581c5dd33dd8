package org.cabackoffice.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A WHOIS server (RFC 3912) on a loopback port with canned answers, for unit and integration
 * tests: read one query line, write the answer's bytes, close. Unknown queries get a Verisign-style
 * {@code No match for "QUERY".}
 *
 * <pre>{@code
 * try (LoopbackWhoisServer whois = new LoopbackWhoisServer().start()) {
 *   whois.answer("example.com", "Domain Name: EXAMPLE.COM\r\n...");
 *   ... backoffice.whois.servers.com = whois.address() ...
 * }
 * }</pre>
 */
public final class LoopbackWhoisServer implements AutoCloseable {

  private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
  private final Map<String, Long> delaysMillis = new ConcurrentHashMap<>();
  private final List<String> queries = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "loopback-whois");
    t.setDaemon(true);
    return t;
  });
  private volatile ServerSocket socket;

  /** Binds 127.0.0.1 on a free port and starts answering. */
  public LoopbackWhoisServer start() {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new IllegalStateException("cannot bind a loopback port", e);
    }
    threads.submit(this::acceptLoop);
    return this;
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** {@code 127.0.0.1:port}, the form of {@code backoffice.whois.servers.<tld>}. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /** Answers {@code query} (matched case-insensitively, as sent) with the text in UTF-8. */
  public LoopbackWhoisServer answer(String query, String response) {
    return answer(query, response, StandardCharsets.UTF_8);
  }

  /** Answers with the text in a charset, e.g. ISO-2022-JP as JPRS sends its Japanese form. */
  public LoopbackWhoisServer answer(String query, String response, Charset charset) {
    return answer(query, response.getBytes(charset));
  }

  /** Answers with these exact bytes (recorded answers, binary or oversized ones). */
  public LoopbackWhoisServer answer(String query, byte[] response) {
    answers.put(key(query), response.clone());
    return this;
  }

  /** Waits this long after reading the query before answering (timeouts). */
  public LoopbackWhoisServer delay(String query, long millis) {
    delaysMillis.put(key(query), millis);
    return this;
  }

  /**
   * The registry goes down: the port stops listening, so a lookup meets a refused connection, as
   * when a registry's server is gone (issue 13). {@link #restart()} brings it back on the same
   * port with the same answers.
   */
  public synchronized void stop() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  /** Listens again on the port it had, after {@link #stop()}. */
  public synchronized LoopbackWhoisServer restart() {
    int port = port();
    try {
      ServerSocket again = new ServerSocket();
      again.setReuseAddress(true);
      again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      socket = again;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on " + port + " again", e);
    }
    threads.submit(this::acceptLoop);
    return this;
  }

  /** The query lines received, in order, without CR LF. */
  public List<String> queries() {
    return List.copyOf(queries);
  }

  @Override
  public void close() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // closing a test server: nothing to do
    }
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    ServerSocket socket = this.socket;
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        threads.submit(() -> serve(client));
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setSoTimeout(5000);
      String query = readLine(client.getInputStream());
      queries.add(query);
      Long delay = delaysMillis.get(key(query));
      if (delay != null) {
        Thread.sleep(delay);
      }
      byte[] response = answers.get(key(query));
      if (response == null) {
        response =
            ("No match for \"" + query.toUpperCase(Locale.ROOT) + "\".\r\n")
                .getBytes(StandardCharsets.US_ASCII);
      }
      OutputStream out = client.getOutputStream();
      out.write(response);
      out.flush();
    } catch (IOException | InterruptedException ignored) {
      // the client went away or the server is closing
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n' && line.size() < 1024) {
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private static String key(String query) {
    return query.strip().toLowerCase(Locale.ROOT);
  }
}
