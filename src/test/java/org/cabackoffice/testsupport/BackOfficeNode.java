package org.cabackoffice.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as operations run it: the built jar ({@code target/*.jar}, repackaged by Spring
 * Boot in the {@code package} phase, before failsafe's {@code integration-test}) in a JVM of its
 * own, so a test can kill it with SIGKILL ({@link Process#destroyForcibly()}) and start it again
 * on the same database and data directory. Its console goes to a file the test can read.
 */
public final class BackOfficeNode implements AutoCloseable {

  private final String name;
  private final Path dataDir;
  private final Map<String, String> properties;
  private final Path log;
  private int port;
  private Process process;
  private int starts;

  /**
   * @param name for the log file and messages ("node-a")
   * @param dataDir the node's data directory (CA keystore, H2 files); nodes of one CA share it
   * @param properties Spring properties on the command line, on top of the jar's defaults
   */
  public BackOfficeNode(String name, Path dataDir, Map<String, String> properties) {
    this.name = name;
    this.dataDir = dataDir;
    this.properties = new LinkedHashMap<>(properties);
    this.log = dataDir.resolve(name + ".log");
  }

  /** The repackaged jar the build made; a clear failure when the IT runs without {@code package}. */
  public static Path jar() {
    Path target = Path.of("target");
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> found = Files.newDirectoryStream(target, "ca-back-office-*.jar")) {
      found.forEach(jars::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    jars.removeIf(j -> j.getFileName().toString().endsWith("-plain.jar"));
    if (jars.size() != 1) {
      throw new IllegalStateException(
          "expected one application jar in target/ (mvn package runs before the ITs), found " + jars);
    }
    return jars.get(0).toAbsolutePath();
  }

  /** Starts the JVM on a free port (a new one at every start) and returns at once. */
  public synchronized BackOfficeNode start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running");
    }
    port = freePort();
    starts++;
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(javaCommand);
    // Small and quick to start: the CI machine has two cores and other builds beside this one.
    command.add("-Xmx400m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-jar");
    command.add(jar().toString());
    command.add("--server.port=" + port);
    command.add("--backoffice.data-dir=" + dataDir);
    command.add("--backoffice.base-url=" + baseUrl());
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.writeString(
          log,
          "==== start " + starts + " of " + name + " on port " + port + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process =
          new ProcessBuilder(command)
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    return this;
  }

  /** Waits until readiness answers UP: database, engine, CA keys, mail path, demo data. */
  public BackOfficeNode awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log:\n" + tail(80));
      }
      try {
        HttpResponse<String> ready =
            client.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new AssertionError(name + " not ready within " + timeout + "; its log:\n" + tail(80));
  }

  /** SIGKILL: no shutdown hook, no connection closed, no transaction finished. */
  public void kill() {
    Process running = process;
    if (running == null) {
      return;
    }
    running.destroyForcibly();
    waitFor(running);
  }

  /** SIGTERM: Spring's graceful shutdown. */
  public void stop() {
    Process running = process;
    if (running == null || !running.isAlive()) {
      return;
    }
    running.destroy();
    try {
      if (!running.waitFor(60, TimeUnit.SECONDS)) {
        running.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.destroyForcibly();
    }
    waitFor(running);
  }

  private static void waitFor(Process process) {
    try {
      process.waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String name() {
    return name;
  }

  /** Everything the node wrote to its console, every start of it. */
  public String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String tail(int lines) {
    List<String> all = log().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public void close() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
