package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.cabackoffice.acme.AcmeOrderRecords;
import org.cabackoffice.acme.AcmeOrderVariables;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.calendar.ValidityReductionSchedule;
import org.cabackoffice.issuance.CertificateSerial;
import org.cabackoffice.revocation.CertificateRevocations;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * certbot from Debian (/usr/bin/certbot) against the ACME server on loopback: registration with
 * external account binding, an OV certificate by http-01 (certbot's standalone server) and by
 * dns-01 (a manual hook the test answers by publishing the TXT record in its DNS server), renewal
 * by {@code certbot renew}, revocation, and an order that waits for an officer's phone call when
 * the organization's validation is past its reuse period. The organization in the certificate is
 * the one officers validated.
 */
class AcmeCertbotIT extends BackOfficeIT {

  @LocalServerPort int port;
  @Autowired CertificateRevocations revocations;
  @Autowired AcmeOrderRecords orderRecords;
  @Autowired JdbcTemplate jdbc;

  Path dir;
  String eabKid;
  String eabOrganization;
  String eabKey;

  @org.junit.jupiter.api.BeforeAll
  static void registry() {
    WHOIS.answer("sample-direct.jp", jprsRecord("sample-direct.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @BeforeEach
  void validatedOrganization() throws Exception {
    ResponseEntity<Map> eab =
        as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), Map.class);
    if (eab.getStatusCode().value() == 422) {
      // The officers validate the customer's organization in an application's organization stage
      // (after the domain stage, which a recent validation of the domain may have settled).
      String csr = CsrFactory.pem(
          CsrFactory.p256(), "CN=www.sample-direct.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www.sample-direct.jp"));
      ResponseEntity<Map> created = customer().postForEntity(
          "/api/applications", CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), Map.class);
      assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
      long id = ((Number) created.getBody().get("id")).longValue();
      runJobs();
      if (!dnsChallenges.challenges(id).isEmpty()) {
        proveDomainControl(id);
      }
      confirmOrganization(id);
      eab = as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), Map.class);
    }
    assertThat(eab.getStatusCode().value()).as(String.valueOf(eab.getBody())).isEqualTo(201);
    eabKid = (String) eab.getBody().get("kid");
    // The customer's organization officers validated last: in the full suite another test's
    // application may have validated another organization for the same customer.
    eabOrganization = (String) eab.getBody().get("organization");
    eabKey = (String) eab.getBody().get("hmacKey");
    AcmeConformanceIT.paidContract(as("officer", "officer"), CUSTOMER);
    dir = Files.createTempDirectory("certbot-it");
  }


  @Test
  void certbotRegistersWithEabGetsAnOvCertificateByHttp01AndRevokesIt() throws Exception {
    Certbot.Run register = certbot(List.of("register", "--agree-tos", "--register-unsafely-without-email",
        "--eab-kid=" + eabKid, "--eab-hmac-key=" + eabKey)); // "=": a base64url key may start with "-"
    assertThat(register.exit()).as(register.output()).isZero();

    Certbot.Run issue = certbot(List.of("certonly", "--standalone", "--http-01-port", String.valueOf(ACME_HTTP01_PORT),
        "--http-01-address", "127.0.0.1", "-d", "www.acme-http.sample-direct.jp", "--cert-name", "http"));
    assertThat(issue.exit()).as(issue.output()).isZero();

    X509Certificate leaf = leaf("http");
    String subject = leaf.getSubjectX500Principal().getName(X500Principal.RFC2253);
    assertThat(attribute(leaf, BCStyle.O)).as(subject).isEqualTo(eabOrganization);
    assertThat(attribute(leaf, BCStyle.CN)).isEqualTo("www.acme-http.sample-direct.jp");
    assertThat(leaf.getExtensionValue("2.5.29.32")).as("certificate policies").isNotNull();
    assertThat(new String(leaf.getExtensionValue("2.5.29.32"), StandardCharsets.ISO_8859_1)).isNotEmpty();
    assertThat(leaf.getIssuerX500Principal().getName()).isNotEqualTo(subject);
    List<X509Certificate> chain = chain("http");
    assertThat(chain).hasSizeGreaterThanOrEqualTo(2);
    leaf.verify(chain.get(1).getPublicKey());

    // Renewal without a person: certbot's own renewal configuration (the account, the standalone
    // responder), a new key and serial for the same name and organization; the name's validation
    // and the organization's identity are within their reuse periods (BR 4.2.1), so no officer
    // task opens, and the renewal is an order auditors find with its process.
    // Without the random delay of up to 8 minutes certbot takes before a non-interactive renewal
    // (spreading cron-driven renewals over time), which a test cannot wait out.
    // The renewal's authorization is still valid, so certbot finalizes right after its new order;
    // when that comes while the process is between its look at the order and its wait for the CSR,
    // the process finds it at its next look a minute later (timer "look-again"), which the job
    // executor (off in the ITs) would fire: the test fires it for a finalized order.
    Certbot.Run renew = certbot(List.of("renew", "--cert-name", "http", "--force-renewal", "--no-random-sleep-on-renew"),
        () -> lookAgainAtFinalizedOrders("www.acme-http.sample-direct.jp"));
    assertThat(renew.exit()).as(renew.output()).isZero();
    X509Certificate renewed = leaf("http");
    assertThat(renewed.getSerialNumber()).isNotEqualTo(leaf.getSerialNumber());
    assertThat(renewed.getPublicKey()).isNotEqualTo(leaf.getPublicKey());
    assertThat(renewed.getSubjectAlternativeNames()).containsExactlyElementsOf(leaf.getSubjectAlternativeNames());
    assertThat(attribute(renewed, BCStyle.O)).isEqualTo(eabOrganization);
    renewed.verify(chain.get(1).getPublicKey());
    AcmeOrderRecords.Row first = order("www.acme-http.sample-direct.jp", CertificateSerial.hex(leaf.getSerialNumber()));
    AcmeOrderRecords.Row renewal = order("www.acme-http.sample-direct.jp", CertificateSerial.hex(renewed.getSerialNumber()));
    assertThat(renewal.id()).isGreaterThan(first.id());
    assertThat(renewal.status()).isEqualTo("valid");
    assertThat(as("auditor", "auditor").getForObject("/audit/acme-orders?lang=en&domain=www.acme-http.sample-direct.jp", String.class))
        .contains("data-order=\"" + first.id() + "\"", "data-order=\"" + renewal.id() + "\"");
    assertThat(as("auditor", "auditor").getForObject("/audit/acme-orders/" + renewal.id() + "?lang=en", String.class))
        .contains("id=\"identity-decision\">reused: within the reuse period<");
    assertThat(as("auditor", "auditor").getForObject("/audit/acme-orders/" + renewal.id() + "/timeline.csv", String.class))
        .contains("Check reuse of the organization's validation", "Lint, log to CT and sign", "CERTIFICATE_ISSUED")
        .doesNotContain("Confirm the organization's identity by phone");

    Certbot.Run revoke = certbot(List.of("revoke", "--cert-path", dir.resolve("config/live/http/cert.pem").toString(),
        "--reason", "superseded", "--no-delete-after-revoke"));
    assertThat(revoke.exit()).as(revoke.output()).isZero();
    assertThat(revocations.find(CertificateSerial.hex(renewed.getSerialNumber()))).isPresent();
  }

  /**
   * BR 4.2.1: the organization's identity validated longer ago than the day's reuse period (398
   * days) is not relied on; the order stays {@code processing} while the renewal's identity steps
   * run: an officer confirms the organization by phone through its main number, then a second
   * officer, not the one who called, approves (EV Guidelines 5.2.4); then it continues to the
   * certificate, which certbot, polling, receives. The organization's validations are aged
   * in the database for this test and given back their times afterwards (a shared context).
   */
  @Test
  void anOrganizationWhoseIdentityIsStaleStaysProcessingUntilAnOfficerConfirmsItByPhoneAndASecondOfficerApproves() throws Exception {
    Certbot.Run register = certbot(List.of("register", "--agree-tos", "--register-unsafely-without-email",
        "--eab-kid=" + eabKid, "--eab-hmac-key=" + eabKey)); // "=": a base64url key may start with "-"
    assertThat(register.exit()).as(register.output()).isZero();
    long entry = jdbc.queryForObject(
        "select organization_entry_id from acme_eab_credential where kid = ?", Long.class, eabKid);
    Map<Long, OffsetDateTime> verified = times("organization_verification", "verified_at", "entry_id", entry);
    Map<Long, OffsetDateTime> confirmed = times("acme_identity_confirmation", "confirmed_at", "organization_entry_id", entry);
    Instant now = Instant.now();
    OffsetDateTime stale = now.minus(Duration.ofDays(ValidityReductionSchedule.at(now).organizationDataReuseDays() + 1L))
        .atOffset(ZoneOffset.UTC);
    String name = "www.acme-stale.sample-direct.jp";
    AtomicLong waited = new AtomicLong();
    Certbot.Run issue;
    try {
      verified.keySet().forEach(id -> jdbc.update("update organization_verification set verified_at = ? where id = ?", stale, id));
      confirmed.keySet().forEach(id -> jdbc.update("update acme_identity_confirmation set confirmed_at = ? where id = ?", stale, id));
      issue = certbot(List.of("certonly", "--standalone", "--http-01-port", String.valueOf(ACME_HTTP01_PORT),
          "--http-01-address", "127.0.0.1", "-d", name, "--cert-name", "stale", "--issuance-timeout", "120"),
          () -> {
            if (waited.get() != 0) {
              return;
            }
            List<AcmeOrderRecords.Row> orders =
                orderRecords.search(new AcmeOrderRecords.Query(null, name, null, null, null), BusinessCalendar.ZONE);
            if (orders.isEmpty() || !"processing".equals(orders.get(0).status())) {
              return; // certbot has not finalized yet
            }
            long orderId = orders.get(0).id();
            Task call = tasks.createTaskQuery().processInstanceBusinessKey(AcmeOrderVariables.businessKey(orderId))
                .taskDefinitionKey(AcmeOrderVariables.Activities.CONFIRM_IDENTITY).singleResult();
            assertThat(call).as("the officers' identity task of a processing order " + orderId).isNotNull();
            assertThat(orderRecords.record(orderId).orElseThrow().identityBasis()).startsWith("past the reuse period");
            // The order is still processing a while later: nothing but the officer moves it.
            Thread.sleep(1500);
            runJobs();
            assertThat(orderRecords.record(orderId).orElseThrow().row().status()).isEqualTo("processing");
            assertThat(as("auditor", "auditor").getForObject("/audit/acme-orders/" + orderId + "?lang=en", String.class))
                .contains("id=\"identity-decision\">past the reuse period: waiting for an officer")
                // The registrants looked up for the officers (WHOIS/RDAP) are the order's evidence too.
                .contains("id=\"registrants\"", "sample-direct.jp: ");
            tasks.claim(call.getId(), "officer");
            completeAs("officer", call.getId(), Map.of(
                AcmeOrderVariables.IDENTITY_DECISION, AcmeOrderVariables.CONFIRMED,
                AcmeOrderVariables.DIRECTORY_RECORD_CURRENT, true,
                AcmeOrderVariables.INTENT_CONFIRMED, true,
                AcmeOrderVariables.SPOKE_WITH, "Tanaka, general manager",
                AcmeOrderVariables.IDENTITY_NOTE, "called the main number 03-5555-0100 from the directory; the general manager confirmed"));
            // As in the renewal, a second officer approves the call: still processing until then.
            runJobs();
            assertThat(orderRecords.record(orderId).orElseThrow().row().status()).isEqualTo("processing");
            Task approval = tasks.createTaskQuery().processInstanceBusinessKey(AcmeOrderVariables.businessKey(orderId))
                .taskDefinitionKey(AcmeOrderVariables.Activities.APPROVE_IDENTITY).singleResult();
            assertThat(approval).as("the second officer's approval of order " + orderId).isNotNull();
            assertThat(runtime.getVariable(approval.getProcessInstanceId(), AcmeOrderVariables.VALIDATED_BY)).isEqualTo("officer");
            Map<String, Object> approve = Map.of(
                AcmeOrderVariables.IDENTITY_APPROVAL, AcmeOrderVariables.CONFIRMED,
                AcmeOrderVariables.IDENTITY_APPROVAL_NOTE, "the call covers the checklist");
            // The officer who called is no senior officer and cannot take the approval; the rule
            // for a senior officer who made the call, at the claim, is AcmeIdentityClaimIT's (EV Guidelines 5.2.4).
            assertThatThrownBy(() -> tasks.claim(approval.getId(), "officer")).hasMessageContaining("may not take");
            tasks.claim(approval.getId(), "senior");
            completeAs("senior", approval.getId(), approve);
            waited.set(orderId);
          });
    } finally {
      verified.forEach((id, at) -> jdbc.update("update organization_verification set verified_at = ? where id = ?", at, id));
      confirmed.forEach((id, at) -> jdbc.update("update acme_identity_confirmation set confirmed_at = ? where id = ?", at, id));
    }
    assertThat(issue.exit()).as(issue.output()).isZero();
    assertThat(waited.get()).as("the order waited in processing for the officer").isNotZero();
    X509Certificate leaf = leaf("stale");
    assertThat(attribute(leaf, BCStyle.CN)).isEqualTo(name);
    assertThat(attribute(leaf, BCStyle.O)).isEqualTo(eabOrganization);
    AcmeOrderRecords.OrderRecord order = orderRecords.record(waited.get()).orElseThrow();
    assertThat(order.row().status()).isEqualTo("valid");
    assertThat(order.row().serial()).isEqualTo(CertificateSerial.hex(leaf.getSerialNumber()));
    assertThat(order.confirmations()).singleElement().satisfies(c -> {
      assertThat(c.officer()).isEqualTo("officer");
      assertThat(c.approvedBy()).isEqualTo("senior");
    });
    assertThat(as("auditor", "auditor").getForObject("/audit/acme-orders/" + waited.get() + "?lang=en", String.class))
        .contains("id=\"identity-decision\">past the reuse period: confirmed by an officer by phone<");
  }

  /** Fires the "look-again" timer of the name's finalized orders whose process still waits for the CSR. */
  private void lookAgainAtFinalizedOrders(String name) {
    for (AcmeOrderRecords.Row row :
        orderRecords.search(new AcmeOrderRecords.Query(null, name, "processing", null, null), BusinessCalendar.ZONE)) {
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(AcmeOrderVariables.businessKey(row.id())).list().forEach(p ->
          management.createJobQuery().timers().activityId(AcmeOrderVariables.Activities.LOOK_AGAIN).processInstanceId(p.getId()).list()
              .forEach(timer -> management.executeJob(timer.getId())));
    }
    runJobs();
  }

  /** Each row's time, by id, of the organization's validations in one table. */
  private Map<Long, OffsetDateTime> times(String table, String column, String entryColumn, long entry) {
    Map<Long, OffsetDateTime> times = new java.util.HashMap<>();
    jdbc.query("select id, " + column + " from " + table + " where " + entryColumn + " = ?",
        rs -> {
          times.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class));
        },
        entry);
    return times;
  }

  /** The order for the name that got the certificate with this serial. */
  private AcmeOrderRecords.Row order(String name, String serial) {
    return orderRecords.search(new AcmeOrderRecords.Query(null, name, null, null, null), BusinessCalendar.ZONE).stream()
        .filter(r -> serial.equals(r.serial()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no order for " + name + " with certificate " + serial));
  }

  @Test
  void certbotGetsACertificateByDns01WithAHookThatPublishesTheTxtRecord() throws Exception {
    Certbot client = new Certbot(dir, port, this::runJobs);
    Path hook = client.dnsHook();
    Certbot.Run register = certbot(List.of("register", "--agree-tos", "--register-unsafely-without-email",
        "--eab-kid=" + eabKid, "--eab-hmac-key=" + eabKey)); // "=": a base64url key may start with "-"
    assertThat(register.exit()).as(register.output()).isZero();

    Certbot.Run issue = certbot(List.of("certonly", "--manual", "--preferred-challenges", "dns",
        "--manual-auth-hook", hook.toString(), "-d", "www.acme-dns.sample-direct.jp", "--cert-name", "dns"),
        client.publishingDnsRecords(DNS::txt));
    assertThat(issue.exit()).as(issue.output()).isZero();
    assertThat(attribute(leaf("dns"), BCStyle.O)).isEqualTo(eabOrganization);
  }

  @Test
  void anAccountWithoutExternalAccountBindingIsRefused() throws Exception {
    Certbot.Run register = certbot(List.of("register", "--agree-tos", "--register-unsafely-without-email"));
    assertThat(register.exit()).isNotZero();
    assertThat(register.output()).containsIgnoringCase("external account");
  }

  // --- the automation test certificate (Chrome Root Program policy 1.8) ----------------------

  @Autowired org.cabackoffice.issuance.IssuedCertificates issued;
  @Autowired org.cabackoffice.automationtest.AutomationTestRuns automationRuns;

  /**
   * One failed attempt (the client's http-01 responder cannot listen, as on a misconfigured node)
   * opens an incident on the operations page; the next attempt renews through the ACME server on
   * loopback and closes it. One real renewal, to keep the suite fast.
   */
  @Test
  void theCaRenewsItsAutomationTestCertificateThroughItsOwnAcmeServerAndOperationsSeeIt() throws Exception {
    org.cabackoffice.automationtest.AutomationTestRun failed;
    try (java.net.ServerSocket taken = new java.net.ServerSocket(ACME_HTTP01_PORT, 1, java.net.InetAddress.getLoopbackAddress())) {
      failed = renewAutomationTestCertificate();
    }
    assertThat(failed.getResult()).isEqualTo(org.cabackoffice.automationtest.AutomationTestRun.Result.FAILED);
    assertThat(failed.getProblem()).contains("http-01 responder could not listen");
    String incident = as("operator", "operator").getForObject("/operations/automation-test?lang=en", String.class);
    assertThat(incident).contains("id=\"incident\"").contains("http-01 responder could not listen");

    org.cabackoffice.automationtest.AutomationTestRun run = renewAutomationTestCertificate();
    assertThat(run.getResult()).as(String.valueOf(run.getProblem()))
        .isEqualTo(org.cabackoffice.automationtest.AutomationTestRun.Result.SUCCEEDED);
    assertThat(run.getStartedBy()).isEqualTo("operator");
    // The account's key is the shared database's, for every node, not this node's data directory's.
    assertThat(jdbc.queryForObject("select count(*) from automation_test_account_key", Integer.class)).isOne();
    X509Certificate certificate = certificate(run.getSerial());
    assertThat(attribute(certificate, BCStyle.CN)).isEqualTo("automation-test.sample-direct.jp");
    assertThat(attribute(certificate, BCStyle.O)).isEqualTo(eabOrganization);

    ResponseEntity<String> page = as("operator", "operator").getForEntity("/operations/automation-test?lang=en", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody())
        .contains("automation-test.sample-direct.jp")
        .contains(run.getSerial())
        .contains("SUCCEEDED")
        .contains("FAILED")
        .doesNotContain("id=\"incident\"");
    java.util.regex.Matcher nextDue =
        Pattern.compile("id=\"next-due\">(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) JST").matcher(page.getBody());
    assertThat(nextDue.find()).as("the next due run is shown").isTrue();
    java.time.LocalDateTime due = java.time.LocalDateTime.parse(nextDue.group(1).replace(' ', 'T'));
    assertThat(due.atZone(org.cabackoffice.calendar.BusinessCalendar.ZONE).toInstant())
        .as("due again within 30 days of the success (Chrome policy 1.8)")
        .isAfter(Instant.now())
        .isBeforeOrEqualTo(Instant.now().plus(Duration.ofDays(30)));
    assertThat(as("auditor", "auditor").getForEntity("/operations/automation-test", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    // One ACME account for every run: the next renewal finds it by its stored key, and no EAB
    // credentials are issued for it.
    int credentials = automationTestCredentials();
    org.cabackoffice.automationtest.AutomationTestRun next = renewAutomationTestCertificate();
    assertThat(next.getResult()).as(String.valueOf(next.getProblem()))
        .isEqualTo(org.cabackoffice.automationtest.AutomationTestRun.Result.SUCCEEDED);
    assertThat(next.getAccountUrl()).isEqualTo(run.getAccountUrl());
    assertThat(next.getSerial()).isNotEqualTo(run.getSerial());
    assertThat(automationTestCredentials()).isEqualTo(credentials);

    // Deactivated (RFC 8555 7.3.6; here by hand, as its holder or the CA's staff would): the key
    // cannot serve again, so a new key gets new credentials and a new account.
    String account = run.getAccountUrl();
    jdbc.update("update acme_account set status = 'deactivated', deactivated_at = ? where id = ?",
        java.sql.Timestamp.from(Instant.now()), Long.parseLong(account.substring(account.lastIndexOf('/') + 1)));
    org.cabackoffice.automationtest.AutomationTestRun replaced = renewAutomationTestCertificate();
    assertThat(replaced.getResult()).as(String.valueOf(replaced.getProblem()))
        .isEqualTo(org.cabackoffice.automationtest.AutomationTestRun.Result.SUCCEEDED);
    assertThat(replaced.getAccountUrl()).isNotEqualTo(account);
    assertThat(automationTestCredentials()).isEqualTo(credentials + 1);
  }

  private int automationTestCredentials() {
    return jdbc.queryForObject("select count(*) from acme_eab_credential where issued_by = 'automation-test'", Integer.class);
  }

  // --- revocation plans (SC-089) through ARI ------------------------------------------------

  @Test
  void anApprovedRevocationPlanMovesTheRenewalWindowBeforeThePlannedRevocationUntilItIsWithdrawn() throws Exception {
    // The automation test certificate: the last one renewed, or one renewed now.
    String serial = automationRuns.status().lastSuccess().map(r -> r.getSerial()).orElse(null);
    if (serial == null) {
      org.cabackoffice.automationtest.AutomationTestRun run = renewAutomationTestCertificate();
      assertThat(run.getResult()).as(String.valueOf(run.getProblem()))
          .isEqualTo(org.cabackoffice.automationtest.AutomationTestRun.Result.SUCCEEDED);
      serial = run.getSerial();
    }
    String certId = certId(serial);
    Map usual = http.getForObject("/acme/renewal-info/" + certId, Map.class);
    Instant usualEnd = Instant.parse((String) ((Map) usual.get("suggestedWindow")).get("end"));
    assertThat(usual).doesNotContainKey("explanationURL");

    Instant planned = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    ResponseEntity<Map> proposed = as("officer", "officer").postForEntity("/api/revocation-plans", Map.of(
        "purpose", "Test of the mass revocation plan: the automation test certificate",
        "plannedRevocationAt", planned.toString(),
        "serials", List.of(serial)), Map.class);
    assertThat(proposed.getStatusCode().value()).as(String.valueOf(proposed.getBody())).isEqualTo(201);
    long plan = ((Number) proposed.getBody().get("id")).longValue();
    assertThat(http.getForObject("/acme/renewal-info/" + certId, Map.class))
        .as("a plan not yet approved changes nothing").isEqualTo(usual);

    ResponseEntity<Map> own = as("officer", "officer")
        .postForEntity("/api/revocation-plans/" + plan + "/approval", Map.of(), Map.class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(own.getBody().get("code")).isEqualTo("revocation-plan.four-eyes");

    ResponseEntity<Map> approved = as("officer2", "officer2")
        .postForEntity("/api/revocation-plans/" + plan + "/approval", Map.of(), Map.class);
    assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(approved.getBody()).containsEntry("approvedBy", "officer2").containsEntry("proposedBy", "officer");

    Map moved = http.getForObject("/acme/renewal-info/" + certId, Map.class);
    Map window = (Map) moved.get("suggestedWindow");
    assertThat(Instant.parse((String) window.get("end"))).isBefore(planned).isBefore(usualEnd);
    assertThat(Instant.parse((String) window.get("start"))).isBeforeOrEqualTo(Instant.now());
    String explanation = (String) moved.get("explanationURL");
    assertThat(explanation).endsWith("/public/revocation-plans/" + plan);
    ResponseEntity<String> publicPage = http.getForEntity(java.net.URI.create(explanation), String.class);
    assertThat(publicPage.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(publicPage.getBody()).contains("Test of the mass revocation plan");

    // Withdrawn (SC-089: the plan will not happen): the reason is kept, the window is the usual
    // one again, and the page clients were sent to says the revocation is off.
    ResponseEntity<Map> noReason = as("officer2", "officer2")
        .postForEntity("/api/revocation-plans/" + plan + "/withdrawal", Map.of(), Map.class);
    assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReason.getBody().get("code")).isEqualTo("revocation-plan.withdrawal-reason");
    ResponseEntity<Map> withdrawn = as("officer2", "officer2").postForEntity("/api/revocation-plans/" + plan + "/withdrawal",
        Map.of("reason", "The key ceremony was sound after all"), Map.class);
    assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN").containsEntry("withdrawnBy", "officer2")
        .containsEntry("withdrawalReason", "The key ceremony was sound after all");
    assertThat(http.getForObject("/acme/renewal-info/" + certId, Map.class)).isEqualTo(usual);
    assertThat(http.getForEntity(java.net.URI.create(explanation + "?lang=en"), String.class).getBody())
        .contains("id=\"withdrawn\"").contains("will not be revoked");
    assertThat(as("officer", "officer").postForEntity("/api/revocation-plans/" + plan + "/withdrawal",
        Map.of("reason", "again"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  private X509Certificate certificate(String serial) throws Exception {
    return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(issued.findBySerial(serial).orElseThrow().pem()
            .getBytes(StandardCharsets.US_ASCII))).iterator().next();
  }

  /** base64url(AKI keyIdentifier) "." base64url(serial) (RFC 9773 4.1). */
  private String certId(String serial) throws Exception {
    X509Certificate certificate = certificate(serial);
    byte[] aki = org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(
        org.bouncycastle.asn1.ASN1OctetString.getInstance(certificate.getExtensionValue("2.5.29.35")).getOctets())
        .getKeyIdentifier();
    java.util.Base64.Encoder base64url = java.util.Base64.getUrlEncoder().withoutPadding();
    return base64url.encodeToString(aki) + "." + base64url.encodeToString(certificate.getSerialNumber().toByteArray());
  }

  /**
   * Operations start a renewal on their page (a form with its CSRF token); the engine's jobs run
   * while the CA's client polls, as the job executor would. Returns the finished attempt.
   */
  private org.cabackoffice.automationtest.AutomationTestRun renewAutomationTestCertificate() throws Exception {
    TestRestTemplate operator = as("operator", "operator")
        .withRedirects(org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW);
    ResponseEntity<String> page = operator.getForEntity("/operations/automation-test", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    String cookie = page.getHeaders().getOrEmpty(org.springframework.http.HttpHeaders.SET_COOKIE).stream()
        .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst()
        .orElseThrow(() -> new AssertionError("no CSRF cookie: " + page.getHeaders()));
    java.util.regex.Matcher token = Pattern.compile("_csrf=([^&\"]+)").matcher(page.getBody());
    assertThat(token.find()).as("the run form carries the CSRF token").isTrue();
    long before = automationRuns.recent().stream().findFirst().map(r -> r.getId()).orElse(0L);
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.add(org.springframework.http.HttpHeaders.COOKIE, cookie);
    ResponseEntity<String> started = operator.exchange("/operations/automation-test/runs?_csrf=" + token.group(1),
        org.springframework.http.HttpMethod.POST, new org.springframework.http.HttpEntity<>(null, headers), String.class);
    assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(303);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (true) {
      runJobs();
      org.cabackoffice.automationtest.AutomationTestRun latest = automationRuns.recent().get(0);
      if (latest.getId() > before
          && latest.getResult() != org.cabackoffice.automationtest.AutomationTestRun.Result.RUNNING) {
        return latest;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the automated renewal did not finish");
      }
      Thread.sleep(100);
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private Certbot.Run certbot(List<String> arguments) throws Exception {
    return certbot(arguments, () -> {});
  }

  private Certbot.Run certbot(List<String> arguments, Certbot.Step whileRunning) throws Exception {
    return new Certbot(dir, port, this::runJobs).run(arguments, whileRunning);
  }

  private X509Certificate leaf(String certName) throws Exception {
    return chain(certName).get(0);
  }

  private List<X509Certificate> chain(String certName) throws Exception {
    return new Certbot(dir, port, this::runJobs).chain(certName);
  }

  private static String attribute(X509Certificate certificate, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    return Certbot.attribute(certificate, type);
  }
}
