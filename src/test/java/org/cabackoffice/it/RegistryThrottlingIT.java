package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A registry that throttles us, as operations see it: the registrant lookup is retried as the
 * model says (R6/PT10M), then becomes an incident naming the registry and the throttling, which
 * an operator reads and, once the registry answers again, retries through the engine's REST API.
 */
class RegistryThrottlingIT extends BackOfficeIT {

  private static final String DOMAIN = "sample-throttled.jp";
  private static final String LOOKUP = "look-up-domain-registrant";

  @Test
  void aThrottlingRegistryBecomesAnIncidentAnOperatorRetriesOnceItRecovers() throws Exception {
    WHOIS.answer(
        DOMAIN,
        "[ JPRS database provides information on network administration. ]\r\n\r\n"
            + "Query rate limit exceeded. Please wait a while and try again.\r\n");
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(),
            "CN=www." + DOMAIN + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
            List.of("www." + DOMAIN));
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications",
                CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    String processInstance = processInstanceId(id);

    List<String> failures = runJobsUntilRetriesAreUsedUp(processInstance);

    // The model's R6/PT10M: Camunda counts the first try among the six, each refused here.
    assertThat(failures).hasSize(6).allSatisfy(f -> assertThat(f).contains("rate limit"));
    Job lookup = lookupJob(processInstance);
    assertThat(lookup.getRetries()).isZero();

    ResponseEntity<List> incidents =
        as("operator", "operator")
            .getForEntity("/engine-rest/incident?processInstanceId=" + processInstance, List.class);
    assertThat(incidents.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(incidents.getBody()).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> incident = (Map<String, Object>) incidents.getBody().get(0);
    assertThat(incident.get("incidentType")).isEqualTo("failedJob");
    assertThat(incident.get("activityId")).isEqualTo(LOOKUP);
    assertThat((String) incident.get("incidentMessage"))
        .contains("WHOIS server " + WHOIS.address())
        .contains(DOMAIN)
        .contains("rate limit")
        .contains("Query rate limit exceeded");

    // The registry answers again; the operator gives the job one more try.
    WHOIS.answer(DOMAIN, jprsRecord(DOMAIN, "Sample K.K.", "hostmaster@sample.co.jp"));
    ResponseEntity<String> retried =
        as("operator", "operator")
            .exchange(
                "/engine-rest/job/" + lookup.getId() + "/retries",
                HttpMethod.PUT,
                new HttpEntity<>(Map.of("retries", 1)),
                String.class);
    assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    // Without a dueDate in the body the job keeps the due date of its last retry cycle; the job
    // executor takes it then. The test lets that time pass by moving the due date, not the clock.
    Job again = lookupJob(processInstance);
    assertThat(again.getRetries()).isEqualTo(1);
    management.setJobDuedate(again.getId(), new Date());
    runJobs();

    assertThat(
            as("operator", "operator")
                .getForObject("/engine-rest/incident?processInstanceId=" + processInstance, List.class))
        .isEmpty();
    assertThat(lookupJob(processInstance)).isNull();
    assertThat(runtime.getVariable(processInstance, "domainOutcome")).isEqualTo("MATCH");
    assertThat(runtime.getVariable(processInstance, "registrationEvidenceId")).isNotNull();
    // Domain settled: the application has moved on to domain control (BR 3.2.2.4.7).
    assertThat(customer().getForObject("/api/applications/" + id, Map.class).get("stage"))
        .isEqualTo(List.of("Wait before checking again"));
  }

  /**
   * Runs the process's jobs as the job executor would, failures included; after each failure of
   * the lookup the retry waits 10 minutes (the model's cycle), which the test checks and then
   * shortens by moving the job's due date to now instead of moving the engine's clock.
   *
   * @return the failure messages, in order
   */
  private List<String> runJobsUntilRetriesAreUsedUp(String processInstance) {
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      List<Job> due =
          management.createJobQuery().processInstanceId(processInstance).executable().list();
      if (due.isEmpty()) {
        Job lookup = lookupJob(processInstance);
        if (lookup == null || lookup.getRetries() == 0) {
          return failures;
        }
        Date now = new Date();
        assertThat(lookup.getDuedate())
            .as("the next try waits for the retry cycle")
            .isAfter(new Date(now.getTime() + Duration.ofMinutes(9).toMillis()));
        management.setJobDuedate(lookup.getId(), now);
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
    return management
        .createJobQuery()
        .processInstanceId(processInstance)
        .activityId(LOOKUP)
        .singleResult();
  }
}
