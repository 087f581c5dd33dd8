package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.domain.DnsChallengeView;
import org.cabackoffice.domain.DnsChangeValidations;
import org.cabackoffice.domain.LoopbackDnsServer;
import org.cabackoffice.domain.LoopbackWhoisServer;
import org.cabackoffice.mail.CaughtMail;
import org.cabackoffice.mail.MailCatcher;
import org.cabackoffice.mail.OutboxDispatcher;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port: real HTTP, the in-process SMTP server (GreenMail) as
 * the mail catcher, a WHOIS server on a loopback port for every .jp name, and the database the
 * failsafe execution chose (H2 in memory, or PostgreSQL when spring.datasource.url is set).
 * Jobs run when the test says so, which makes each step observable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BackOfficeIT {

  protected static final String CUSTOMER = "web-admin@sample.co.jp";
  protected static final String AGENCY = "ssl@agency.example.jp";

  protected static final LoopbackWhoisServer WHOIS = new LoopbackWhoisServer().start();
  /** The resolver for DNS change validation and CAA; a name without records is NXDOMAIN. */
  protected static final LoopbackDnsServer DNS = new LoopbackDnsServer().start();
  /** The RDAP server of {@link #RDAP_DOMAIN} (every other .jp name is asked over WHOIS). */
  protected static final org.cabackoffice.domain.LoopbackRdapServer RDAP = new org.cabackoffice.domain.LoopbackRdapServer().start();
  protected static final String RDAP_DOMAIN = "sample-rdap.jp";

  /**
   * The DNS the application asks: the loopback stand-in, which signs nothing, so DNSSEC
   * validation is off for it (a private CA's setting). An IT against a signed zone (DnssecIT)
   * hands its own server over with {@link #useDns} from its {@code @DynamicPropertySource}: Spring
   * calls a subclass's methods before this class's, and {@link #properties} takes the handover for
   * the context being built, so the next IT's context gets the loopback stand-in again.
   *
   * @param resolver host:port of the server
   * @param dnssec whether answers are DNSSEC-validated (the subclass names the trust anchor); null
   *     leaves it to the context's configuration (a profile the subclass activates)
   */
  protected record DnsUnderTest(java.util.function.Supplier<String> resolver, Boolean dnssec) {}

  private static final DnsUnderTest LOOPBACK = new DnsUnderTest(DNS::address, false);
  private static DnsUnderTest handedOver = LOOPBACK;

  protected static synchronized void useDns(DnsUnderTest dns) {
    handedOver = dns;
  }

  private static synchronized DnsUnderTest takeDns() {
    DnsUnderTest dns = handedOver;
    handedOver = LOOPBACK;
    return dns;
  }

  /** Where the ACME server's http-01 check connects: certbot's standalone server in AcmeCertbotIT. */
  protected static final int ACME_HTTP01_PORT = freePort();

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    registry.add("backoffice.acme.http01-port", () -> ACME_HTTP01_PORT);
    registry.add("backoffice.acme.http01-connect-address", () -> "127.0.0.1");
    // The automation test certificate (issue 15): renewed by the CA's own client through its ACME
    // server, answering http-01 where the server's check connects; started by the tests only.
    registry.add("backoffice.automation-test.enabled", () -> "true");
    registry.add("backoffice.automation-test.domain", () -> "automation-test.sample-direct.jp");
    registry.add("backoffice.automation-test.customer", () -> CUSTOMER);
    registry.add("backoffice.automation-test.http01-port", () -> ACME_HTTP01_PORT);
    registry.add("backoffice.automation-test.http01-address", () -> "127.0.0.1");
    registry.add("backoffice.automation-test.initial-delay", () -> "P1D");
    registry.add("backoffice.automation-test.timeout", () -> "PT2M");
    Path data = Files.createTempDirectory("backoffice-it");
    registry.add("backoffice.data-dir", data::toString);
    if (System.getProperty("spring.datasource.url") == null) {
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:backoffice-it;DB_CLOSE_DELAY=-1");
    }
    registry.add("backoffice.mail.catcher.smtp-port", () -> "0");
    registry.add("backoffice.mail.catcher.imap-port", () -> "0");
    registry.add("backoffice.mail.dispatcher.enabled", () -> "false");
    registry.add("backoffice.whois.dev-registry.enabled", () -> "false");
    registry.add("backoffice.whois.servers.jp", WHOIS::address);
    registry.add("backoffice.rdap.servers[" + RDAP_DOMAIN + "]", RDAP::baseUrl);
    registry.add("camunda.bpm.job-execution.enabled", () -> "false");
    // Spring Boot's tests leave metrics exporters off; /actuator/prometheus is a contract (ProbesIT).
    registry.add("management.prometheus.metrics.export.enabled", () -> "true");
    registry.add("backoffice.demo.enabled", () -> "true");
    // As a publicly trusted CA: domain control by DNS change, CAA checked before signing.
    registry.add("backoffice.domain.registrant-evidence-counts-as-control", () -> "false");
    registry.add("backoffice.caa.enabled", () -> "true");
    DnsUnderTest dns = takeDns();
    registry.add("backoffice.dns.resolver", () -> dns.resolver().get());
    if (dns.dnssec() != null) {
      registry.add("backoffice.dns.dnssec.enabled", () -> Boolean.toString(dns.dnssec()));
    }
    registry.add("backoffice.dns.timeout", () -> "1s");
    registry.add("backoffice.validation.br-version", () -> "2.2.8");
    // Long enough to observe a suspension, short enough to wait out (LoginThrottleIT).
    registry.add("backoffice.login.cooling-period", () -> "PT3S");
    // Every test calls from 127.0.0.1, and some of them with wrong passwords on purpose.
    registry.add("backoffice.login.max-failures-per-address", () -> "60");
  }

  @Autowired protected TestRestTemplate http;
  @Autowired protected ManagementService management;
  @Autowired protected TaskService tasks;
  @Autowired protected IdentityService identity;
  @Autowired protected RuntimeService runtime;
  @Autowired protected OutboxDispatcher dispatcher;
  @Autowired protected MailCatcher catcher;
  @Autowired protected DnsChangeValidations dnsChallenges;

  /** JPRS's answer for a general-use .jp domain (English form), as the registry writes it. */
  protected static String jprsRecord(String domain, String registrant, String email) {
    return """
        [ JPRS database provides information on network administration. Its use is    ]
        [ restricted to network administration purposes.                              ]

        Domain Information:
        [Domain Name]                   %s

        [Registrant]                    %s

        [Name Server]                   ns1.%s
        [Signing Key]

        [Created on]                    2010/04/01
        [Expires on]                    %s
        [Status]                        Active
        [Last Updated]                  2026/05/01 01:05:03 (JST)

        Contact Information:
        [Name]                          %s
        [Email]                         %s
        [Postal code]                   104-0061
        [Postal Address]                1-2-3 Ginza, Chuo-ku, Tokyo
        [Phone]                         03-5555-0100
        """
        .formatted(
            domain.toUpperCase(),
            registrant,
            domain,
            // A year ahead, so the record never lapses (a lapsed one is no automatic match).
            java.time.LocalDate.now(org.cabackoffice.calendar.BusinessCalendar.ZONE)
                .plusYears(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("uuuu/MM/dd")),
            registrant,
            email);
  }

  protected TestRestTemplate as(String user, String password) {
    return http.withBasicAuth(user, password);
  }

  protected TestRestTemplate customer() {
    return as(CUSTOMER, "customer");
  }

  /** Runs the asynchronous continuations (not the timers) until the processes wait again. */
  protected void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().messages().list();
      if (due.isEmpty()) {
        return;
      }
      boolean progressed = false;
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
          progressed = true;
        } catch (RuntimeException failed) {
          // A job that failed before is some test's incident, retried when that test says so;
          // after its retry interval it must not fail whichever test runs jobs next.
          if (job.getExceptionMessage() == null) {
            throw failed;
          }
        }
      }
      if (!progressed) {
        return;
      }
    }
    throw new AssertionError("jobs keep coming");
  }

  protected void completeTask(long applicationId, String taskKey, String officer, Map<String, Object> variables) {
    if (!taskKey.equals("confirm-organization")) {
      confirmOrganization(applicationId);
    }
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(applicationId))
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("open task " + taskKey + " of application " + applicationId).isNotNull();
    tasks.claim(task.getId(), officer);
    completeAs(officer, task.getId(), variables);
    runJobs();
  }

  /**
   * Guide [1-1], BR 3.2.2.1: the organization-validation stage comes before every later officer
   * task. Unless a recent verification of the same record was reused (which depends on what the
   * tests before verified), an officer confirms the directory's first candidate, as a test about a
   * later stage needs; OrganizationValidationIT drives the stage itself.
   */
  protected void confirmOrganization(long applicationId) {
    Task confirm =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(String.valueOf(applicationId))
            .taskDefinitionKey("confirm-organization")
            .singleResult();
    if (confirm == null) {
      return;
    }
    String candidates = String.valueOf(runtime.getVariable(confirm.getExecutionId(), "organizationCandidates"));
    java.util.regex.Matcher first = java.util.regex.Pattern.compile("#(\\d+) \\[MATCH").matcher(candidates);
    assertThat(first.find()).as("a directory record matches application " + applicationId + ": " + candidates).isTrue();
    Map<String, Object> answer = new HashMap<>();
    answer.put("organizationMatch", first.group(1));
    answer.put("organizationNote", "same name and address as the directory record");
    if ("EV".equals(runtime.getVariable(confirm.getExecutionId(), "product"))) {
      // EV Guidelines 3.2.2: each check against the record, ticked.
      List.of("legalExistenceVerified", "operationalExistenceVerified", "physicalAddressVerified", "communicationVerified")
          .forEach(check -> answer.put(check, true));
    }
    tasks.claim(confirm.getId(), "officer");
    completeAs("officer", confirm.getId(), answer);
    runJobs();
  }

  /** Completes a task as Tasklist does: with the officer logged in to the engine. */
  protected void completeAs(String officer, String taskId, Map<String, Object> variables) {
    identity.setAuthentication(
        officer,
        identity.createGroupQuery().groupMember(officer).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList());
    try {
      tasks.complete(taskId, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Does what the customer's DNS administrator does with the mailed challenge (BR 3.2.2.4.7):
   * publishes the TXT record; then the process's next look (its timer) finds it.
   */
  protected void proveDomainControl(long applicationId) {
    List<DnsChallengeView> open = dnsChallenges.challenges(applicationId);
    assertThat(open).as("a DNS challenge for application " + applicationId).hasSize(1);
    publishTxt(open.get(0).recordName(), open.get(0).value());
    Job recheck =
        management
            .createJobQuery()
            .timers()
            .activityId("dns-recheck-wait")
            .processInstanceId(processInstanceId(applicationId))
            .singleResult();
    assertThat(recheck).as("application " + applicationId + " waits to check DNS again").isNotNull();
    management.executeJob(recheck.getId());
    runJobs();
  }

  /** Publishes a TXT record in the DNS the application asks. */
  protected void publishTxt(String name, String value) {
    DNS.txt(name, value);
  }

  /** An application for www.{@code domain}, registered to the applicant: it waits for DNS. */
  protected long waitingForDns(String domain) throws Exception {
    WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    String csr =
        org.cabackoffice.testsupport.CsrFactory.pem(
            org.cabackoffice.testsupport.CsrFactory.p256(),
            "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
            List.of("www." + domain));
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications",
                CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    runJobs();
    return id;
  }

  /** The officers' stages after domain control: no documents, paid, phoned, approved by a senior. */
  protected void approve(long id) {
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));
  }

  protected String processInstanceId(long applicationId) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(String.valueOf(applicationId))
        .singleResult()
        .getId();
  }

  /** Guide [4]: the officer calls the main number and ticks the whole checklist. */
  protected void confirmByPhone(long id, String officer) {
    Map<String, Object> call = new HashMap<>();
    call.put("phoneOutcome", "CONFIRMED");
    call.put("spokeWith", "Ichiro Yamada, General Manager");
    call.put("productAndTypeConfirmed", true);
    call.put("organizationAndCommonNameConfirmed", true);
    call.put("technicalContactConfirmed", true);
    call.put("intentConfirmed", true);
    call.put("phoneNote", "called 03-5555-0100, transferred");
    completeTask(id, "verify-by-phone", officer, call);
  }

  /** Guide [3-2]: the transfer to the virtual account arrives and an officer records it. */
  protected void payInvoice(long id) {
    @SuppressWarnings("unchecked")
    Map<String, Object> invoice = as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class);
    // A yen amount with a fraction is a typing mistake to report, never one to round away.
    ResponseEntity<String> fraction =
        as("officer", "officer")
            .postForEntity(
                "/api/applications/" + id + "/payments",
                Map.of("amountYen", ((Number) invoice.get("totalYen")).longValue() + 0.99, "valueDate", java.time.LocalDate.now(org.cabackoffice.calendar.BusinessCalendar.ZONE).toString(), "reference", "x"),
                String.class);
    assertThat(fraction.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fraction.getBody()).contains("\"field\":\"amountYen\"");
    ResponseEntity<String> paid =
        as("officer", "officer")
            .postForEntity(
                "/api/applications/" + id + "/payments",
                Map.of("amountYen", invoice.get("totalYen"), "valueDate", java.time.LocalDate.now(org.cabackoffice.calendar.BusinessCalendar.ZONE).toString(), "reference", "x"),
                String.class);
    assertThat(paid.getStatusCode()).as(paid.getBody()).isEqualTo(HttpStatus.CREATED);
    runJobs();
  }

  /** Sends everything the outbox holds over SMTP, then returns the mails the catcher received. */
  protected List<CaughtMail> mailsTo(String address) {
    // Every batch, not one: the suite's earlier tests leave mails queued, and a mail that is not
    // in the first batch would look never sent.
    for (int batch = 0; batch < 1000 && dispatcher.dispatchDue() > 0; batch++) {}
    return catcher.mailsTo(address);
  }

  protected static String link(CaughtMail mail, String path) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(/public/" + path + "/[A-Za-z0-9_-]+)").matcher(mail.text());
    assertThat(m.find()).as("a " + path + " link in the mail").isTrue();
    return m.group(1);
  }
}
