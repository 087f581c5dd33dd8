package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cabackoffice.crl.CrlPublication;
import org.cabackoffice.issuance.CaProperties;
import org.cabackoffice.issuance.CertificatePem;
import org.cabackoffice.issuance.SoftHsmToken;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The CA's keys in a real PKCS#11 token (SoftHSM2 from Debian, through the JDK's SunPKCS11): a
 * key ceremony generates the root, issuing CA and OCSP responder keys inside the token, the
 * application opens it through its configuration ({@code backoffice.ca.keystore-type=PKCS11},
 * {@code backoffice.ca.pkcs11-config}), and a certificate issued through the walkthrough, its
 * revocation's CRL, the OCSP answers and the root's ARL are all signed inside the token, as
 * openssl checks them. The private keys never leave it: the token refuses to give them out.
 *
 * <p>Runs in its own JVM, which failsafe starts with {@code SOFTHSM2_CONF} (SoftHSM reads its
 * configuration's path from the environment when SunPKCS11 loads it).
 */
@Tag("own-context")
class Pkcs11TokenIT extends BackOfficeIT {

  static final int PORT = freePort();
  static final String PIN = "4711-it-pin";
  static SoftHsmToken token;

  @DynamicPropertySource
  static void keysInTheToken(DynamicPropertyRegistry registry) throws Exception {
    String base = "http://127.0.0.1:" + PORT;
    token = SoftHsmToken.initialize(Files.createTempDirectory("softhsm-it"), PIN);
    token.holdCeremony(CaProperties.developmentCa(PIN, null), base + "/crl/root-ca.crl", Clock.systemUTC());
    Path config = token.sunPkcs11Config();
    registry.add("server.port", () -> String.valueOf(PORT));
    registry.add("backoffice.base-url", () -> base);
    registry.add("backoffice.ca.keystore-type", () -> "PKCS11");
    registry.add("backoffice.ca.pkcs11-config", config::toString);
    registry.add("backoffice.ca.keystore-password", () -> PIN);
    registry.add("backoffice.ca.create-if-missing", () -> "false");
    // The audit key is its own PKCS#12 (it follows the CA's create-if-missing unless told).
    registry.add("backoffice.audit-log.create-if-missing", () -> "true");
  }

  @Autowired CrlPublication crls;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path dir;
  final HttpClient plainHttp = HttpClient.newHttpClient();

  @Test
  void theTokenSignsCertificatesCrlsOcspAndTheArlAndNeverGivesOutAKey() throws Exception {
    // The ceremony's keys: made inside the token, sensitive and never extractable.
    String objects = token.listObjects();
    assertThat(token.privateKeyAccess())
        .hasSize(3)
        .allSatisfy(access -> assertThat(access).isEqualTo("sensitive, always sensitive, never extractable, local"));
    for (String alias : List.of("root-ca", "issuing-ca", "ocsp-responder")) {
      assertThat(objects).contains("label:      " + alias);
      assertThat(token.exportRefusal(alias)).as("the token gave out the private key of " + alias).isNotNull();
    }

    // The CA certificates the application publishes are the token's.
    Path root = derToPem("root.pem", get("/ca/root-ca.crt").body(), "x509");
    Path issuing = derToPem("issuing.pem", get("/ca/issuing-ca.crt").body(), "x509");
    assertThat(openssl("verify", "-CAfile", root.toString(), issuing.toString()).output()).contains(": OK");

    // Issued through the walkthrough: signed by the issuing key inside the token.
    Issued issued = issue("token-signed.jp");
    Path leaf = Files.writeString(dir.resolve("leaf.pem"), CertificatePem.encode(issued.certificate()));
    assertThat(openssl("verify", "-CAfile", root.toString(), "-untrusted", issuing.toString(), leaf.toString()).output())
        .contains(": OK");

    // OCSP before the revocation: good, signed by the responder, whose certificate the issuing
    // key in the token signed.
    String ocspUrl = "http://127.0.0.1:" + PORT + "/ocsp";
    Run good = openssl("ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(), "-url", ocspUrl,
        "-CAfile", root.toString(), "-verify_other", issuing.toString());
    assertThat(good.output()).contains("Response verify OK").contains(leaf + ": good");

    // The token logs out under the application (as an unplugged token's sessions do): signing is a
    // retryable incident naming the key and what the token said, the application waits at
    // signing, and the retry, with the token back, opens it again and issues exactly once.
    long waiting = applyUntilApproval("token-out.jp");
    for (java.security.Provider provider : java.security.Security.getProviders()) {
      if (provider instanceof java.security.AuthProvider token && provider.getName().startsWith("SunPKCS11-")) {
        token.logout();
      }
    }
    try {
      completeTask(waiting, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "all checks recorded"));
    } catch (RuntimeException expected) {
      assertThat(expected).hasMessageContaining("the CA key 'issuing-ca' in the PKCS#11 token could not sign: CKR_");
    }
    org.camunda.bpm.engine.runtime.Job signing =
        management.createJobQuery()
            .processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(waiting))
                .processDefinitionKey("certificate-renewal").singleResult().getId())
            .activityId("sign-certificate").singleResult();
    assertThat(signing).as("the signing job waits for its retry").isNotNull();
    assertThat(signing.getExceptionMessage()).contains("'issuing-ca'").containsPattern("CKR_[A-Z_]+").contains("resumes on retry");
    assertThat(signing.getRetries()).isEqualTo(2);
    assertThat(customer().getForObject("/api/applications/" + waiting, Map.class).get("status")).isNotIn("ISSUED", "REJECTED", "REFUSED");
    management.executeJob(signing.getId());
    runJobs();
    @SuppressWarnings("unchecked")
    Map<String, Object> resumed = customer().getForObject("/api/applications/" + waiting, Map.class);
    assertThat(resumed).containsEntry("status", "ISSUED");
    assertThat(jdbc.queryForList("select state from certificate_signing where application_id = ? order by id", String.class, waiting))
        .containsExactly("FAILED", "ISSUED");
    assertThat(jdbc.queryForObject("select count(*) from issued_certificate where application_id = ?", Integer.class, waiting)).isEqualTo(1);

    // The customer revokes it; the CRL signed by the token says so.
    ResponseEntity<Map> accepted =
        customer().postForEntity(
            "/api/certificates/" + issued.serial() + "/revocations",
            Map.of("reason", "keyCompromise", "comment", "the server was broken into"),
            Map.class);
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    runJobs();
    assertThat(customer().getForObject("/api/certificates/" + issued.serial(), Map.class)).containsEntry("status", "REVOKED");

    HttpResponse<byte[]> crl = plainHttp.send(
        HttpRequest.newBuilder(URI.create(RevocationPublicationIT.crlDistributionPoint(issued.certificate()))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(crl.statusCode()).isEqualTo(200);
    Path crlPem = derToPem("crl.pem", crl.body(), "crl");
    assertThat(openssl("crl", "-in", crlPem.toString(), "-CAfile", issuing.toString(), "-noout").output()).contains("verify OK");
    Run verify = openssl("verify", "-crl_check", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
        "-CRLfile", crlPem.toString(), leaf.toString());
    assertThat(verify.output()).contains("certificate revoked");

    Run revoked = openssl("ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(), "-url", ocspUrl,
        "-CAfile", root.toString(), "-verify_other", issuing.toString());
    assertThat(revoked.output()).contains("Response verify OK").contains(leaf + ": revoked").contains("Reason: keyCompromise");

    // The root key in the token signs the ARL, and that use is recorded.
    assertThat(crls.publishArl("operator", "Pkcs11TokenIT: the root key in a token")).isPresent();
    HttpResponse<byte[]> arl = get("/crl/root-ca.crl");
    assertThat(arl.statusCode()).isEqualTo(200);
    Path arlPem = derToPem("arl.pem", arl.body(), "crl");
    assertThat(openssl("crl", "-in", arlPem.toString(), "-CAfile", root.toString(), "-noout").output()).contains("verify OK");
    assertThat(jdbc.queryForObject("select count(*) from root_key_use where detail like '%Pkcs11TokenIT%'", Integer.class))
        .isEqualTo(1);
  }

  record Issued(long applicationId, String serial, X509Certificate certificate) {}

  private Issued issue(String domain) throws Exception {
    long id = applyUntilApproval(domain);
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "all checks recorded"));
    @SuppressWarnings("unchecked")
    Map<String, Object> application = customer().getForObject("/api/applications/" + id, Map.class);
    assertThat(application).containsEntry("status", "ISSUED");
    String serial = (String) application.get("serial");
    @SuppressWarnings("unchecked")
    Map<String, Object> certificate = customer().getForObject("/api/certificates/" + serial, Map.class);
    return new Issued(id, serial, CertificatePem.parse((String) certificate.get("pem")).get(0));
  }

  /** Applies and runs every step up to the senior officer's approval; returns the application id. */
  private long applyUntilApproval(String domain) throws Exception {
    WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    KeyPair key = CsrFactory.p256();
    String csr = CsrFactory.pem(key, "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www." + domain));
    ResponseEntity<Map> created =
        customer().postForEntity("/api/applications", CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    return id;
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    return plainHttp.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private Path derToPem(String name, byte[] der, String kind) throws Exception {
    Path in = Files.write(dir.resolve(name + ".der"), der);
    Path out = dir.resolve(name);
    Run run = openssl(kind, "-inform", "DER", "-in", in.toString(), "-outform", "PEM", "-out", out.toString());
    assertThat(run.exit()).as(run.output()).isZero();
    return out;
  }

  record Run(int exit, String output) {}

  private static Run openssl(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("openssl did not finish: " + command);
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
}
