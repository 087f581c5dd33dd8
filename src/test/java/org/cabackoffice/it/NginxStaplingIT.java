package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cabackoffice.issuance.CertificateIssuer;
import org.cabackoffice.issuance.CertificatePem;
import org.cabackoffice.issuance.CertificateProfile;
import org.cabackoffice.issuance.IssuanceRequest;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The guide's step [5-2] as a subscriber does it: Debian's nginx, started here on a loopback port
 * with an issued certificate and the intermediate, serves TLS that {@code curl --cacert root} and
 * {@code openssl s_client} accept; with OCSP stapling on (and verified by nginx against the CA's
 * certificates) the handshake carries the responder's answer, good. Once the certificate is revoked
 * nginx, asking the responder again, hears "revoked" and stops stapling (nginx staples only good
 * answers it fetched itself); the responder's revoked answer given to nginx as a stapling file
 * ({@code openssl ocsp -respout}, nginx's {@code ssl_stapling_file}) is stapled as it is.
 */
class NginxStaplingIT extends BackOfficeIT {

  static final String NGINX = "/usr/sbin/nginx";
  static final String HOST = "www.nginx-stapling.jp";

  @Autowired CertificateIssuer issuer;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int backOfficePort;

  @TempDir Path dir;
  Process nginx;

  @AfterEach
  void stopNginx() throws InterruptedException {
    if (nginx != null) {
      nginx.destroy();
      if (!nginx.waitFor(20, TimeUnit.SECONDS)) {
        nginx.destroyForcibly();
      }
    }
  }

  @Test
  void nginxServesTheIssuedChainAndStaplesTheResponderGoodThenRevoked() throws Exception {
    assertThat(Path.of(NGINX)).as("nginx is needed: apt-get install nginx").isExecutable();
    KeyPair key = CsrFactory.p256();
    long customer = jdbc.queryForObject("select min(id) from customer_account", Long.class);
    IssuedCertificate issued =
        issuer.issue(
            new IssuanceRequest(
                null, customer, CertificateProfile.OV, HOST, List.of(HOST), "Sample K.K.", "Chiyoda-ku", "Tokyo", "JP",
                key.getPublic().getEncoded(), null));
    X509Certificate certificate = CertificatePem.parse(issued.pem()).get(0);

    // What the subscriber installs: its certificate followed by the intermediate (guide [5-2]).
    String issuing = pemOf(http.getForObject("/ca/issuing-ca.crt", byte[].class));
    String root = pemOf(http.getForObject("/ca/root-ca.crt", byte[].class));
    Path chain = Files.writeString(dir.resolve("chain.pem"), CertificatePem.encode(certificate) + issuing);
    Path privateKey =
        Files.writeString(
            dir.resolve("key.pem"),
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    Path rootPem = Files.writeString(dir.resolve("root.pem"), root);
    // nginx verifies the stapled answer (ssl_stapling_verify) with these.
    Path trusted = Files.writeString(dir.resolve("trusted.pem"), issuing + root);

    int port = freePort();
    String responder = "ssl_stapling_responder http://127.0.0.1:" + backOfficePort + "/ocsp;";
    Path conf = Files.writeString(dir.resolve("nginx.conf"), config(port, chain, privateKey, trusted, responder));
    nginx =
        new ProcessBuilder(NGINX, "-p", dir.toString(), "-c", conf.toString(), "-e", dir.resolve("error.log").toString(),
                "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    awaitListening(port);

    // curl trusts only the CA's root and checks the name.
    Run curl = run("curl", "-sS", "--cacert", rootPem.toString(), "--resolve", HOST + ":" + port + ":127.0.0.1",
        "https://" + HOST + ":" + port + "/");
    assertThat(curl.exit()).as(curl.output()).isZero();
    assertThat(curl.output()).contains("served by nginx");

    // nginx asks the responder on the first handshake and staples from then on.
    String good = stapled(port, rootPem, "Cert Status: good");
    assertThat(good)
        .contains("OCSP Response Status: successful")
        .contains("Verify return code: 0 (ok)")
        .containsIgnoringCase("Serial Number: " + opensslHex(certificate.getSerialNumber()));

    ResponseEntity<Map> revocation =
        as("officer", "officer")
            .postForEntity(
                "/api/certificates/" + issued.serial() + "/revocations",
                Map.of("reason", "keyCompromise", "comment", "the subscriber phoned: the server was broken into", "initiative", "SUBSCRIBER"),
                Map.class);
    assertThat(revocation.getStatusCode()).as(String.valueOf(revocation.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    runJobs();

    // nginx keeps a stapled answer until it is due for renewal; a reload asks again at once. It
    // hears "revoked", says so in its log, and staples nothing from then on.
    reload(conf);
    awaitLog("certificate status \"revoked\" in the OCSP response", port, rootPem);
    Run unstapled = handshake(port, rootPem);
    assertThat(unstapled.output()).contains("OCSP response: no response sent").doesNotContain("Cert Status: good");

    // The responder's answer as relying parties get it, stapled from a file.
    Path leaf = Files.writeString(dir.resolve("leaf.pem"), CertificatePem.encode(certificate));
    Path issuingPem = Files.writeString(dir.resolve("issuing.pem"), issuing);
    Path answer = dir.resolve("revoked.der");
    Run fetched =
        run("openssl", "ocsp", "-issuer", issuingPem.toString(), "-cert", leaf.toString(),
            "-url", "http://127.0.0.1:" + backOfficePort + "/ocsp", "-CAfile", rootPem.toString(), "-respout", answer.toString());
    assertThat(fetched.output()).contains("Response verify OK").contains(": revoked");
    Files.writeString(conf, config(port, chain, privateKey, trusted, "ssl_stapling_file " + answer + ";"));
    reload(conf);
    String revoked = stapled(port, rootPem, "Cert Status: revoked");
    assertThat(revoked).contains("OCSP Response Status: successful").contains("Revocation Reason: keyCompromise");
  }

  private void reload(Path conf) throws Exception {
    Run reload = run(NGINX, "-p", dir.toString(), "-c", conf.toString(), "-e", dir.resolve("error.log").toString(),
        "-g", "pid " + dir.resolve("nginx.pid") + ";", "-s", "reload");
    assertThat(reload.exit()).as(reload.output()).isZero();
  }

  /** Handshakes until nginx's error log says {@code line}: each handshake may start its fetch. */
  private void awaitLog(String line, int port, Path rootPem) throws Exception {
    for (int attempt = 0; attempt < 40; attempt++) {
      if (Files.readString(dir.resolve("error.log")).contains(line)) {
        return;
      }
      handshake(port, rootPem);
      Thread.sleep(500);
    }
    throw new AssertionError("nginx's log never said " + line + ":\n" + Files.readString(dir.resolve("error.log")));
  }

  private Run handshake(int port, Path rootPem) throws Exception {
    return run("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-servername", HOST, "-verify_hostname", HOST,
        "-CAfile", rootPem.toString(), "-status");
  }

  private String config(int port, Path chain, Path privateKey, Path trusted, String stapling) {
    boolean root = "root".equals(System.getProperty("user.name"));
    return """
        %s
        worker_processes 1;
        events { worker_connections 64; }
        http {
          access_log off;
          client_body_temp_path %s/body;
          proxy_temp_path %s/proxy;
          fastcgi_temp_path %s/fastcgi;
          uwsgi_temp_path %s/uwsgi;
          scgi_temp_path %s/scgi;
          server {
            listen 127.0.0.1:%d ssl;
            server_name %s;
            ssl_certificate %s;
            ssl_certificate_key %s;
            ssl_stapling on;
            ssl_stapling_verify on;
            ssl_trusted_certificate %s;
            %s
            location / { return 200 "served by nginx\\n"; }
          }
        }
        """
        .formatted(
            // Workers as root only when the test runs as root: then nobody else could read dir.
            root ? "user root;" : "",
            dir, dir, dir, dir, dir, port, HOST, chain, privateKey, trusted, stapling);
  }

  /** Handshakes with {@code s_client -status} until the stapled answer says {@code expected}. */
  private String stapled(int port, Path rootPem, String expected) throws Exception {
    String last = "";
    for (int attempt = 0; attempt < 40; attempt++) {
      last = handshake(port, rootPem).output();
      if (last.contains(expected)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no stapled answer saying \"" + expected + "\" from nginx; last handshake:\n" + last
        + "\nnginx error log:\n" + Files.readString(dir.resolve("error.log")));
  }

  private void awaitListening(int port) throws Exception {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        if (!nginx.isAlive()) {
          throw new AssertionError("nginx stopped: " + Files.readString(dir.resolve("nginx.out"))
              + Files.readString(dir.resolve("error.log")));
        }
        Thread.sleep(100);
      }
    }
    throw new AssertionError("nginx does not listen on " + port);
  }

  private static String pemOf(byte[] der) throws Exception {
    X509Certificate certificate =
        (X509Certificate)
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
    return CertificatePem.encode(certificate);
  }

  record Run(int exit, String output) {}

  private Run run(String... command) throws Exception {
    Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    // s_client waits for input; an empty stdin ends the session after the handshake.
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command[0] + " did not finish");
    }
    return new Run(process.exitValue(), output);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** openssl prints an INTEGER's content octets: whole bytes, so a leading zero nibble is shown. */
  private static String opensslHex(java.math.BigInteger serial) {
    String hex = serial.toString(16);
    return hex.length() % 2 == 0 ? hex : "0" + hex;
  }
}
