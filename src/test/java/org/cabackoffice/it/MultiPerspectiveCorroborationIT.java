package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.cabackoffice.testsupport.OpenSslText;
import org.cabackoffice.acme.AcmeChallenge;
import org.cabackoffice.acme.ChallengeValidation;
import org.cabackoffice.audit.ApplicationTimelines;
import org.cabackoffice.automationtest.AcmeRenewalClient;
import org.cabackoffice.domain.BindDnsServer;
import org.cabackoffice.domain.CaaEvidenceRepository;
import org.cabackoffice.domain.DnsChallengeRepository;
import org.cabackoffice.domain.DnsChallengeView;
import org.cabackoffice.domain.DnsCheckEvidence;
import org.cabackoffice.domain.DnsCheckEvidenceRepository;
import org.cabackoffice.domain.DnssecStatus;
import org.cabackoffice.domain.corroboration.Corroboration;
import org.cabackoffice.domain.corroboration.CorroborationRepository;
import org.cabackoffice.domain.corroboration.CorroborationSchedule;
import org.cabackoffice.domain.corroboration.MpicProperties;
import org.cabackoffice.domain.corroboration.PerspectiveAttempt;
import org.cabackoffice.domain.corroboration.PerspectiveAttemptRepository;
import org.cabackoffice.domain.corroboration.PerspectiveCa;
import org.cabackoffice.domain.corroboration.PerspectiveClient;
import org.cabackoffice.domain.corroboration.PerspectiveProcess;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol;
import org.cabackoffice.domain.corroboration.PerspectiveResult.Verdict;
import org.cabackoffice.domain.corroboration.RirRegion;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.IssuedCertificateRepository;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.transparency.LoopbackCtLog;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public-trust walkthrough, with the {@code postgresql} profile's public-trust settings:
 * DNSSEC-validated lookups (SC-085) against BIND 9 serving a signed root of its own,
 * multi-perspective issuance corroboration (BR 3.2.2.9) by five perspectives, and Certificate
 * Transparency against three RFC 6962 logs on loopback of two operators. The profile turns these on
 * and this test does not: it only says where the loopback servers are (resolver, trust anchor,
 * perspectives and their TLS files, CT logs) and what a test run needs besides (a mail catcher for
 * the SMTP relay, the demo users, a new CA in a temporary directory, an administrator), so a
 * profile that turned one of them off fails {@link #thePublicTrustControlsAreTheProfilesOwn}.
 * This IT runs on H2 and on PostgreSQL.
 *
 * <p>Multi-perspective issuance corroboration (BR 3.2.2.9) end to end: five remote perspectives run as
 * JVMs of their own from the built classpath ({@code --spring.profiles.active=perspective}), each
 * at a loopback address of its own (127.0.0.11 to 127.0.0.15) behind TLS that requires the
 * primary's client certificate, all issued by a perspective CA made at test time; the primary
 * checks each address against its server certificate. Each perspective's DNS queries and web
 * fetches leave from its address, and the servers answer by it, as servers on the internet answer
 * by where a question comes from: BIND gives 127.0.0.14 (saopaulo-1) a view of its own whose zones
 * say other things (a hijacked route), and drops what 127.0.0.15 (johannesburg-1) asks, so the
 * primary's timeout runs out. 4/5 is a quorum; 3/5 is not. The perspectives also fetch an ACME
 * http-01 key authorization from a web server on loopback (its port stands in for 80), which sees
 * which addresses fetched.
 */
@Tag("own-context")
@ActiveProfiles("postgresql")
class MultiPerspectiveCorroborationIT extends BackOfficeIT {

  static final String VIRGINIA = "127.0.0.11";
  static final String FRANKFURT = "127.0.0.12";
  static final String TOKYO = "127.0.0.13";
  /** The perspective BIND answers from another view. */
  static final String SAO_PAULO = "127.0.0.14";
  /** The perspective whose queries BIND drops. */
  static final String JOHANNESBURG = "127.0.0.15";

  /** What the primary and the perspectives see, unless they ask from an address named below. */
  static final BindDnsServer BIND =
      new BindDnsServer()
          .signed("sample-mpic.jp")
          .caa("sample-mpic.jp", 0, "issue", "backoffice.example")
          .a("acme.sample-mpic.jp", "127.0.0.1")
          .signed("sample-split.jp")
          .signed("sample-caa-split.jp")
          .caa("sample-caa-split.jp", 0, "issue", "backoffice.example")
          .signed("sample-acme.jp")
          .caa("sample-acme.jp", 0, "issue", "backoffice.example")
          .a("www.sample-acme.jp", "127.0.0.1")
          .blackhole(JOHANNESBURG);

  /**
   * What a question from São Paulo's address gets: the same zones, signed by the same keys (so it
   * validates), other records: sample-caa-split.jp names another CA, and the TXT records of
   * sample-split.jp never reach it ({@link #publishTxt}).
   */
  static final BindDnsServer.View HIJACKED =
      BIND.view("hijacked", SAO_PAULO)
          .caa("sample-mpic.jp", 0, "issue", "backoffice.example")
          .a("acme.sample-mpic.jp", "127.0.0.1")
          .caa("sample-caa-split.jp", 0, "issue", "other-ca.example")
          .caa("sample-acme.jp", 0, "issue", "backoffice.example")
          .a("www.sample-acme.jp", "127.0.0.1");

  static {
    BIND.start();
  }

  /** Certificate Transparency: three logs, two operators, as the CT policies ask above 180 days. */
  static final LoopbackCtLog ALPHA = new LoopbackCtLog("loopback-alpha", "Loopback Logs A");
  static final LoopbackCtLog BETA = new LoopbackCtLog("loopback-beta", "Loopback Logs B");
  static final LoopbackCtLog GAMMA = new LoopbackCtLog("loopback-gamma", "Loopback Logs B");
  static final List<LoopbackCtLog> LOGS = List.of(ALPHA, BETA, GAMMA);

  /**
   * The ACME client's web server for http-01: the primary connects to it on the port BackOfficeIT
   * gives http-01, and the perspectives get that port as their stand-in for 80. It notes the
   * address each request for a token came from.
   */
  static final Map<String, String> KEY_AUTHORIZATIONS = new java.util.concurrent.ConcurrentHashMap<>();
  static final Map<String, java.util.Set<String>> FETCHED_FROM = new java.util.concurrent.ConcurrentHashMap<>();
  static final HttpServer ACME_CLIENT_WEB = acmeClientWeb();

  private static HttpServer acmeClientWeb() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", ACME_HTTP01_PORT), 0);
      server.createContext("/.well-known/acme-challenge/", exchange -> {
        String token = exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
        FETCHED_FROM.computeIfAbsent(token, t -> java.util.concurrent.ConcurrentHashMap.newKeySet())
            .add(exchange.getRemoteAddress().getAddress().getHostAddress());
        String answer = KEY_AUTHORIZATIONS.get(token);
        byte[] body = (answer == null ? "" : answer).getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(answer == null ? 404 : 200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
          exchange.getResponseBody().write(body);
        }
        exchange.close();
      });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static final PerspectiveCa CA = new PerspectiveCa("Test Perspective CA");
  static final List<PerspectiveProcess> PERSPECTIVES = startPerspectives();

  private static List<PerspectiveProcess> startPerspectives() {
    List<PerspectiveProcess> started = new ArrayList<>();
    try {
      String dns = BIND.address();
      String anchor = BIND.trustAnchorLocation();
      Duration quick = Duration.ofSeconds(2);
      // The test-only stand-in for port 80 (and the loopback addresses it allows).
      String web = "--backoffice.domain.website-change.test-http-port=" + ACME_HTTP01_PORT;
      started.add(PerspectiveProcess.start("virginia-1", RirRegion.ARIN, VIRGINIA, CA, dns, anchor, quick, web));
      started.add(PerspectiveProcess.start("frankfurt-1", RirRegion.RIPE_NCC, FRANKFURT, CA, dns, anchor, quick, web));
      started.add(PerspectiveProcess.start("tokyo-1", RirRegion.APNIC, TOKYO, CA, dns, anchor, quick, web));
      started.add(PerspectiveProcess.start("saopaulo-1", RirRegion.LACNIC, SAO_PAULO, CA, dns, anchor, quick, web));
      // Its own lookups would give up after a minute; the primary stops waiting long before.
      started.add(
          PerspectiveProcess.start(
              "johannesburg-1", RirRegion.AFRINIC, JOHANNESBURG, CA, dns, anchor, Duration.ofSeconds(60), web));
      for (PerspectiveProcess p : started) {
        p.awaitReady(Duration.ofSeconds(180));
      }
      warmUp(started);
      return started;
    } catch (RuntimeException e) {
      started.forEach(PerspectiveProcess::close);
      throw e;
    }
  }

  /**
   * A cold JVM's first answer (TLS, Spring MVC, dnsjava's validator) takes seconds on a busy
   * machine; the tests measure the primary's timeout against a resolver that never answers, not
   * against class loading. Each perspective answers a question once before the tests, the silent
   * one a question it refuses without asking DNS.
   */
  private static void warmUp(List<PerspectiveProcess> perspectives) {
    PerspectiveClient patient =
        new PerspectiveClient(
            new MpicProperties.Tls(
                CA.clientKeyStore("warm-up").toString(), PerspectiveCa.PASSWORD,
                CA.trustStore().toString(), PerspectiveCa.PASSWORD),
            Duration.ofSeconds(120));
    List<java.util.concurrent.CompletableFuture<?>> answers = new ArrayList<>();
    for (PerspectiveProcess p : perspectives) {
      boolean silent = p.address().equals(JOHANNESBURG);
      answers.add(
          patient
              .ask(p.url(), PerspectiveProtocol.DNS_CHANGE_PATH,
                  new PerspectiveProtocol.DnsChangeQuestion(silent ? "" : "_pki-validation.sample-mpic.jp"),
                  PerspectiveProtocol.DnsChangeObservation.class)
      );
    }
    // No lambda of this class here: this runs in its static initializer, and a callback on the
    // HTTP client's threads would wait for that initializer to end.
    for (java.util.concurrent.CompletableFuture<?> answer : answers) {
      try {
        answer.join();
      } catch (CompletionException refused) {
        // The silent perspective refuses the empty name: it answered, which is all it is asked.
      }
    }
  }

  /**
   * Only what loopback needs: where the servers are, and what a test run needs besides. DNSSEC,
   * MPIC and CT themselves (and CAA, and no registrant evidence as domain control) are the
   * {@code postgresql} profile's; BackOfficeIT leaves DNSSEC to it ({@code DnsUnderTest} without a
   * setting).
   */
  @DynamicPropertySource
  static void loopback(DynamicPropertyRegistry registry) {
    registry.add("backoffice.dns.dnssec.trust-anchor", BIND::trustAnchorLocation);
    useDns(new DnsUnderTest(BIND::address, null));
    registry.add("backoffice.mpic.timeout", () -> "8s");
    for (int i = 0; i < PERSPECTIVES.size(); i++) {
      PerspectiveProcess p = PERSPECTIVES.get(i);
      registry.add("backoffice.mpic.perspectives[" + i + "].id", p::id);
      registry.add("backoffice.mpic.perspectives[" + i + "].region", () -> p.region().name());
      registry.add("backoffice.mpic.perspectives[" + i + "].url", p::url);
    }
    registry.add("backoffice.mpic.tls.key-store", () -> CA.clientKeyStore("primary").toString());
    registry.add("backoffice.mpic.tls.key-store-password", () -> PerspectiveCa.PASSWORD);
    registry.add("backoffice.mpic.tls.trust-store", () -> CA.trustStore().toString());
    registry.add("backoffice.mpic.tls.trust-store-password", () -> PerspectiveCa.PASSWORD);
    registry.add("backoffice.ct.timeout", () -> "5s");
    for (int i = 0; i < LOGS.size(); i++) {
      LoopbackCtLog log = LOGS.get(i);
      registry.add("backoffice.ct.logs[" + i + "].name", log::name);
      registry.add("backoffice.ct.logs[" + i + "].url", log::url);
      registry.add("backoffice.ct.logs[" + i + "].operator", log::operator);
      registry.add("backoffice.ct.logs[" + i + "].public-key", log::publicKeyBase64);
    }
    // What the profile takes from the environment of a real deployment.
    registry.add("camunda.bpm.admin-user.id", () -> "itadmin");
    registry.add("camunda.bpm.admin-user.password", () -> "it-admin-password");
    registry.add("backoffice.ca.keystore-password", () -> "it-only-keystore-password");
    // A new data directory for every run: its CA is made, not expected.
    registry.add("backoffice.ca.create-if-missing", () -> "true");
    // The SMTP relay of a deployment: the in-process catcher, where BackOfficeIT reads mails.
    registry.add("backoffice.mail.catcher.enabled", () -> "true");
  }

  @AfterAll
  static void stop() {
    PERSPECTIVES.forEach(PerspectiveProcess::close);
    BIND.close();
    ACME_CLIENT_WEB.stop(0);
    LOGS.forEach(LoopbackCtLog::close);
  }

  @Autowired CorroborationRepository corroborations;
  @Autowired CertificateAuthority ca;
  @Autowired DnsChallengeRepository challengeRecords;
  @Autowired DnsCheckEvidenceRepository dnsEvidence;
  @Autowired CaaEvidenceRepository caaEvidence;
  @Autowired ChallengeValidation acmeChallenges;

  @BeforeEach
  void logsAcceptTheCaRoot() {
    LOGS.forEach(log -> log.accept(ca.rootCertificate()));
  }
  @Autowired PerspectiveAttemptRepository attempts;
  @Autowired ConfigurableEnvironment environment;
  @Autowired MpicProperties mpic;
  @Autowired IssuedCertificateRepository certificates;
  @Autowired ApplicationTimelines timelines;

  /** The hijacked view carries the customer's record too, except for sample-split.jp's. */
  @Override
  protected void publishTxt(String name, String value) {
    BIND.publishTxt(name, value);
    if (!name.endsWith("sample-split.jp")) {
      HIJACKED.publishTxt(name, value);
    }
  }

  @Test
  void fourOfFivePerspectivesCorroborateAndTheCertificateIsIssuedWithEachOnRecord() throws Exception {
    long id = waitingForDns("sample-mpic.jp");
    proveDomainControl(id);
    approve(id);
    runJobs();

    assertThat(status(id)).isEqualTo("ISSUED");
    // DNSSEC (SC-085): the domain control lookup and CAA were validated to the test root.
    List<DnsCheckEvidence> checks =
        challengeRecords.findByApplicationIdOrderByIdAsc(id).stream()
            .flatMap(c -> dnsEvidence.findByChallengeIdOrderByIdAsc(c.getId()).stream())
            .toList();
    assertThat(checks).isNotEmpty();
    assertThat(checks.get(checks.size() - 1).getDnssec()).isEqualTo(DnssecStatus.SECURE);
    assertThat(checks.get(checks.size() - 1).getReason()).contains("DNSSEC: secure");
    assertThat(caaEvidence.findByApplicationIdOrderByCheckedAt(id).get(0).getDnssec())
        .containsExactly("www.sample-mpic.jp CAA SECURE", "sample-mpic.jp CAA SECURE");
    // Certificate Transparency: the certificate carries the three logs' SCTs, as OpenSSL reads it.
    String text = OpenSslText.x509(certificates.findFirstByApplicationId(id).orElseThrow().pem());
    assertThat(text).contains("CT Precertificate SCTs").doesNotContain("CT Precertificate Poison");
    String joined = text.replaceAll("\\s", "");
    for (LoopbackCtLog log : LOGS) {
      assertThat(joined).as("SCT of " + log.name())
          .contains("LogID:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(log.logId()));
    }
    List<Corroboration> recorded = corroborations.findByApplicationIdOrderByIdAsc(id);
    Corroboration domain = recorded.get(0);
    assertThat(domain.getSubject()).isEqualTo(Corroboration.Subject.DOMAIN_CONTROL);
    assertThat(domain.getDnsNames()).containsExactly("_pki-validation.sample-mpic.jp");
    assertThat(domain.getQuorum()).isEqualTo("4/5");
    assertThat(domain.isMet()).isTrue();
    assertThat(domain.isEnforced()).isTrue();
    List<PerspectiveAttempt> each = attempts.findByCorroborationIdOrderByIdAsc(domain.getId());
    assertThat(each)
        .extracting(a -> a.getPerspectiveId() + " " + a.getRegion() + " " + a.getVerdict())
        .containsExactly(
            "virginia-1 ARIN CORROBORATED",
            "frankfurt-1 RIPE_NCC CORROBORATED",
            "tokyo-1 APNIC CORROBORATED",
            "saopaulo-1 LACNIC CORROBORATED",
            "johannesburg-1 AFRINIC NO_ANSWER");
    assertThat(each.get(0).getDnssec()).isEqualTo("SECURE");
    // Each looked from its own address; BIND answered São Paulo's from the view it gives that address.
    assertThat(each.get(0).getDetail()).contains("from " + VIRGINIA + ", DNSSEC-validated");
    assertThat(each.get(3).getDetail()).contains("from " + SAO_PAULO + ", DNSSEC-validated");
    assertThat(each.get(4).getDetail()).isEqualTo("no answer within 8000 ms");
    // The quorum the date asks for (SC-067's phases), not a setting: five perspectives meet the
    // phase in force and the one from 2026-12-15.
    assertThat(domain.getPhase()).isEqualTo(CorroborationSchedule.at(domain.getCheckedAt()).name());
    assertThat(domain.getRequiredPerspectives())
        .isEqualTo(CorroborationSchedule.at(domain.getCheckedAt()).remotePerspectives())
        .isLessThanOrEqualTo(each.size());
    assertThat(each).hasSizeGreaterThanOrEqualTo(CorroborationSchedule.FROM_2026_12_15.remotePerspectives());

    List<Corroboration> caa = recorded.stream().filter(c -> c.getSubject() == Corroboration.Subject.CAA).toList();
    assertThat(caa).isNotEmpty().allMatch(Corroboration::isMet).allMatch(c -> c.getQuorum().equals("4/5"));
    assertThat(caa.get(0).getDnsNames()).containsExactly("www.sample-mpic.jp");

    List<String> timeline =
        timelines.of(id).entries().stream()
            .filter(e -> e.kind() == TimelineKind.MPIC_CORROBORATION)
            .map(TimelineEntry::summary)
            .toList();
    assertThat(timeline.get(0))
        .contains("DNS change record _pki-validation.sample-mpic.jp: quorum 4/5 met")
        .contains("virginia-1 ARIN CORROBORATED")
        .contains("johannesburg-1 AFRINIC NO_ANSWER");
    assertThat(timeline).anyMatch(s -> s.contains("CAA for www.sample-mpic.jp: quorum 4/5 met"));
  }

  @Test
  void aRecordTheOtherViewDoesNotCarryIsNotValidatedAndTheDissentersAreNamed() throws Exception {
    long id = waitingForDns("sample-split.jp");
    proveDomainControl(id);

    DnsChallengeView challenge = dnsChallenges.challenges(id).get(0);
    assertThat(challenge.status().name()).isEqualTo("PENDING");
    assertThat(challenge.lastCheckReason())
        .contains("carries the random value here, but the DNS change record corroborated 3/5")
        .contains("quorum NOT met")
        .contains("saopaulo-1 (LACNIC, NOT_CORROBORATED: no _pki-validation.sample-split.jp TXT record")
        .contains("johannesburg-1 (AFRINIC, NO_ANSWER: no answer within 8000 ms)");
    assertThat(dnsChallenges.validated(id, "www.sample-split.jp")).isFalse();
    Corroboration failed = corroborations.findByApplicationIdOrderByIdAsc(id).get(0);
    assertThat(failed.getQuorum()).isEqualTo("3/5");
    assertThat(failed.isMet()).isFalse();
    assertThat(certificates.findFirstByApplicationId(id)).isEmpty();
  }

  @Test
  void aCaaPermissionTheOtherViewDoesNotShareStopsIssuanceAsAnIncidentNamingThePerspectives() throws Exception {
    long id = waitingForDns("sample-caa-split.jp");
    proveDomainControl(id);
    assertThat(dnsChallenges.validated(id, "www.sample-caa-split.jp")).isTrue();
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    Task approval =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("approve-issuance").singleResult();
    tasks.claim(approval.getId(), "senior");
    completeAs("senior", approval.getId(), Map.of("issuanceDecision", "APPROVE", "approvalNote", "ok"));

    Job check = management.createJobQuery().processInstanceId(processInstanceId(id)).activityId("check-caa").singleResult();
    assertThatThrownBy(() -> management.executeJob(check.getId()))
        .hasMessageContaining("CAA permits issuance here, but CAA permission corroborated 3/5")
        .hasMessageContaining("quorum NOT met, nothing issued")
        .hasMessageContaining("saopaulo-1 (LACNIC, NOT_CORROBORATED: www.sample-caa-split.jp:")
        .hasMessageContaining("johannesburg-1 (AFRINIC, NO_ANSWER");
    Corroboration caa =
        corroborations.findByApplicationIdOrderByIdAsc(id).stream()
            .filter(c -> c.getSubject() == Corroboration.Subject.CAA)
            .findFirst()
            .orElseThrow();
    assertThat(caa.isMet()).isFalse();
    assertThat(attempts.findByCorroborationIdOrderByIdAsc(caa.getId()))
        .extracting(PerspectiveAttempt::getVerdict)
        .containsExactly(
            Verdict.CORROBORATED, Verdict.CORROBORATED, Verdict.CORROBORATED, Verdict.NOT_CORROBORATED,
            Verdict.NO_ANSWER);
    assertThat(certificates.findFirstByApplicationId(id)).isEmpty();
    assertThat(status(id)).isEqualTo("IN_PROGRESS");
  }

  @Test
  void aPerspectiveAnswersOnlyAClientWithACertificateFromThePerspectiveCa() throws Exception {
    String url = PERSPECTIVES.get(0).url() + PerspectiveProtocol.DNS_CHANGE_PATH;
    String body = "{\"recordName\":\"_pki-validation.sample-mpic.jp\"}";

    PerspectiveClient primary =
        new PerspectiveClient(
            new MpicProperties.Tls(
                CA.clientKeyStore("primary").toString(), PerspectiveCa.PASSWORD,
                CA.trustStore().toString(), PerspectiveCa.PASSWORD),
            Duration.ofSeconds(10));
    PerspectiveProtocol.DnsChangeObservation seen =
        primary
            .ask(PERSPECTIVES.get(0).url(), PerspectiveProtocol.DNS_CHANGE_PATH,
                new PerspectiveProtocol.DnsChangeQuestion("_pki-validation.sample-mpic.jp"),
                PerspectiveProtocol.DnsChangeObservation.class)
            .join();
    assertThat(seen.perspectiveId()).isEqualTo("virginia-1");
    assertThat(seen.region()).isEqualTo("ARIN");

    // No client certificate at all: TLS 1.3 refuses after the handshake's first flight.
    HttpClient anonymous = client(trustingOnly(CA.trustStore()));
    assertThatThrownBy(() -> post(anonymous, url, body)).isInstanceOf(java.io.IOException.class);

    // A client certificate from another CA.
    PerspectiveCa rogue = new PerspectiveCa("Some Other CA");
    PerspectiveClient impostor =
        new PerspectiveClient(
            new MpicProperties.Tls(
                rogue.clientKeyStore("primary").toString(), PerspectiveCa.PASSWORD,
                CA.trustStore().toString(), PerspectiveCa.PASSWORD),
            Duration.ofSeconds(10));
    assertThatThrownBy(
            () -> impostor
                .ask(PERSPECTIVES.get(0).url(), PerspectiveProtocol.DNS_CHANGE_PATH,
                    new PerspectiveProtocol.DnsChangeQuestion("_pki-validation.sample-mpic.jp"),
                    PerspectiveProtocol.DnsChangeObservation.class)
                .join())
        .isInstanceOf(CompletionException.class)
        .hasRootCauseInstanceOf(java.io.IOException.class);
  }

  @Test
  void anAcmeHttp01KeyAuthorizationIsCorroboratedByThePerspectivesThatFetchIt() {
    String token = "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0";
    String keyAuthorization = token + ".9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";
    KEY_AUTHORIZATIONS.put(token, keyAuthorization);

    ChallengeValidation.Outcome outcome =
        acmeChallenges.check(AcmeChallenge.HTTP_01, "acme.sample-mpic.jp", keyAuthorization);

    assertThat(outcome.valid()).as(outcome.error()).isTrue();
    assertThat(outcome.evidence())
        .contains("200, the key authorization")
        .contains("ACME http-01 key authorization corroborated 4/5 by remote perspectives: quorum met");
    String url = "http://acme.sample-mpic.jp/.well-known/acme-challenge/" + token;
    Corroboration recorded =
        corroborations.findAll().stream().filter(c -> c.getDnsNames().equals(List.of(url))).findFirst().orElseThrow();
    assertThat(outcome.evidence()).contains("corroboration #" + recorded.getId());
    assertThat(recorded.getApplicationId()).isNull();
    assertThat(recorded.getQuorum()).isEqualTo("4/5");
    assertThat(attempts.findByCorroborationIdOrderByIdAsc(recorded.getId()))
        .extracting(a -> a.getPerspectiveId() + " " + a.getVerdict())
        .containsExactly(
            "virginia-1 CORROBORATED", "frankfurt-1 CORROBORATED", "tokyo-1 CORROBORATED", "saopaulo-1 CORROBORATED",
            "johannesburg-1 NO_ANSWER");
    // The web server saw the primary and each perspective that resolved the name, each from its
    // own address; Johannesburg's lookup of the name was dropped, so it never connected.
    assertThat(FETCHED_FROM.get(token)).containsExactlyInAnyOrder("127.0.0.1", VIRGINIA, FRANKFURT, TOKYO, SAO_PAULO);
  }

  /**
   * The controls this walkthrough shows are on because the {@code postgresql} profile turns them
   * on, not because this test does: the first property source that names each is the profile's
   * file. A profile that turned one off (or left it to the embedded default) fails here.
   */
  @Test
  void thePublicTrustControlsAreTheProfilesOwn() {
    for (String control : List.of("backoffice.dns.dnssec.enabled", "backoffice.mpic.enabled", "backoffice.ct.enabled")) {
      PropertySource<?> source =
          environment.getPropertySources().stream()
              // Boot's view over all the sources, not a source of its own.
              .filter(ps -> !ps.getName().equals("configurationProperties"))
              .filter(ps -> ps.containsProperty(control))
              .findFirst()
              .orElseThrow();
      assertThat(source.getName()).as(control + " comes from").contains("application-postgresql.yml");
      assertThat(environment.getProperty(control, Boolean.class)).as(control).isTrue();
    }
    // Set by BackOfficeIT for every IT, and the same in the profile.
    PropertySource<?> profile =
        environment.getPropertySources().stream()
            .filter(ps -> ps.getName().contains("application-postgresql.yml"))
            .findFirst()
            .orElseThrow();
    assertThat(environment.resolvePlaceholders(String.valueOf(profile.getProperty("backoffice.caa.enabled"))))
        .isEqualTo("true");
    assertThat(environment.resolvePlaceholders(
            String.valueOf(profile.getProperty("backoffice.domain.registrant-evidence-counts-as-control"))))
        .isEqualTo("false");
    // The trust anchor is the loopback root's; the profile names none, so IANA's is its default.
    assertThat(profile.containsProperty("backoffice.dns.dnssec.trust-anchor")).isFalse();
    assertThat(mpic.perspectives()).hasSizeGreaterThanOrEqualTo(5);
  }

  @Autowired org.cabackoffice.acme.AcmeOrderRecords acmeOrderRecords;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  /**
   * The automated path through the same controls: an ACME order of a validated organization by
   * the CA's own ACME client (the automation test's), http-01 corroborated by the five remote
   * perspectives, CAA looked up through the DNSSEC-validating resolver, the certificate logged to
   * the three CT logs. The order's record (what auditors open) names the quorum.
   */
  @Test
  void anAcmeOrderOfAValidatedOrganizationIsCorroboratedByFivePerspectivesAndCarriesScts() throws Exception {
    String name = "www.sample-acme.jp";
    Map<?, ?> eab = eabCredentialsOfAValidatedOrganization();
    AcmeConformanceIT.paidContract(as("officer", "officer"), CUSTOMER);
    AcmeRenewalClient client = new AcmeRenewalClient(CsrFactory.p256());
    URI directory = URI.create("http://127.0.0.1:" + port + "/acme/directory");
    java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofMinutes(3));
    java.util.concurrent.CompletableFuture<AcmeRenewalClient.Renewed> ordered =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
          try {
            return client.renew(directory, name,
                () -> new AcmeRenewalClient.Credentials((String) eab.get("kid"), (String) eab.get("hmacKey")),
                KEY_AUTHORIZATIONS::put, deadline);
          } catch (AcmeRenewalClient.RenewalFailed e) {
            throw new CompletionException(e);
          }
        });
    // The client polls while the order's process runs: its jobs run here, as the job executor's would.
    while (!ordered.isDone() && java.time.Instant.now().isBefore(deadline)) {
      runJobs();
      Thread.sleep(200);
    }
    AcmeRenewalClient.Renewed renewed = ordered.get(10, TimeUnit.SECONDS);

    String url = renewed.orderUrl();
    org.cabackoffice.acme.AcmeOrderRecords.OrderRecord order =
        acmeOrderRecords.record(Long.parseLong(url.substring(url.lastIndexOf('/') + 1))).orElseThrow();
    assertThat(order.row().status()).isEqualTo("valid");
    assertThat(order.row().organization()).startsWith((String) eab.get("organization"));
    assertThat(order.identityCurrent()).as("the officers' validation of the organization, reused").isTrue();
    org.cabackoffice.acme.AcmeOrderRecords.AuthorizationRecord authorization = order.authorizations().get(0);
    assertThat(authorization.method()).isEqualTo(AcmeChallenge.HTTP_01);
    String evidence = authorization.challenges().stream()
        .filter(c -> c.type().equals(AcmeChallenge.HTTP_01)).findFirst().orElseThrow().evidence();
    assertThat(evidence)
        .contains("200, the key authorization")
        .contains("ACME http-01 key authorization corroborated 4/5 by remote perspectives: quorum met");
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("corroboration #(\\d+)").matcher(evidence);
    assertThat(id.find()).as(evidence).isTrue();
    Corroboration corroborated = corroborations.findById(Long.parseLong(id.group(1))).orElseThrow();
    assertThat(corroborated.getQuorum()).isEqualTo("4/5");
    assertThat(corroborated.isMet()).isTrue();
    assertThat(corroborated.isEnforced()).isTrue();
    assertThat(attempts.findByCorroborationIdOrderByIdAsc(corroborated.getId()))
        .extracting(a -> a.getPerspectiveId() + " " + a.getRegion() + " " + a.getVerdict())
        .containsExactly(
            "virginia-1 ARIN CORROBORATED",
            "frankfurt-1 RIPE_NCC CORROBORATED",
            "tokyo-1 APNIC CORROBORATED",
            "saopaulo-1 LACNIC CORROBORATED",
            "johannesburg-1 AFRINIC NO_ANSWER");

    // CAA right before signing (BR 3.2.2.8), DNSSEC-validated to the test root (SC-085) and
    // corroborated by the perspectives as the application path's is (BR 3.2.2.9).
    assertThat(caaEvidence.findByApplicationIdOrderByCheckedAt(null))
        .filteredOn(c -> c.getDnsNames().contains(name))
        .last()
        .satisfies(c -> assertThat(c.getDnssec()).contains(name + " CAA SECURE"));
    // The corroboration is the order's (BR 5.4.1 items 7 and 8): on its record, with what it
    // judged (RFC 8657: this account, http-01) and each perspective's result, as auditors read it.
    long orderId = order.row().id();
    assertThat(order.caaCorroborations()).isNotEmpty();
    org.cabackoffice.acme.AcmeOrderRecords.CaaCorroboration recorded =
        order.caaCorroborations().get(order.caaCorroborations().size() - 1);
    assertThat(recorded.names()).containsExactly(name);
    assertThat(recorded.quorum()).isEqualTo("4/5");
    assertThat(recorded.met()).isTrue();
    assertThat(recorded.outcome()).startsWith("quorum 4/5 met");
    assertThat(recorded.requesters()).startsWith(name + " accounturi=http").endsWith(" method=http-01");
    assertThat(recorded.perspectives())
        .extracting(p -> p.perspectiveId() + " " + p.region() + " " + p.verdict())
        .containsExactly(
            "virginia-1 ARIN CORROBORATED",
            "frankfurt-1 RIPE_NCC CORROBORATED",
            "tokyo-1 APNIC CORROBORATED",
            "saopaulo-1 LACNIC CORROBORATED",
            "johannesburg-1 AFRINIC NO_ANSWER");
    Corroboration caa = corroborations.findById(recorded.id()).orElseThrow();
    assertThat(caa.getSubject()).isEqualTo(Corroboration.Subject.CAA);
    assertThat(caa.getAcmeOrderId()).isEqualTo(orderId);
    assertThat(caa.getApplicationId()).isNull();
    assertThat(attempts.findByCorroborationIdOrderByIdAsc(caa.getId())).hasSize(5);
    String page = as("auditor", "auditor").getForObject("/audit/acme-orders/" + orderId + "?lang=en", String.class);
    assertThat(page)
        .contains("data-corroboration=\"" + caa.getId() + "\"", "data-met=\"true\"")
        .contains("quorum 4/5 met (at least ", "CAA permission corroborated 4/5 by remote perspectives: quorum met")
        .contains("<td>tokyo-1</td>", "<td>johannesburg-1</td>", "<td>NO_ANSWER</td>", "mpic_corroboration:" + caa.getId())
        .doesNotContain("caa-corroboration-none");

    // Certificate Transparency: the three logs' SCTs embedded, as OpenSSL reads them.
    assertThat(renewed.certificate().getSubjectX500Principal().getName()).contains("CN=" + name);
    String text = OpenSslText.x509(certificates.findBySerial(order.row().serial()).orElseThrow().pem());
    assertThat(text).contains("CT Precertificate SCTs").doesNotContain("CT Precertificate Poison");
    String joined = text.replaceAll("\\s", "");
    for (LoopbackCtLog log : LOGS) {
      assertThat(joined).as("SCT of " + log.name())
          .contains("LogID:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(log.logId()));
    }
  }

  /**
   * EAB credentials for the customer; when no organization of the customer is validated yet in
   * this context, the officers validate it in an application first, as the storefront path does.
   */
  private Map<?, ?> eabCredentialsOfAValidatedOrganization() throws Exception {
    ResponseEntity<Map> eab = as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), Map.class);
    if (eab.getStatusCode().value() == 422) {
      // A domain of its own: a validation of sample-mpic.jp would be reused by the other tests'
      // applications, which prove their domain control themselves.
      long id = waitingForDns("sample-acme.jp");
      if (!dnsChallenges.challenges(id).isEmpty()) {
        proveDomainControl(id);
      }
      confirmOrganization(id);
      eab = as("officer", "officer").postForEntity("/api/acme/eab", Map.of("customer", CUSTOMER), Map.class);
    }
    assertThat(eab.getStatusCode().value()).as(String.valueOf(eab.getBody())).isEqualTo(201);
    return eab.getBody();
  }

  private static SSLContext trustingOnly(Path trustStore) throws Exception {
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(trustStore)) {
      store.load(in, PerspectiveCa.PASSWORD.toCharArray());
    }
    javax.net.ssl.TrustManagerFactory trust =
        javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static HttpClient client(SSLContext context) {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {"TLSv1.3"});
    return HttpClient.newBuilder().sslContext(context).sslParameters(parameters).version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static HttpResponse<String> post(HttpClient client, String url, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String status(long id) {
    @SuppressWarnings("unchecked")
    Map<String, Object> view = customer().getForObject("/api/applications/" + id, Map.class);
    return (String) view.get("status");
  }
}
