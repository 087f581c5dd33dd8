package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cabackoffice.testsupport.OpenSslText;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.CertificatePem;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificateRepository;
import org.cabackoffice.revocation.RevocationReason;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.transparency.LoopbackCtLog;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Certificate Transparency as a publicly trusted CA runs it, against three RFC 6962 logs on
 * loopback ports of two operators: the walkthrough's certificate carries their SCTs, as OpenSSL
 * reads them; a log that fails stops signing as an incident naming it, retried once it is back.
 */
@Tag("own-context")
class CertificateTransparencyIT extends BackOfficeIT {

  static final LoopbackCtLog ALPHA = new LoopbackCtLog("loopback-alpha", "Loopback Logs A");
  static final LoopbackCtLog BETA = new LoopbackCtLog("loopback-beta", "Loopback Logs B");
  static final LoopbackCtLog GAMMA = new LoopbackCtLog("loopback-gamma", "Loopback Logs B");
  static final List<LoopbackCtLog> LOGS = List.of(ALPHA, BETA, GAMMA);

  @DynamicPropertySource
  static void transparency(DynamicPropertyRegistry registry) {
    registry.add("backoffice.ct.enabled", () -> "true");
    registry.add("backoffice.ct.timeout", () -> "5s");
    for (int i = 0; i < LOGS.size(); i++) {
      LoopbackCtLog log = LOGS.get(i);
      registry.add("backoffice.ct.logs[" + i + "].name", log::name);
      registry.add("backoffice.ct.logs[" + i + "].url", log::url);
      registry.add("backoffice.ct.logs[" + i + "].operator", log::operator);
      registry.add("backoffice.ct.logs[" + i + "].public-key", log::publicKeyBase64);
    }
  }

  @Autowired CertificateAuthority ca;
  @Autowired IssuedCertificateRepository certificates;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.cabackoffice.ocsp.OcspResponder ocsp;
  @Autowired org.cabackoffice.revocation.CertificateRevocations revocations;
  @Autowired org.cabackoffice.issuance.OrphanPrecertificates orphans;
  @Autowired org.cabackoffice.crl.CrlPublication crls;

  @BeforeEach
  void logsAcceptTheCaRoot() {
    LOGS.forEach(log -> {
      log.accept(ca.rootCertificate());
      log.recover();
    });
  }

  @Test
  void theIssuedCertificateCarriesTheSctsOfTheLogsAsOpensslReadsThem() throws Exception {
    long id = approved("sample-ct.jp");
    runJobs();

    IssuedCertificate issued = certificates.findFirstByApplicationId(id).orElseThrow();
    X509Certificate certificate = CertificatePem.parse(issued.pem()).get(0);
    assertThat(certificate.getExtensionValue("1.3.6.1.4.1.11129.2.4.3")).as("no poison").isNull();
    assertThat(LOGS).allSatisfy(log -> assertThat(log.refusals()).isEmpty());
    assertThat(jdbc.queryForList(
            "select state, detail from precertificate_signing where application_id = ?", id))
        .singleElement()
        .satisfies(row -> {
          assertThat(row.get("state")).isEqualTo("SIGNED");
          assertThat(row.get("detail")).isEqualTo("SCTs from loopback-alpha, loopback-beta, loopback-gamma");
        });

    String text = OpenSslText.x509(issued.pem());
    assertThat(text).contains("CT Precertificate SCTs");
    String joined = text.replaceAll("\\s", "");
    for (LoopbackCtLog log : LOGS) {
      assertThat(joined).as("log id of " + log.name()).contains("LogID:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(log.logId()));
    }
    assertThat(text).doesNotContain("CT Precertificate Poison");
  }

  @Test
  void aLogAnswering500StopsSigningAsAnIncidentNamingItAndTheRetryIssuesWhenItIsBack() throws Exception {
    long id = approved("sample-ct-down.jp");
    String process = processInstanceId(id);
    BETA.failWith(500);

    assertThatThrownBy(this::runJobs).hasMessageContaining("CT log loopback-beta");
    Job signing = management.createJobQuery().processInstanceId(process).activityId("sign-certificate").singleResult();
    while (management.createJobQuery().jobId(signing.getId()).singleResult().getRetries() > 0) {
      assertThatThrownBy(() -> management.executeJob(signing.getId())).hasMessageContaining("HTTP 500");
    }
    Incident incident = runtime.createIncidentQuery().processInstanceId(process).singleResult();
    assertThat(incident.getIncidentMessage())
        .contains("Certificate Transparency: 2 SCT(s), the CT policies need 3")
        .contains("CT log loopback-beta (" + BETA.url() + "ct/v1/add-pre-chain): add-pre-chain answered HTTP 500");
    assertThat(certificates.findFirstByApplicationId(id)).isEmpty();
    // Every precertificate the CA key signed is on record, though none became a certificate.
    assertThat(jdbc.queryForList("select detail from precertificate_signing where application_id = ?", String.class, id))
        .hasSize(3)
        .allSatisfy(detail -> assertThat(detail).startsWith("not logged: ").contains("loopback-beta"));
    orphanPrecertificateIsAnsweredForRevokedAndListed(
        jdbc.queryForList("select serial from precertificate_signing where application_id = ?", String.class, id).get(0));

    // Operations retry the incident once the log answers again.
    BETA.recover();
    management.setJobRetries(signing.getId(), 1);
    management.executeJob(signing.getId());
    runJobs();

    IssuedCertificate issued = certificates.findFirstByApplicationId(id).orElseThrow();
    assertThat(OpenSslText.x509(issued.pem())).contains("CT Precertificate SCTs");
    assertThat(runtime.createIncidentQuery().processInstanceId(process).count()).isZero();
  }

  /**
   * BR 7.1.2.9: a precertificate is presumed to have a certificate, so its serial is answered by
   * OCSP (good, then revoked) and, once revoked, listed on the CRL shard it names, although its
   * certificate was never issued.
   */
  private void orphanPrecertificateIsAnsweredForRevokedAndListed(String serial) throws Exception {
    assertThat(ocspStatus(serial)).isNull(); // good

    revocations.revoke(serial, RevocationReason.SUPERSEDED, "senior-it", "precertificate without certificate");

    int shard = orphans.find(serial).orElseThrow().crlShard();
    java.security.cert.X509CRL crl =
        (java.security.cert.X509CRL)
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCRL(new java.io.ByteArrayInputStream(crls.latestShard(shard).orElseThrow().der()));
    assertThat(crl.getRevokedCertificate(new java.math.BigInteger(serial, 16))).isNotNull();
    assertThat(ocspStatus(serial)).isInstanceOf(org.bouncycastle.cert.ocsp.RevokedStatus.class);
  }

  private org.bouncycastle.cert.ocsp.CertificateStatus ocspStatus(String serial) throws Exception {
    org.bouncycastle.cert.ocsp.CertificateID certificateId =
        new org.bouncycastle.cert.ocsp.CertificateID(
            new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build()
                .get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1),
            new org.bouncycastle.cert.jcajce.JcaX509CertificateHolder(ca.issuingCertificate()),
            new java.math.BigInteger(serial, 16));
    byte[] request = new org.bouncycastle.cert.ocsp.OCSPReqBuilder().addRequest(certificateId).build().getEncoded();
    org.bouncycastle.cert.ocsp.OCSPResp response = new org.bouncycastle.cert.ocsp.OCSPResp(ocsp.answer(request).der());
    assertThat(response.getStatus()).isEqualTo(org.bouncycastle.cert.ocsp.OCSPResp.SUCCESSFUL);
    return ((org.bouncycastle.cert.ocsp.BasicOCSPResp) response.getResponseObject()).getResponses()[0].getCertStatus();
  }

  /** An application for www.{@code domain} through validation, payment, the call and approval. */
  private long approved(String domain) throws Exception {
    WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    String csr =
        CsrFactory.pem(CsrFactory.p256(), "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www." + domain));
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications", CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    Task approval =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("approve-issuance").singleResult();
    tasks.claim(approval.getId(), "senior");
    completeAs("senior", approval.getId(), Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));
    return id;
  }

}
