package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.cabackoffice.domain.DnsChallenge;
import org.cabackoffice.domain.DnsChallengeView;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The outside world's servers down (issue 13), as operations meet it: the WHOIS registry not
 * listening at all turns the registrant lookup into an incident naming the registry and the
 * domain once its retries are used up, and an operator's retry after the registry is back moves
 * the application on; the DNS resolver not answering leaves the DNS change validation waiting
 * (the failed look kept with the resolver's name) and the next look after it answers again
 * validates. An RDAP server down is met the same way. {@link RegistryThrottlingIT} covers a
 * registry that answers but throttles; RDAP servers that are slow or drip their answer are
 * covered by RdapLookupTest on a loopback HTTP server.
 */
class RegistryOutageIT extends BackOfficeIT {

  private static final String DOMAIN = "sample-registry-down.jp";
  private static final String LOOKUP = "look-up-domain-registrant";

  @Test
  void aRegistryThatIsDownBecomesAnIncidentNamingItAndRecoversOnRetry() throws Exception {
    WHOIS.answer(DOMAIN, jprsRecord(DOMAIN, "Sample K.K.", "hostmaster@sample.co.jp"));
    long id;
    String processInstance;
    List<String> failures;
    WHOIS.stop();
    try {
      id = apply(DOMAIN);
      processInstance = processInstanceId(id);
      failures = runLookupUntilRetriesAreUsedUp(processInstance);
    } finally {
      WHOIS.restart();
    }
    // The model's R6/PT10M: six tries, each refused at the door.
    assertThat(failures)
        .hasSize(6)
        .allSatisfy(f -> assertThat(f).contains("WHOIS server " + WHOIS.address()).contains(DOMAIN));

    List<?> incidents =
        as("operator", "operator").getForObject("/engine-rest/incident?processInstanceId=" + processInstance, List.class);
    assertThat(incidents).hasSize(1);
    Map<?, ?> incident = (Map<?, ?>) incidents.get(0);
    assertThat(incident.get("activityId")).isEqualTo(LOOKUP);
    assertThat((String) incident.get("incidentMessage"))
        .as("the incident names the registry and the domain")
        .contains("WHOIS server " + WHOIS.address())
        .contains(DOMAIN);

    // The registry is back (restarted above); the operator retries the job once.
    long back = System.nanoTime();
    Job lookup = lookupJob(processInstance);
    ResponseEntity<String> retried =
        as("operator", "operator")
            .exchange(
                "/engine-rest/job/" + lookup.getId() + "/retries",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of("retries", 1)),
                String.class);
    assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    management.setJobDuedate(lookup.getId(), new Date());
    runJobs();
    long recoveryMillis = (System.nanoTime() - back) / 1_000_000;

    assertThat(as("operator", "operator").getForObject("/engine-rest/incident?processInstanceId=" + processInstance, List.class))
        .isEmpty();
    assertThat(runtime.getVariable(processInstance, "domainOutcome")).isEqualTo("MATCH");
    System.out.printf(
        "FAULT whois-down: applications=1 completed-lookup=1 duplicates=0 failed-tries=%d"
            + " recovery-after-operator-retry=%d ms%n",
        failures.size(), recoveryMillis);

    dnsDownThenBack(id, processInstance);
  }

  /**
   * The same outage on RDAP (RFC 9082): the registry's server for {@link #RDAP_DOMAIN} not
   * listening turns the lookup into an incident naming the server's URL and the domain; an
   * operator's retry after it is back moves the application on.
   */
  @Test
  void anRdapServerThatIsDownBecomesAnIncidentNamingItAndRecoversOnRetry() throws Exception {
    RDAP.registrant(RDAP_DOMAIN, "Sample K.K.", "hostmaster@sample.co.jp");
    String processInstance;
    List<String> failures;
    RDAP.stop();
    try {
      processInstance = processInstanceId(apply(RDAP_DOMAIN));
      failures = runLookupUntilRetriesAreUsedUp(processInstance);
    } finally {
      RDAP.restart();
    }
    String server = RDAP.baseUrl() + "domain/" + RDAP_DOMAIN;
    assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f).contains(server).contains("RDAP server unreachable"));
    List<?> incidents =
        as("operator", "operator").getForObject("/engine-rest/incident?processInstanceId=" + processInstance, List.class);
    assertThat(incidents).hasSize(1);
    assertThat((String) ((Map<?, ?>) incidents.get(0)).get("incidentMessage"))
        .as("the incident names the RDAP server and the domain")
        .contains(server);

    long back = System.nanoTime();
    Job lookup = lookupJob(processInstance);
    ResponseEntity<String> retried =
        as("operator", "operator")
            .exchange(
                "/engine-rest/job/" + lookup.getId() + "/retries",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of("retries", 1)),
                String.class);
    assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    management.setJobDuedate(lookup.getId(), new Date());
    runJobs();
    long recoveryMillis = (System.nanoTime() - back) / 1_000_000;

    assertThat(runtime.createIncidentQuery().processInstanceId(processInstance).count()).isZero();
    assertThat(runtime.getVariable(processInstance, "domainOutcome")).isEqualTo("MATCH");
    assertThat(RDAP.requested()).contains("/domain/" + RDAP_DOMAIN);
    System.out.printf(
        "FAULT rdap-down: applications=1 completed-lookup=1 duplicates=0 failed-tries=%d"
            + " recovery-after-operator-retry=%d ms%n",
        failures.size(), recoveryMillis);
  }

  /** BR 3.2.2.4.7: the TXT record is published, but the resolver does not answer. */
  private void dnsDownThenBack(long id, String processInstance) {
    List<DnsChallengeView> open = dnsChallenges.challenges(id);
    assertThat(open).hasSize(1);
    DnsChallengeView challenge = open.get(0);
    DNS.txt(challenge.recordName(), challenge.value());
    DNS.delay(challenge.recordName(), 3_000); // the IT's resolver timeout is 1 s
    try {
      fireRecheck(processInstance);
    } finally {
      DNS.delay(challenge.recordName(), 0);
    }
    assertThat(runtime.getVariable(processInstance, "dnsRecord")).isEqualTo("NOT_YET");
    assertThat((String) runtime.getVariable(processInstance, "dnsRecordReason"))
        .as("the failed look names the resolver")
        .contains(DNS.address());
    assertThat(runtime.createIncidentQuery().processInstanceId(processInstance).count())
        .as("a resolver down is waited out by the model's next look, no incident")
        .isZero();

    long back = System.nanoTime();
    fireRecheck(processInstance);
    long recoveryMillis = (System.nanoTime() - back) / 1_000_000;
    assertThat(dnsChallenges.challenges(id))
        .as("the challenge validated on the first look after the resolver answered again")
        .extracting(DnsChallengeView::status)
        .containsExactly(DnsChallenge.Status.VALIDATED);
    System.out.printf(
        "FAULT dns-down: applications=1 validated-after-recovery=1 duplicates=0 recovery-on-next-look=%d ms%n",
        recoveryMillis);
  }

  private void fireRecheck(String processInstance) {
    Job recheck =
        management.createJobQuery().timers().activityId("dns-recheck-wait").processInstanceId(processInstance).singleResult();
    assertThat(recheck).as("the application waits to look at DNS again").isNotNull();
    management.executeJob(recheck.getId());
    runJobs();
  }

  private long apply(String domain) throws Exception {
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(),
            "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
            List.of("www." + domain));
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications",
                CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  /** The job executor's tries, the retry cycle's waits shortened by moving the due date. */
  private List<String> runLookupUntilRetriesAreUsedUp(String processInstance) {
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstance).executable().list();
      if (due.isEmpty()) {
        Job lookup = lookupJob(processInstance);
        if (lookup == null || lookup.getRetries() == 0) {
          return failures;
        }
        management.setJobDuedate(lookup.getId(), new Date());
        continue;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException e) {
          failures.add(String.valueOf(management.getJobExceptionStacktrace(job.getId())));
        }
      }
    }
    throw new AssertionError("the lookup job never used up its retries");
  }

  private Job lookupJob(String processInstance) {
    return management.createJobQuery().processInstanceId(processInstance).activityId(LOOKUP).singleResult();
  }
}
