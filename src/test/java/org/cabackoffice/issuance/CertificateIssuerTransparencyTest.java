package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.cabackoffice.transparency.CertificateTransparencyLogs;
import org.cabackoffice.transparency.CtProperties;
import org.cabackoffice.transparency.LoopbackCtLog;
import org.cabackoffice.transparency.SignedCertificateTimestamp;
import org.cabackoffice.transparency.TransparencyFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Issuance with Certificate Transparency on, against logs on loopback ports (RFC 6962): the
 * precertificate is recorded and signed by the issuing CA, logged, and the final certificate is
 * its TBS without the poison plus the verified SCTs; a log that fails stops issuance, named.
 */
class CertificateIssuerTransparencyTest {

  private static final Clock CLOCK = TestFixtures.clockAt("2026-01-10T03:00:00Z");

  @TempDir Path dir;
  private final List<LoopbackCtLog> logs = new ArrayList<>();
  private CertificateIssuerTest.CountingAuthority authority;
  private TestFixtures.InMemoryCertificates certificates;
  private TestFixtures.InMemorySignings signings;
  private InMemoryPrecertificateSignings precertificateSignings;

  @BeforeEach
  void setUp() {
    authority = new CertificateIssuerTest.CountingAuthority(dir, CLOCK);
    certificates = new TestFixtures.InMemoryCertificates();
    signings = new TestFixtures.InMemorySignings();
    precertificateSignings = new InMemoryPrecertificateSignings();
  }

  @AfterEach
  void stopLogs() {
    logs.forEach(LoopbackCtLog::close);
  }

  private LoopbackCtLog log(String name, String operator) {
    LoopbackCtLog log = new LoopbackCtLog(name, operator);
    log.accept(authority.rootCertificate());
    logs.add(log);
    return log;
  }

  private CertificateIssuer issuer(Duration timeout) {
    CtProperties properties =
        new CtProperties(true, logs.stream().map(LoopbackCtLog::configuration).toList(), 2, 2, timeout);
    Precertificates precertificates =
        new Precertificates(
            authority, new PreIssuanceLint(), precertificateSignings, new CertificateTransparencyLogs(properties),
            TransactionOperations.withoutTransaction(), CLOCK);
    return new CertificateIssuer(
        authority, new PreIssuanceLint(), certificates, signings, TransactionOperations.withoutTransaction(),
        precertificates, () -> 0, CLOCK);
  }

  private static IssuanceRequest request() throws Exception {
    return TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of("example.jp"));
  }

  @Test
  void theFinalCertificateIsThePrecertificateWithoutThePoisonPlusVerifiedScts() throws Exception {
    LoopbackCtLog alpha = log("alpha", "Operator A");
    LoopbackCtLog beta = log("beta", "Operator B");
    LoopbackCtLog gamma = log("gamma", "Operator B");

    IssuedCertificate issued = issuer(Duration.ofSeconds(5)).issue(request());

    X509Certificate certificate = CertificatePem.parse(issued.pem()).get(0);
    assertThat(certificate.getExtensionValue(Precertificates.POISON.getId())).isNull();
    assertThat(certificate.getNonCriticalExtensionOIDs()).contains(Precertificates.SCT_LIST.getId());
    PrecertificateSigning precertificateRecord = precertificateSignings.findBySerial(issued.serial()).orElseThrow();
    assertThat(precertificateRecord.state()).isEqualTo(PrecertificateSigning.State.SIGNED);
    assertThat(precertificateRecord.detail()).isEqualTo("SCTs from alpha, beta, gamma");
    X509Certificate precertificate = CertificatePem.parse(precertificateRecord.precertificatePem()).get(0);
    // The issuing CA itself signed the precertificate (SC-092), with the same serial.
    precertificate.verify(authority.issuingCertificate().getPublicKey());
    assertThat(precertificate.getSerialNumber()).isEqualTo(certificate.getSerialNumber());
    assertThat(precertificate.getCriticalExtensionOIDs()).contains(Precertificates.POISON.getId());
    assertThat(Precertificates.tbsWithout(certificate, Precertificates.SCT_LIST))
        .isEqualTo(Precertificates.tbsWithout(precertificate, Precertificates.POISON));
    assertThat(authority.realSignatures).isEqualTo(2);
    assertThat(alpha.entries() + beta.entries() + gamma.entries()).isEqualTo(3);
    assertThat(logs).allSatisfy(l -> assertThat(l.refusals()).isEmpty());

    // Each embedded SCT verifies as a relying party checks it: over the final certificate's TBS
    // without the SCT list, under the key of the log its id names.
    List<SignedCertificateTimestamp> embedded = embeddedScts(certificate);
    assertThat(embedded).hasSize(3);
    byte[] issuerKeyHash =
        MessageDigest.getInstance("SHA-256").digest(authority.issuingCertificate().getPublicKey().getEncoded());
    byte[] tbs = Precertificates.tbsWithout(certificate, Precertificates.SCT_LIST);
    for (SignedCertificateTimestamp sct : embedded) {
      LoopbackCtLog from = logs.stream().filter(l -> Arrays.equals(l.logId(), sct.logId())).findFirst().orElseThrow();
      assertThat(sct.verifies(publicKey(from), issuerKeyHash, tbs)).as("SCT of " + from.name()).isTrue();
    }
    TestFixtures.validatePkix(certificate, authority, CLOCK.instant().plusSeconds(60));

    // The log's tree now holds the entry: get-sth (RFC 6962 4.3) answers a tree head it signed.
    String sth =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(alpha.url() + "ct/v1/get-sth")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    com.fasterxml.jackson.databind.JsonNode head = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sth);
    assertThat(head.path("tree_size").asLong()).isEqualTo(1);
    java.io.ByteArrayOutputStream signed = new java.io.ByteArrayOutputStream();
    signed.write(0);
    signed.write(1);
    signed.writeBytes(java.nio.ByteBuffer.allocate(16).putLong(head.path("timestamp").asLong()).putLong(1).array());
    signed.writeBytes(java.util.Base64.getDecoder().decode(head.path("sha256_root_hash").asText()));
    byte[] treeHeadSignature = java.util.Base64.getDecoder().decode(head.path("tree_head_signature").asText());
    java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(publicKey(alpha));
    verifier.update(signed.toByteArray());
    assertThat(verifier.verify(Arrays.copyOfRange(treeHeadSignature, 4, treeHeadSignature.length))).isTrue();
  }

  @Test
  void theSerialIsRecordedBeforeTheKeySignsThePrecertificate() throws Exception {
    log("alpha", "Operator A");
    log("beta", "Operator B");
    log("gamma", "Operator C");
    List<String> seen = new ArrayList<>();
    authority =
        new CertificateIssuerTest.CountingAuthority(dir, CLOCK) {
          @Override
          X509Certificate sign(X509v3CertificateBuilder tbs) {
            seen.add(precertificateSignings.bySerial.size() + "/" + signings.bySerial.size());
            return super.sign(tbs);
          }
        };
    logs.forEach(l -> l.accept(authority.rootCertificate()));

    issuer(Duration.ofSeconds(5)).issue(request());

    // Precertificate: its record exists, no certificate record yet; then the certificate's.
    assertThat(seen).containsExactly("1/0", "1/1");
  }

  @Test
  void aLogAnswering500StopsIssuanceNamingTheLogAndTheRetrySucceedsWhenItIsBack() throws Exception {
    log("alpha", "Operator A");
    LoopbackCtLog beta = log("beta", "Operator B");
    log("gamma", "Operator C");
    beta.failWith(500);
    CertificateIssuer issuer = issuer(Duration.ofSeconds(5));
    IssuanceRequest request = request();

    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOf(TransparencyFailure.class)
        .hasMessageContaining("2 SCT(s), the CT policies need 3")
        .hasMessageContaining("CT log beta (" + beta.url() + "ct/v1/add-pre-chain): add-pre-chain answered HTTP 500");
    // The precertificate was signed and stays on record; no certificate was signed.
    assertThat(authority.realSignatures).isEqualTo(1);
    assertThat(signings.bySerial).isEmpty();
    assertThat(certificates.findFirstByApplicationId(42L)).isEmpty();
    PrecertificateSigning orphan = precertificateSignings.bySerial.values().iterator().next();
    assertThat(orphan.state()).isEqualTo(PrecertificateSigning.State.SIGNED);
    assertThat(orphan.detail()).startsWith("not logged: ").contains("beta");
    // BR 7.1.2.9: presumed to have a certificate, so OCSP and the CRL answer for its serial.
    OrphanPrecertificates orphans = new OrphanPrecertificates(precertificateSignings, certificates);
    X509Certificate precertificate = CertificatePem.parse(orphan.precertificatePem()).get(0);
    assertThat(orphans.find(orphan.serial()))
        .contains(new OrphanPrecertificates.OrphanPrecertificate(
            orphan.serial(), 42L, 0, precertificate.getNotAfter().toInstant()));

    beta.recover();
    IssuedCertificate issued = issuer.issue(request);
    assertThat(orphans.find(issued.serial())).isEmpty();

    assertThat(embeddedScts(CertificatePem.parse(issued.pem()).get(0))).hasSize(3);
    assertThat(signings.findBySerial(issued.serial()).orElseThrow().state()).isEqualTo(CertificateSigning.State.ISSUED);
  }

  @Test
  void aLogThatDoesNotAnswerInTimeStopsIssuanceNamingTheLog() throws Exception {
    log("alpha", "Operator A");
    log("beta", "Operator B");
    LoopbackCtLog slow = log("slow", "Operator C");
    slow.answerAfter(8_000);

    assertThatThrownBy(() -> issuer(Duration.ofSeconds(2)).issue(request()))
        .isInstanceOf(TransparencyFailure.class)
        .hasMessageContaining("CT log slow (")
        .hasMessageContaining("no answer within 2000 ms");
    assertThat(signings.bySerial).isEmpty();
  }

  @Test
  void tooFewSctsForTheLifetimeStopIssuance() throws Exception {
    // 398 days (issued before 2026-03-15): Chrome and Apple ask for 3 SCTs, two logs give 2.
    log("alpha", "Operator A");
    log("beta", "Operator B");

    assertThatThrownBy(() -> issuer(Duration.ofSeconds(5)).issue(request()))
        .isInstanceOf(TransparencyFailure.class)
        .hasMessage("Certificate Transparency: 2 SCT(s), the CT policies need 3 for this certificate's"
            + " lifetime; no certificate signed, retry when the logs answer");
    assertThat(signings.bySerial).isEmpty();
  }

  @Test
  void sctsFromOneOperatorAreNotEnough() throws Exception {
    log("alpha", "Operator A");
    log("beta", "Operator B");
    log("gamma", "Operator B");
    logs.get(0).failWith(503);

    assertThatThrownBy(() -> issuer(Duration.ofSeconds(5)).issue(request()))
        .isInstanceOf(TransparencyFailure.class)
        .hasMessageContaining("2 SCT(s)")
        .hasMessageContaining("CT log alpha");
  }

  @Test
  void aLogThatRefusesTheChainIsNamedWithItsReason() throws Exception {
    log("alpha", "Operator A");
    log("beta", "Operator B");
    LoopbackCtLog strict = log("strict", "Operator C");
    strict.accept(TestFixtures.authority(dir.resolve("other"), CLOCK).rootCertificate());

    assertThatThrownBy(() -> issuer(Duration.ofSeconds(5)).issue(request()))
        .isInstanceOf(TransparencyFailure.class)
        .hasMessageContaining("CT log strict")
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("does not end in a root this log accepts");
  }

  @Test
  void aPrecertificateSigningCutOffByACrashIsMarkedInterruptedAtStartUp() {
    precertificateSignings.saveAndFlush(new PrecertificateSigning("0c", 3L, "00".repeat(32), CLOCK.instant().minusSeconds(600)));
    precertificateSignings.saveAndFlush(new PrecertificateSigning("0d", 4L, "00".repeat(32), CLOCK.instant().minusSeconds(5)));

    assertThat(new InterruptedSignings(signings, precertificateSignings, CLOCK).reconcile()).isEqualTo(1);

    assertThat(precertificateSignings.findBySerial("0c").orElseThrow().state()).isEqualTo(PrecertificateSigning.State.INTERRUPTED);
    assertThat(precertificateSignings.findBySerial("0d").orElseThrow().state()).isEqualTo(PrecertificateSigning.State.STARTED);
  }

  @Test
  void withLogsOffNothingChanges() throws Exception {
    CertificateIssuer plain =
        new CertificateIssuer(
            authority, new PreIssuanceLint(), certificates, signings, TransactionOperations.withoutTransaction(), CLOCK);

    X509Certificate certificate = CertificatePem.parse(plain.issue(request()).pem()).get(0);

    assertThat(certificate.getExtensionValue(Precertificates.SCT_LIST.getId())).isNull();
    assertThat(authority.realSignatures).isEqualTo(1);
  }

  /** Reads the extension back as a relying party would (RFC 6962 3.3), independently of the encoder. */
  static List<SignedCertificateTimestamp> embeddedScts(X509Certificate certificate) {
    byte[] list =
        ASN1OctetString.getInstance(
                ASN1OctetString.getInstance(certificate.getExtensionValue(Precertificates.SCT_LIST.getId())).getOctets())
            .getOctets();
    int total = ((list[0] & 0xFF) << 8) | (list[1] & 0xFF);
    assertThat(total).isEqualTo(list.length - 2);
    List<SignedCertificateTimestamp> scts = new ArrayList<>();
    int at = 2;
    while (at < list.length) {
      int length = ((list[at] & 0xFF) << 8) | (list[at + 1] & 0xFF);
      byte[] sct = Arrays.copyOfRange(list, at + 2, at + 2 + length);
      assertThat(sct[0]).as("v1").isEqualTo((byte) 0);
      long timestamp = 0;
      for (int i = 33; i < 41; i++) {
        timestamp = (timestamp << 8) | (sct[i] & 0xFF);
      }
      int extensions = ((sct[41] & 0xFF) << 8) | (sct[42] & 0xFF);
      scts.add(
          new SignedCertificateTimestamp(
              Arrays.copyOfRange(sct, 1, 33),
              timestamp,
              Arrays.copyOfRange(sct, 43, 43 + extensions),
              Arrays.copyOfRange(sct, 43 + extensions, sct.length)));
      at += 2 + length;
    }
    return scts;
  }

  private static java.security.PublicKey publicKey(LoopbackCtLog log) throws Exception {
    return java.security.KeyFactory.getInstance("EC")
        .generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(log.publicKeyBase64())));
  }

  static final class InMemoryPrecertificateSignings implements PrecertificateSigningRepository {
    final Map<String, PrecertificateSigning> bySerial = new LinkedHashMap<>();

    @Override
    public PrecertificateSigning saveAndFlush(PrecertificateSigning signing) {
      bySerial.put(signing.serial(), signing);
      return signing;
    }

    @Override
    public Optional<PrecertificateSigning> findBySerial(String serial) {
      return Optional.ofNullable(bySerial.get(serial));
    }

    @Override
    public List<PrecertificateSigning> findByStateAndStartedAtBefore(PrecertificateSigning.State state, Instant before) {
      return bySerial.values().stream().filter(s -> s.state() == state && s.startedAt().isBefore(before)).toList();
    }

    @Override
    public List<PrecertificateSigning> findByApplicationIdOrderByIdAsc(Long applicationId) {
      return bySerial.values().stream().filter(s -> applicationId.equals(s.applicationId())).toList();
    }
  }
}
