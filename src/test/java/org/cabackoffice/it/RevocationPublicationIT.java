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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.cabackoffice.issuance.CertificateIssuer;
import org.cabackoffice.issuance.CertificatePem;
import org.cabackoffice.issuance.CertificateProfile;
import org.cabackoffice.issuance.IssuanceRequest;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.revocation.CertificateRevocations;
import org.cabackoffice.revocation.RevocationReason;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
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
 * A certificate's status as relying parties read it, with the real openssl: the CRL at the URL the
 * certificate names verifies under the issuing CA and makes {@code openssl verify -crl_check} say
 * "certificate revoked"; {@code openssl ocsp} at the certificate's AIA URL says revoked with the
 * reason, and good for a certificate nobody revoked.
 */
@Tag("own-context")
class RevocationPublicationIT extends BackOfficeIT {

  /** The server listens where certificates point: base URL and port fixed before the start. */
  static final int PORT = freePort();

  @DynamicPropertySource
  static void publicationUrls(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> String.valueOf(PORT));
    registry.add("backoffice.base-url", () -> "http://127.0.0.1:" + PORT);
    // Two certificates per shard here, so the second shard opens within the test.
    registry.add("backoffice.ca.crl-shard-size", () -> "2");
  }

  @Autowired CertificateIssuer issuer;
  @Autowired CertificateRevocations revocations;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.core.env.Environment environment;

  @TempDir Path dir;
  final HttpClient plainHttp = HttpClient.newHttpClient();

  @BeforeAll
  static void opensslIsThere() throws Exception {
    Process version = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
    assertThat(version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0)
        .as("the openssl binary is needed (apt-get install openssl)")
        .isTrue();
  }

  @Test
  void aRevokedCertificateIsOnTheCrlItNamesAndOcspSaysRevokedAsOpensslReadsThem() throws Exception {
    X509Certificate revoked = issue("revoked.sample-direct.jp");
    X509Certificate good = issue("good.sample-direct.jp");
    Path leaf = pem("revoked.pem", revoked);
    Path goodLeaf = pem("good.pem", good);

    // AIA caIssuers and the root are public, DER (BR 7.1.2.7.7).
    HttpResponse<byte[]> issuingCa = get(caIssuers(revoked));
    assertThat(issuingCa.statusCode()).isEqualTo(200);
    assertThat(issuingCa.headers().firstValue("Content-Type")).hasValue("application/pkix-cert");
    Path issuing = derToPem("issuing.pem", issuingCa.body(), "x509");
    Path root = derToPem("root.pem", get("http://127.0.0.1:" + PORT + "/ca/root-ca.crt").body(), "x509");

    revocations.revoke(revoked.getSerialNumber().toString(16), RevocationReason.KEY_COMPROMISE, "officer", "RevocationPublicationIT");

    // The CRL at the certificate's distribution point, signed after the revocation committed.
    String crlUrl = crlDistributionPoint(revoked);
    assertThat(crlUrl).isEqualTo("http://127.0.0.1:" + PORT + "/crl/issuing-ca/0.crl");
    HttpResponse<byte[]> crl = get(crlUrl);
    assertThat(crl.statusCode()).isEqualTo(200);
    assertThat(crl.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
    assertThat(crl.headers().firstValue("Last-Modified")).isPresent();
    assertThat(crl.headers().firstValue("Expires")).isPresent();
    Path crlDer = Files.write(dir.resolve("crl.der"), crl.body());

    Run crlVerify = openssl("crl", "-inform", "DER", "-in", crlDer.toString(), "-CAfile", issuing.toString(), "-noout");
    assertThat(crlVerify.output()).contains("verify OK");
    assertThat(crlVerify.exit()).isZero();
    Run crlText = openssl("crl", "-inform", "DER", "-in", crlDer.toString(), "-noout", "-text");
    assertThat(crlText.output())
        .containsIgnoringCase(revoked.getSerialNumber().toString(16))
        .contains("Key Compromise")
        .contains("X509v3 Issuing Distribution Point: critical")
        .doesNotContain("sha1")
        .doesNotContainIgnoringCase(good.getSerialNumber().toString(16));

    Path crlPem = derToPem("crl.pem", crl.body(), "crl");
    Run verifyRevoked =
        openssl("verify", "-crl_check", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
            "-CRLfile", crlPem.toString(), leaf.toString());
    assertThat(verifyRevoked.output()).contains("certificate revoked");
    assertThat(verifyRevoked.exit()).isNotZero();
    Run verifyGood =
        openssl("verify", "-crl_check", "-CAfile", root.toString(), "-untrusted", issuing.toString(),
            "-CRLfile", crlPem.toString(), goodLeaf.toString());
    assertThat(verifyGood.output()).contains(": OK");

    // OCSP at the AIA URL: revoked with the reason, good for the other.
    String ocspUrl = ocsp(revoked);
    assertThat(ocspUrl).isEqualTo("http://127.0.0.1:" + PORT + "/ocsp");
    Run ocspRevoked =
        openssl("ocsp", "-issuer", issuing.toString(), "-cert", leaf.toString(), "-url", ocspUrl,
            "-CAfile", root.toString(), "-verify_other", issuing.toString());
    assertThat(ocspRevoked.output())
        .contains("Response verify OK")
        .contains(leaf + ": revoked")
        .contains("Reason: keyCompromise");
    Run ocspGood =
        openssl("ocsp", "-issuer", issuing.toString(), "-cert", goodLeaf.toString(), "-url", ocspUrl,
            "-CAfile", root.toString(), "-verify_other", issuing.toString());
    assertThat(ocspGood.output()).contains("Response verify OK").contains(goodLeaf + ": good");

    // RFC 5019 GET, with caching headers; and garbage is malformedRequest, not a 500.
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new JcaX509CertificateHolder(CertificatePem.parse(Files.readString(issuing)).get(0)),
            good.getSerialNumber());
    String encoded = Base64.getEncoder().encodeToString(new OCSPReqBuilder().addRequest(id).build().getEncoded());
    HttpResponse<byte[]> viaGet = get(ocspUrl + "/" + java.net.URLEncoder.encode(encoded, StandardCharsets.US_ASCII));
    // Base64 has '/' in it, which clients write %2F (nginx's stapling): a serial whose request
    // encodes one is answered too (unknown: nobody was issued it), and so is one that encodes two
    // in a row (%2F%2F, about one request in forty), which the firewall once took for a double slash.
    for (String fragment : List.of("/", "//")) {
      String withSlash = null;
      for (int serial = 1; withSlash == null; serial++) {
        String candidate =
            Base64.getEncoder()
                .encodeToString(
                    new OCSPReqBuilder()
                        .addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                            new JcaX509CertificateHolder(CertificatePem.parse(Files.readString(issuing)).get(0)),
                            java.math.BigInteger.valueOf(serial)))
                        .build()
                        .getEncoded());
        withSlash = candidate.contains(fragment) ? candidate : null;
      }
      HttpResponse<byte[]> slashed = get(ocspUrl + "/" + java.net.URLEncoder.encode(withSlash, StandardCharsets.US_ASCII));
      assertThat(slashed.statusCode()).as(fragment + " in " + withSlash).isEqualTo(200);
      OCSPResp slashedAnswer = new OCSPResp(slashed.body());
      assertThat(slashedAnswer.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
      assertThat(((BasicOCSPResp) slashedAnswer.getResponseObject()).getResponses()[0].getCertStatus())
          .isInstanceOf(org.bouncycastle.cert.ocsp.UnknownStatus.class);
    }
    assertThat(viaGet.statusCode()).isEqualTo(200);
    assertThat(viaGet.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
    assertThat(viaGet.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=600");
    assertThat(viaGet.headers().firstValue("ETag")).isPresent();
    assertThat(viaGet.headers().firstValue("Last-Modified")).isPresent();
    assertThat(viaGet.headers().firstValue("Expires")).isPresent();
    OCSPResp response = new OCSPResp(viaGet.body());
    assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
    assertThat(((BasicOCSPResp) response.getResponseObject()).getResponses()[0].getCertStatus()).isNull();
    HttpResponse<byte[]> garbage =
        plainHttp.send(
            HttpRequest.newBuilder(URI.create(ocspUrl))
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofString("no request"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(garbage.statusCode()).isEqualTo(200);
    assertThat(new OCSPResp(garbage.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
  }

  /**
   * BR 4.9.7, 7.2.2: a CA certificate the root signed (here one made for the test with the
   * development root's key, as a ceremony would) is recorded, its revocation is asked for by one
   * person and confirmed by another (the same person is refused), and the next ARL lists it with
   * its reason: openssl accepts the ARL and says the CA certificate is revoked.
   */
  @Test
  void aRevokedCaCertificateIsOnTheArlWithItsReasonAfterASecondPersonConfirms() throws Exception {
    java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
    char[] password = environment.getProperty("backoffice.ca.keystore-password").toCharArray();
    try (var in = Files.newInputStream(Path.of(environment.getProperty("backoffice.data-dir"), "ca", "dev-ca.p12"))) {
      keys.load(in, password);
    }
    X509Certificate rootCertificate = (X509Certificate) keys.getCertificate("root-ca");
    java.security.PrivateKey rootKey = (java.security.PrivateKey) keys.getKey("root-ca", password);
    KeyPair subordinateKey = CsrFactory.p256();
    var extensions = new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils();
    java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    var tbs = new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(
            rootCertificate, new java.math.BigInteger(64, new java.security.SecureRandom()).setBit(63),
            java.util.Date.from(now.minusSeconds(60)), java.util.Date.from(now.plus(java.time.Duration.ofDays(365))),
            new javax.security.auth.x500.X500Principal("CN=Retired Issuing CA,O=CA Back Office,C=JP"), subordinateKey.getPublic())
        .addExtension(Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(0))
        .addExtension(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(
            org.bouncycastle.asn1.x509.KeyUsage.keyCertSign | org.bouncycastle.asn1.x509.KeyUsage.cRLSign | org.bouncycastle.asn1.x509.KeyUsage.digitalSignature))
        .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subordinateKey.getPublic()))
        .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(rootCertificate));
    X509Certificate subordinate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
        tbs.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA384withECDSA").build(rootKey)));
    String serial = subordinate.getSerialNumber().toString(16);

    // The issuing CA in the keystore is on the root's record from the start.
    ResponseEntity<List> listed = as("auditor", "auditor").getForEntity("/api/ca-certificates", List.class);
    assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(listed.getBody()).anySatisfy(c -> assertThat(((Map<?, ?>) c).get("kind") + "/" + ((Map<?, ?>) c).get("status")).isEqualTo("ISSUING_CA/ISSUED"));

    // What the root did not sign is refused; the ceremony's certificate is recorded once.
    assertThat(as("operator", "operator").postForEntity("/api/ca-certificates",
        Map.of("pem", CertificatePem.encode(issue("not-a-ca.sample-direct.jp")), "kind", "CROSS_CERTIFICATE"), Map.class).getBody())
        .containsEntry("code", "ca-certificate.other-issuer");
    ResponseEntity<Map> recorded = as("operator", "operator").postForEntity("/api/ca-certificates",
        Map.of("pem", CertificatePem.encode(subordinate), "kind", "ISSUING_CA"), Map.class);
    assertThat(recorded.getStatusCode()).as(String.valueOf(recorded.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(recorded.getBody()).containsEntry("serial", serial).containsEntry("status", "ISSUED");

    // Only staff ask; the reason is a CA certificate's; the same person cannot confirm.
    assertThat(as("officer", "officer").postForEntity("/api/ca-certificates/" + serial + "/revocation",
        Map.of("reason", "keyCompromise", "comment", "x"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<Map> unspecified = as("operator", "operator").postForEntity("/api/ca-certificates/" + serial + "/revocation",
        Map.of("reason", "unspecified", "comment", "ceremony 2026-12-06"), Map.class);
    assertThat(unspecified.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unspecified.getBody()).containsEntry("code", "ca-certificate.reason");
    // RFC 5280's cACompromise is not in BR 7.2.2's table: the ARL could not carry it.
    ResponseEntity<Map> caCompromise = as("operator", "operator").postForEntity("/api/ca-certificates/" + serial + "/revocation",
        Map.of("reason", "cACompromise", "comment", "ceremony 2026-12-06"), Map.class);
    assertThat(caCompromise.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(String.valueOf(caCompromise.getBody())).contains("keyCompromise");
    ResponseEntity<Map> asked = as("operator", "operator").postForEntity("/api/ca-certificates/" + serial + "/revocation",
        Map.of("reason", "keyCompromise", "comment", "key ceremony KC-2026-12 minute 4: HSM partition exposed"), Map.class);
    assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(asked.getBody()).containsEntry("status", "REVOCATION_REQUESTED");
    ResponseEntity<Map> selfConfirmed = as("operator", "operator").postForEntity(
        "/api/ca-certificates/" + serial + "/revocation/confirmation", null, Map.class);
    assertThat(selfConfirmed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(selfConfirmed.getBody()).containsEntry("code", "ca-certificate.four-eyes");
    ResponseEntity<Map> confirmed = as("senior", "senior").postForEntity(
        "/api/ca-certificates/" + serial + "/revocation/confirmation", null, Map.class);
    assertThat(confirmed.getStatusCode()).as(String.valueOf(confirmed.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(confirmed.getBody()).containsEntry("status", "REVOKED").containsEntry("reason", "keyCompromise")
        .containsEntry("revocationRequestedBy", "operator").containsEntry("revokedBy", "senior");
    assertThat(confirmed.getBody().get("arlNumber")).isNotNull();

    // The ARL at its URL: openssl verifies it under the root and says the CA certificate is revoked.
    Path root = derToPem("arl-root.pem", get("http://127.0.0.1:" + PORT + "/ca/root-ca.crt").body(), "x509");
    HttpResponse<byte[]> arl = get("http://127.0.0.1:" + PORT + "/crl/root-ca.crl");
    assertThat(arl.statusCode()).isEqualTo(200);
    Path arlPem = derToPem("arl.pem", arl.body(), "crl");
    assertThat(openssl("crl", "-in", arlPem.toString(), "-CAfile", root.toString(), "-noout").output()).contains("verify OK");
    assertThat(openssl("crl", "-in", arlPem.toString(), "-noout", "-text").output())
        .containsIgnoringCase("Serial Number: " + serial).contains("Key Compromise");
    Path subordinatePem = pem("retired-ca.pem", subordinate);
    Run verify = openssl("verify", "-crl_check", "-CAfile", root.toString(), "-CRLfile", arlPem.toString(), subordinatePem.toString());
    assertThat(verify.output()).contains("certificate revoked");
    // Who used the root key for it is on record (BR 6.2.7).
    assertThat(jdbc.queryForObject("select count(*) from root_key_use where used_by = 'senior' and detail like ?",
        Integer.class, "%" + serial + "%")).isEqualTo(1);
  }

  @Test
  void certificatesBeyondTheShardSizeNameTheNextShardWhoseCrlListsOnlyThem() throws Exception {
    List<X509Certificate> issued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      issued.add(issue("shard" + i + ".sample-direct.jp"));
    }
    List<String> urls = issued.stream().map(RevocationPublicationIT::crlDistributionPoint).toList();
    // Size 2: at most two certificates share a shard, and shards fill in order.
    assertThat(urls.stream().distinct().count()).isGreaterThanOrEqualTo(2);
    X509Certificate last = issued.get(2);
    String lastUrl = crlDistributionPoint(last);
    revocations.revoke(last.getSerialNumber().toString(16), RevocationReason.SUPERSEDED, "officer", "sharding");
    // What the scheduled check asks to find a shard whose CRL a revocation made out of date.
    int lastShard = Integer.parseInt(lastUrl.replaceAll(".*/(\\d+)\\.crl$", "$1"));
    assertThat(revocations.revokedOnCrlShardAfter(lastShard, java.time.Instant.EPOCH)).isTrue();
    assertThat(revocations.revokedOnCrlShardAfter(lastShard, java.time.Instant.now().plusSeconds(60))).isFalse();

    Path issuing = derToPem("issuing.pem", get(caIssuers(last)).body(), "x509");
    Path crl = Files.write(dir.resolve("shard.der"), get(lastUrl).body());
    Run text = openssl("crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", issuing.toString(), "-noout", "-text");
    assertThat(text.output()).contains("verify OK").contains(lastUrl).contains("Superseded");
    for (X509Certificate other : issued) {
      if (!crlDistributionPoint(other).equals(lastUrl)) {
        HttpResponse<byte[]> otherShard = get(crlDistributionPoint(other));
        Path otherDer = Files.write(dir.resolve("other.der"), otherShard.body());
        assertThat(openssl("crl", "-inform", "DER", "-in", otherDer.toString(), "-noout", "-text").output())
            .doesNotContainIgnoringCase(last.getSerialNumber().toString(16));
      }
    }
    // A shard no certificate names is not there.
    assertThat(get("http://127.0.0.1:" + PORT + "/crl/issuing-ca/99999.crl").statusCode()).isEqualTo(404);

    // Operators and auditors list the CRLs; customers do not.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> listed = as("operator", "operator").getForObject("/api/crls", List.class);
    assertThat(listed).isNotEmpty();
    assertThat(listed.get(0)).containsKeys("crlNumber", "thisUpdate", "nextUpdate", "sizeBytes", "shard", "entries");
    assertThat(as("auditor", "auditor").getForEntity("/api/crls", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<String> refused = customer().getForEntity("/api/crls", String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // CRL numbers rise with every CRL of the issuing CA.
    List<Long> numbers = jdbc.queryForList("select crl_number from crl where issuer = 'ISSUING_CA' order by id", Long.class);
    assertThat(numbers).isSorted().doesNotHaveDuplicates();
  }

  private X509Certificate issue(String commonName) throws Exception {
    KeyPair key = CsrFactory.p256();
    long customer = jdbc.queryForObject("select min(id) from customer_account", Long.class);
    IssuedCertificate issued =
        issuer.issue(
            new IssuanceRequest(
                null, customer, CertificateProfile.OV, commonName, List.of(), "Sample K.K.", "Chiyoda-ku",
                "Tokyo", "JP", key.getPublic().getEncoded(), null));
    return CertificatePem.parse(issued.pem()).get(0);
  }

  private HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
    // No credentials: relying parties have none.
    return plainHttp.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private Path pem(String name, X509Certificate certificate) throws IOException {
    return Files.writeString(dir.resolve(name), CertificatePem.encode(certificate));
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
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("openssl did not finish: " + command);
    }
    return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  static String crlDistributionPoint(X509Certificate certificate) {
    CRLDistPoint points =
        CRLDistPoint.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId())).getOctets());
    return ((GeneralNames) points.getDistributionPoints()[0].getDistributionPoint().getName())
        .getNames()[0].getName().toString();
  }

  private static String ocsp(X509Certificate certificate) {
    return access(certificate, AccessDescription.id_ad_ocsp);
  }

  private static String caIssuers(X509Certificate certificate) {
    return access(certificate, AccessDescription.id_ad_caIssuers);
  }

  private static String access(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
    AuthorityInformationAccess aia =
        AuthorityInformationAccess.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.authorityInfoAccess.getId())).getOctets());
    for (AccessDescription description : aia.getAccessDescriptions()) {
      if (description.getAccessMethod().equals(method)) {
        return description.getAccessLocation().getName().toString();
      }
    }
    throw new AssertionError("no " + method + " in the AIA");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
