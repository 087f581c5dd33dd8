package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.cabackoffice.acme.AcmeOrderRecords;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.domain.BindDnsServer;
import org.cabackoffice.domain.CaaEvidence;
import org.cabackoffice.domain.CaaEvidenceRepository;
import org.cabackoffice.domain.DnsCheckEvidence;
import org.cabackoffice.domain.DnsCheckEvidenceRepository;
import org.cabackoffice.domain.DnsChallengeRepository;
import org.cabackoffice.domain.DnsChallengeView;
import org.cabackoffice.domain.DnssecStatus;
import org.cabackoffice.issuance.IssuedCertificateRepository;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The walkthrough's DNS change validation (BR 3.2.2.4.7) and CAA (BR 3.2.2.8) as a publicly
 * trusted CA does them since 2026-03-15: every lookup DNSSEC-validated (BR 3.2.2.4, 3.2.2.8.1,
 * ballot SC-085), against a real BIND 9 on loopback that serves a signed root of its own (the
 * trust anchor) with a signed zone, a zone whose signatures are broken, and an unsigned zone.
 */
@Tag("own-context")
class DnssecIT extends BackOfficeIT {

  static final BindDnsServer BIND =
      new BindDnsServer()
          .signed("sample-signed.jp")
          .caa("sample-signed.jp", 0, "issue", "backoffice.example")
          .unsigned("sample-unsigned.jp")
          .broken("sample-bogus.jp")
          // Domain control is proven in a signed zone, but the name's CAA sits in a broken one.
          .signed("sample-caa-bogus.jp")
          .broken("www.sample-caa-bogus.jp")
          .caa("www.sample-caa-bogus.jp", 0, "issue", "backoffice.example")
          .signed("sample-persist.jp")
          .caa("sample-persist.jp", 0, "issue", "backoffice.example")
          .signed("sample-acme.jp")
          .caa("sample-acme.jp", 0, "issue", "backoffice.example")
          .start();

  @DynamicPropertySource
  static void signedDns(DynamicPropertyRegistry registry) {
    registry.add("backoffice.dns.dnssec.trust-anchor", BIND::trustAnchorLocation);
    useDns(new DnsUnderTest(BIND::address, true));
  }

  @AfterAll
  static void stopBind() {
    BIND.close();
  }

  @Autowired DnsCheckEvidenceRepository dnsEvidence;
  @Autowired DnsChallengeRepository challengeRecords;
  @Autowired CaaEvidenceRepository caaEvidence;
  @Autowired IssuedCertificateRepository certificates;
  @Autowired AcmeOrderRecords orderRecords;
  @LocalServerPort int port;

  @Override
  protected void publishTxt(String name, String value) {
    BIND.publishTxt(name, value);
  }

  @Test
  void aSignedDomainIsValidatedAndIssuedWithSecureAnswersOnRecord() throws Exception {
    long id = waitingForDns("sample-signed.jp");
    proveDomainControl(id);
    approve(id);

    assertThat(status(id)).isEqualTo("ISSUED");
    DnsCheckEvidence validated = lastDnsCheck(id);
    assertThat(validated.getDnssec()).isEqualTo(DnssecStatus.SECURE);
    assertThat(validated.getReason()).contains("BR 3.2.2.4.7; DNSSEC: secure");
    assertThat(validated.getBrVersion()).isEqualTo("2.2.8");
    assertThat(validated.getResolver()).contains("DNSSEC-validated to . DS");
    List<CaaEvidence> caa = caaEvidence.findByApplicationIdOrderByCheckedAt(id);
    assertThat(caa).isNotEmpty().allMatch(CaaEvidence::isPermitted);
    assertThat(caa.get(0).getDnssec())
        .containsExactly("www.sample-signed.jp CAA SECURE", "sample-signed.jp CAA SECURE");
  }

  @Test
  void anUnsignedDomainUnderTheSignedRootIsIssuedAndRecordedAsInsecure() throws Exception {
    long id = waitingForDns("sample-unsigned.jp");
    proveDomainControl(id);
    approve(id);

    assertThat(status(id)).isEqualTo("ISSUED");
    assertThat(lastDnsCheck(id).getDnssec()).isEqualTo(DnssecStatus.INSECURE);
    assertThat(caaEvidence.findByApplicationIdOrderByCheckedAt(id).get(0).getDnssec())
        .contains("sample-unsigned.jp CAA INSECURE", "jp CAA SECURE");
  }

  @Test
  void aChallengeRecordWithABrokenSignatureNeverProvesControl() throws Exception {
    long id = waitingForDns("sample-bogus.jp");
    // The right value, published, but its signature does not verify: the process looks again.
    proveDomainControl(id);

    DnsChallengeView challenge = dnsChallenges.challenges(id).get(0);
    assertThat(challenge.status().name()).isEqualTo("PENDING");
    assertThat(challenge.lastCheckReason())
        .contains("DNSSEC validation of _pki-validation.sample-bogus.jp TXT failed in zone sample-bogus.jp");
    assertThat(lastDnsCheck(id).getDnssec()).isEqualTo(DnssecStatus.BOGUS);
    assertThat(dnsChallenges.validated(id, "www.sample-bogus.jp")).isFalse();
    assertThat(certificates.findFirstByApplicationId(id)).isEmpty();
  }

  @Test
  void aBogusCaaAnswerStopsIssuanceAsAnIncidentNamingTheZone() throws Exception {
    long id = waitingForDns("sample-caa-bogus.jp");
    proveDomainControl(id);
    assertThat(lastDnsCheck(id).getDnssec()).isEqualTo(DnssecStatus.SECURE);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    Task approval =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("approve-issuance").singleResult();
    tasks.claim(approval.getId(), "senior");
    completeAs("senior", approval.getId(), Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));

    Job check = management.createJobQuery().processInstanceId(processInstanceId(id)).activityId("check-caa").singleResult();
    assertThatThrownBy(() -> management.executeJob(check.getId()))
        .hasMessageContaining("CAA could not be looked up, nothing signed")
        .hasMessageContaining("DNSSEC validation of www.sample-caa-bogus.jp CAA failed in zone www.sample-caa-bogus.jp");
    CaaEvidence attempt = caaEvidence.findByApplicationIdOrderByCheckedAt(id).get(0);
    assertThat(attempt.isPermitted()).isFalse();
    assertThat(attempt.getDnssec()).containsExactly("www.sample-caa-bogus.jp CAA BOGUS");
    assertThat(certificates.findFirstByApplicationId(id)).isEmpty();
    assertThat(status(id)).isEqualTo("IN_PROGRESS");
  }

  /**
   * BR 3.2.2.4.22 on the domain step: the technical contact chooses the persistent DNS TXT record
   * instead of the DNS change it was mailed, publishes what the API shows, and the validation on
   * record names the method by section, the FQDN applied for and the ADN validated.
   */
  @Test
  void theCustomerChoosesThePersistentRecordAndTheValidationRecordsMethodFqdnAndAdn() throws Exception {
    long id = waitingForDns("sample-persist.jp");
    String path = "/api/applications/" + id + "/domain-validation-method";
    org.springframework.http.HttpHeaders json = new org.springframework.http.HttpHeaders();
    json.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);

    ResponseEntity<Map> notOffered =
        customer().exchange(path, org.springframework.http.HttpMethod.PUT,
            new org.springframework.http.HttpEntity<>("{\"method\":\"3.2.2.4.2\"}", json), Map.class);
    assertThat(notOffered.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat((String) notOffered.getBody().get("detail")).contains("not offered").contains("3.2.2.4.22");

    ResponseEntity<Map> chosen =
        customer().exchange(path, org.springframework.http.HttpMethod.PUT,
            new org.springframework.http.HttpEntity<>("{\"method\":\"3.2.2.4.22\"}", json), Map.class);
    assertThat(chosen.getStatusCode()).as(String.valueOf(chosen.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(chosen.getBody().get("method")).isEqualTo("3.2.2.4.22");
    String accountUri = (String) chosen.getBody().get("accountUri");
    DnsChallengeView request = dnsChallenges.challenges(id).get(0);
    assertThat(request.method()).isEqualTo("3.2.2.4.22");
    assertThat(request.recordName()).isEqualTo("_validation-persist.sample-persist.jp");
    assertThat(request.value()).isEqualTo("backoffice.example; accounturi=" + accountUri);

    proveDomainControl(id);

    DnsCheckEvidence validated = lastDnsCheck(id);
    assertThat(validated.getOutcome().name()).isEqualTo("VALIDATED");
    assertThat(validated.getMethod()).isEqualTo("3.2.2.4.22");
    assertThat(validated.getFqdn()).isEqualTo("www.sample-persist.jp");
    assertThat(validated.getDomainName()).isEqualTo("sample-persist.jp");
    assertThat(validated.getDnssec()).isEqualTo(DnssecStatus.SECURE);
    approve(id);
    assertThat(status(id)).isEqualTo("ISSUED");
  }

  /**
   * Issue 15: certbot's dns-01 hook writes the TXT record into the test's authoritative DNS
   * server, here BIND serving a signed zone (the zone signed again and reloaded, as its operator
   * would), and the ACME server validates the challenge through the DNSSEC-validating resolver
   * (BR 3.2.2.4.7; SC-085): the challenge's evidence records a secure answer.
   */
  @Test
  void certbotGetsACertificateByDns01PublishedInBindAndValidatedWithDnssec() throws Exception {
    // ACME serves an organization the officers validated: one application first.
    long id = waitingForDns("sample-acme.jp");
    proveDomainControl(id);
    approve(id);
    assertThat(status(id)).isEqualTo("ISSUED");
    ResponseEntity<Map> eab = as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), Map.class);
    assertThat(eab.getStatusCode().value()).as(String.valueOf(eab.getBody())).isEqualTo(201);
    AcmeConformanceIT.paidContract(as("officer", "officer"), CUSTOMER);

    Certbot certbot = new Certbot(Files.createTempDirectory("certbot-bind"), port, this::runJobs);
    Certbot.Run register = certbot.run(List.of("register", "--agree-tos", "--register-unsafely-without-email",
        "--eab-kid=" + eab.getBody().get("kid"), "--eab-hmac-key=" + eab.getBody().get("hmacKey")), () -> {});
    assertThat(register.exit()).as(register.output()).isZero();
    String name = "acme.sample-acme.jp";
    Certbot.Run issue = certbot.run(List.of("certonly", "--manual", "--preferred-challenges", "dns",
            "--manual-auth-hook", certbot.dnsHook().toString(), "-d", name, "--cert-name", "bind"),
        certbot.publishingDnsRecords(BIND::publishTxt));
    assertThat(issue.exit()).as(issue.output()).isZero();

    X509Certificate leaf = certbot.chain("bind").get(0);
    assertThat(Certbot.attribute(leaf, BCStyle.CN)).isEqualTo(name);
    assertThat(Certbot.attribute(leaf, BCStyle.O)).isEqualTo(eab.getBody().get("organization"));
    List<AcmeOrderRecords.Row> orders =
        orderRecords.search(new AcmeOrderRecords.Query(null, name, null, null, null), BusinessCalendar.ZONE);
    assertThat(orders).singleElement().satisfies(o -> assertThat(o.status()).isEqualTo("valid"));
    assertThat(orderRecords.record(orders.get(0).id()).orElseThrow().authorizations()).singleElement()
        .satisfies(a -> assertThat(a.challenges())
            .anySatisfy(c -> assertThat(c.type() + " " + c.evidence()).startsWith("dns-01").contains("DNSSEC SECURE")));
  }

  private DnsCheckEvidence lastDnsCheck(long id) {
    List<DnsCheckEvidence> checks =
        challengeRecords.findByApplicationIdOrderByIdAsc(id).stream()
            .flatMap(c -> dnsEvidence.findByChallengeIdOrderByIdAsc(c.getId()).stream())
            .toList();
    assertThat(checks).as("DNS checks of application " + id).isNotEmpty();
    return checks.get(checks.size() - 1);
  }

  private String status(long id) {
    @SuppressWarnings("unchecked")
    Map<String, Object> view = customer().getForObject("/api/applications/" + id, Map.class);
    return (String) view.get("status");
  }
}
