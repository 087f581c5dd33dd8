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
 * classpath with {@code --spring.profiles.active=perspective}, at a loopback address of its own
 * (Linux routes all of 127.0.0.0/8 to the loopback interface): it listens there with TLS that
 * requires a client certificate from {@code ca}, under a server certificate for that address, and
 * its DNS queries and website fetches leave from there ({@code backoffice.dns.source-address}), so
 * a loopback DNS or web server tells the perspectives apart as a real one tells hosts apart.
 */
public final class PerspectiveProcess implements AutoCloseable {

  private final String id;
  private final RirRegion region;
  private final String address;
  private final int port;
  private final Process process;
  private final Path log;

  private PerspectiveProcess(String id, RirRegion region, String address, int port, Process process, Path log) {
    this.id = id;
    this.region = region;
    this.address = address;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the process; {@link #awaitReady} waits for it.
   *
   * @param address the loopback address it listens on and asks from, e.g. 127.0.0.11
   * @param resolver host:port of its DNS resolver
   * @param trustAnchor its DNSSEC trust anchor location
   * @param dnsTimeout how long its lookups may take
   * @param settings further {@code --name=value} arguments, e.g. the test-only web ports
   */
  public static PerspectiveProcess start(
      String id, RirRegion region, String address, PerspectiveCa ca, String resolver, String trustAnchor,
      Duration dnsTimeout, String... settings) {
    try {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(address))) {
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
          "--server.address=" + address,
          "--backoffice.dns.source-address=" + address,
          "--server.port=" + port,
          "--backoffice.perspective.id=" + id,
          "--backoffice.perspective.region=" + region,
          "--backoffice.dns.resolver=" + resolver,
          "--backoffice.dns.timeout=" + dnsTimeout,
          "--backoffice.dns.dnssec.trust-anchor=" + trustAnchor,
          "--server.ssl.key-store=file:" + ca.serverKeyStore(id, address),
          "--server.ssl.key-store-password=" + PerspectiveCa.PASSWORD,
          "--server.ssl.trust-store=file:" + ca.trustStore(),
          "--server.ssl.trust-store-password=" + PerspectiveCa.PASSWORD));
      command.addAll(List.of(settings));
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      // A test JVM stopped from outside (a timeout, Ctrl-C) takes its perspectives with it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-perspective-" + id));
      return new PerspectiveProcess(id, region, address, port, process, log);
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
        socket.connect(new InetSocketAddress(address, port), 200);
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

  /** The loopback address it listens on and its lookups leave from. */
  public String address() {
    return address;
  }

  public String url() {
    return "https://" + address + ":" + port + "/";
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
