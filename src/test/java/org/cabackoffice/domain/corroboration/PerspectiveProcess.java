package org.cabackoffice.domain.corroboration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A remote network perspective as an operator runs it: a JVM of its own, started from the built
 * classpath with {@code --spring.profiles.active=perspective}, listening on a loopback port with
 * TLS that requires a client certificate from {@code ca}, asking its own DNS resolver.
 */
public final class PerspectiveProcess implements AutoCloseable {

  private final String id;
  private final RirRegion region;
  private final int port;
  private final Process process;
  private final Path log;

  private PerspectiveProcess(String id, RirRegion region, int port, Process process, Path log) {
    this.id = id;
    this.region = region;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the process; {@link #awaitReady} waits for it.
   *
   * @param resolver host:port of its DNS resolver
   * @param trustAnchor its DNSSEC trust anchor location
   * @param dnsTimeout how long its lookups may take
   * @param settings further {@code --name=value} arguments, e.g. the test-only web ports
   */
  public static PerspectiveProcess start(
      String id, RirRegion region, PerspectiveCa ca, String resolver, String trustAnchor, Duration dnsTimeout,
      String... settings) {
    try {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      Path log = Files.createTempFile("perspective-" + id, ".log");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx160m",
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-cp",
          System.getProperty("java.class.path"),
          "org.cabackoffice.BackOfficeApplication",
          "--spring.profiles.active=perspective",
          "--server.address=127.0.0.1",
          "--server.port=" + port,
          "--backoffice.perspective.id=" + id,
          "--backoffice.perspective.region=" + region,
          "--backoffice.dns.resolver=" + resolver,
          "--backoffice.dns.timeout=" + dnsTimeout,
          "--backoffice.dns.dnssec.trust-anchor=" + trustAnchor,
          "--server.ssl.key-store=file:" + ca.serverKeyStore(id),
          "--server.ssl.key-store-password=" + PerspectiveCa.PASSWORD,
          "--server.ssl.trust-store=file:" + ca.trustStore(),
          "--server.ssl.trust-store-password=" + PerspectiveCa.PASSWORD));
      command.addAll(List.of(settings));
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      // A test JVM stopped from outside (a timeout, Ctrl-C) takes its perspectives with it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-perspective-" + id));
      return new PerspectiveProcess(id, region, port, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns once the port takes connections; fails with the log's end when the process died. */
  public PerspectiveProcess awaitReady(Duration within) {
    Instant deadline = Instant.now().plus(within);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("perspective " + id + " exited " + process.exitValue() + ":\n" + logTail());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return this;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("perspective " + id + " did not listen within " + within + ":\n" + logTail());
  }

  public String id() {
    return id;
  }

  public RirRegion region() {
    return region;
  }

  public String url() {
    return "https://127.0.0.1:" + port + "/";
  }

  public MpicProperties.Perspective configuration() {
    return new MpicProperties.Perspective(id, region, url());
  }

  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
