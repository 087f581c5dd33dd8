package org.cabackoffice.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Debian's certbot (/usr/bin/certbot) against the back office's ACME server on loopback, with its
 * own configuration in {@code dir}; while it runs, the engine's jobs run (the ITs' job executor is
 * off) and so does the test's own step. Shared by the ITs that drive certbot.
 */
final class Certbot {

  record Run(int exit, String output) {}

  interface Step {
    void run() throws Exception;
  }

  private final Path dir;
  private final int port;
  private final Runnable jobs;

  Certbot(Path dir, int port, Runnable jobs) {
    this.dir = dir;
    this.port = port;
    this.jobs = jobs;
  }

  Run run(List<String> arguments, Step whileRunning) throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/bin/certbot"));
    command.addAll(arguments);
    command.addAll(List.of(
        "--server", "http://127.0.0.1:" + port + "/acme/directory",
        "--config-dir", dir.resolve("config").toString(),
        "--work-dir", dir.resolve("work").toString(),
        "--logs-dir", dir.resolve("logs").toString(),
        "--non-interactive", "--no-eff-email"));
    Path output = dir.resolve("certbot-" + System.nanoTime() + ".out");
    Process certbot = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (!certbot.waitFor(200, TimeUnit.MILLISECONDS)) {
      jobs.run();
      whileRunning.run();
      if (Instant.now().isAfter(deadline)) {
        certbot.destroyForcibly();
        throw new AssertionError("certbot did not finish: " + Files.readString(output));
      }
    }
    String log = Files.readString(output);
    Path debug = dir.resolve("logs/letsencrypt.log");
    if (certbot.exitValue() != 0 && Files.exists(debug)) {
      log += "\n--- letsencrypt.log ---\n" + Files.readString(debug);
    }
    return new Run(certbot.exitValue(), log);
  }

  /**
   * certbot's manual auth hook for dns-01: hands the name and the TXT value to the test, which
   * publishes the record in its authoritative DNS server, and waits until the test says it did.
   */
  Path dnsHook() throws IOException {
    Path hook = dir.resolve("auth-hook.sh");
    Files.writeString(hook, """
        #!/bin/sh
        # Hands the TXT value to the test, which publishes it in its DNS server, and waits for it.
        echo "$CERTBOT_DOMAIN $CERTBOT_VALIDATION" > %1$s
        i=0
        while [ ! -f %1$s.published ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
        rm -f %1$s.published
        """.formatted(dnsRequests()));
    hook.toFile().setExecutable(true);
    return hook;
  }

  /** The step that answers {@link #dnsHook()}: {@code publish} gets the record's name and value. */
  Step publishingDnsRecords(BiConsumer<String, String> publish) {
    Path requests = dnsRequests();
    return () -> {
      if (Files.exists(requests)) {
        String[] request = Files.readString(requests).strip().split(" ");
        Files.delete(requests);
        publish.accept("_acme-challenge." + request[0], request[1]);
        Files.writeString(Path.of(requests + ".published"), "");
      }
    };
  }

  private Path dnsRequests() {
    return dir.resolve("dns-requests");
  }

  List<X509Certificate> chain(String certName) throws Exception {
    byte[] pem = Files.readAllBytes(dir.resolve("config/live/" + certName + "/fullchain.pem"));
    return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
        .map(c -> (X509Certificate) c).toList();
  }

  static String attribute(X509Certificate certificate, ASN1ObjectIdentifier type) {
    X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    return name.getRDNs(type).length == 0 ? null : IETFUtils.valueToString(name.getRDNs(type)[0].getFirst().getValue());
  }
}
