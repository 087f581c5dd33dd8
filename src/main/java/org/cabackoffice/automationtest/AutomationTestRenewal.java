package org.cabackoffice.automationtest;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.cabackoffice.acme.EabCredentials;
import org.cabackoffice.issuance.CertificateSerial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Renews the automation test certificate (Chrome Root Program policy 1.8) as a subscriber would:
 * {@link AcmeRenewalClient} against the CA's own ACME directory with an http-01 responder of its
 * own, from one ACME account kept across runs and nodes ({@link AutomationTestAccountKey}): EAB credentials
 * for the configured customer are issued only when the key has no account yet (the first run), and
 * a deactivated account is replaced by a new key and account. Each attempt runs on a thread of its own
 * (polling waits for the {@code acme-order} process), is recorded, and a failure is logged at WARN
 * with its problem. The certificate and its key are kept under {@code data-dir/automation-test/}
 * for a test web site to serve.
 */
@Service
public class AutomationTestRenewal {

  private static final Logger log = LoggerFactory.getLogger(AutomationTestRenewal.class);
  /** Who the EAB credentials' record names as issuer. */
  static final String ISSUER = "automation-test";

  private final AutomationTestProperties properties;
  private final AutomationTestRuns runs;
  private final EabCredentials credentials;
  private final AutomationTestAccountKey accountKey;
  private final Environment environment;
  private final Path directory;
  private final Clock clock;
  private final ExecutorService attempts = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "automation-test");
    thread.setDaemon(true);
    return thread;
  });

  public AutomationTestRenewal(
      AutomationTestProperties properties,
      AutomationTestRuns runs,
      EabCredentials credentials,
      Environment environment,
      @Value("${backoffice.data-dir:./data}") String dataDir,
      @Value("${backoffice.ca.keystore-password:}") String keystorePassword,
      JdbcTemplate jdbc,
      Clock clock) {
    this.properties = properties;
    this.runs = runs;
    this.credentials = credentials;
    this.environment = environment;
    this.directory = Path.of(dataDir, "automation-test");
    // The key is the database's, for every node; the file is where a node kept it before.
    this.accountKey = new AutomationTestAccountKey(jdbc, directory.resolve("acme-account.p12"), keystorePassword, clock);
    this.clock = clock;
  }

  /**
   * An upgraded node hands the key it kept in its data directory to the database at start, before
   * another node's first attempt could store a new one, so its account is the one kept.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void takeOverFormerAccountKey() {
    try {
      accountKey.takeOverFormerFile();
    } catch (RuntimeException e) {
      // The next attempt tries again and records the problem for operations; the message names no secret.
      log.warn("The automation test's ACME account key was not moved to the database yet: {}", e.getMessage());
    }
  }

  /** The timer's look: starts an attempt when one is due (see {@link AutomationTestRuns#due}). */
  public Optional<AutomationTestRun> startIfDue() {
    if (!properties.enabled() || !runs.due()) {
      return Optional.empty();
    }
    return start(AutomationTestRun.SCHEDULE);
  }

  /**
   * Starts an attempt now, in the background; empty when the test is off or one is under way.
   *
   * @param startedBy {@link AutomationTestRun#SCHEDULE} or the operations user who asked
   */
  public Optional<AutomationTestRun> start(String startedBy) {
    if (!properties.enabled()) {
      return Optional.empty();
    }
    Optional<AutomationTestRun> run = runs.start(startedBy);
    run.ifPresent(r -> attempts.execute(() -> attempt(r.getId())));
    return run;
  }

  private void attempt(long runId) {
    String domain = properties.domain();
    Instant deadline = clock.instant().plus(properties.timeout());
    try (Http01Responder responder = new Http01Responder(properties.http01Address(), properties.http01Port())) {
      AcmeRenewalClient.ExternalAccountBinding binding = () -> {
        EabCredentials.Issued eab = credentials.issue(properties.customer(), ISSUER);
        return new AcmeRenewalClient.Credentials(eab.kid(), eab.hmacKey());
      };
      AcmeRenewalClient.Renewed renewed;
      KeyPair key = accountKey.current();
      try {
        renewed = new AcmeRenewalClient(key).renew(directoryUrl(), domain, binding, responder, deadline);
      } catch (AcmeRenewalClient.AccountDeactivated e) {
        // The key cannot have another account (RFC 8555 7.3.6): a new key, and EAB credentials for it.
        log.info("The automation test's ACME account was deactivated ({}): a new account key and account", e.getMessage());
        renewed = new AcmeRenewalClient(accountKey.replace(key)).renew(directoryUrl(), domain, binding, responder, deadline);
      }
      String serial = CertificateSerial.hex(renewed.certificate().getSerialNumber());
      keep(renewed);
      runs.succeeded(runId, serial, renewed.certificate().getNotAfter().toInstant(), renewed.accountUrl());
      log.info("Automation test certificate for {} renewed through ACME: serial {} (attempt {})", domain, serial, runId);
    } catch (AcmeRenewalClient.RenewalFailed e) {
      failed(runId, e.getMessage(), e.accountUrl());
    } catch (IOException e) {
      failed(runId, "the http-01 responder could not listen on "
          + (properties.http01Address() == null ? "*" : properties.http01Address()) + ":" + properties.http01Port()
          + " or the certificate could not be kept: " + e.getMessage(), null);
    } catch (EabCredentials.NotValidatedException | IllegalArgumentException e) {
      failed(runId, "no EAB credentials for " + properties.customer() + ": " + e.getMessage(), null);
    } catch (RuntimeException e) {
      failed(runId, e.toString(), null);
    }
  }

  private void failed(long runId, String problem, String accountUrl) {
    try {
      runs.failed(runId, problem, accountUrl);
    } finally {
      // An incident for operations (the page shows it open), not a programming error: no stack trace.
      log.warn("Automation test certificate for {} NOT renewed (attempt {}): {}", properties.domain(), runId, problem);
    }
  }

  /** The configured directory, or this node's own over loopback. */
  private URI directoryUrl() {
    if (properties.directoryUrl() != null) {
      return URI.create(properties.directoryUrl());
    }
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    String contextPath = environment.getProperty("server.servlet.context-path", "");
    return URI.create("http://127.0.0.1:" + port + contextPath + "/acme/directory");
  }

  /** The chain and the key, readable by the owner only, replaced atomically. */
  private void keep(AcmeRenewalClient.Renewed renewed) throws IOException {
    Files.createDirectories(directory);
    write(directory.resolve(properties.domain() + ".pem"), renewed.chainPem());
    StringWriter key = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(key)) {
      pem.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(renewed.key().getPrivate(), null));
    }
    write(directory.resolve(properties.domain() + ".key"), key.toString());
  }

  private static void write(Path file, String text) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (Windows): its default ACLs apply.
    }
    Files.writeString(temporary, text, StandardCharsets.US_ASCII);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @PreDestroy
  void stop() {
    attempts.shutdownNow();
  }
}
