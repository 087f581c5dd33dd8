package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.cabackoffice.issuance.IssuedCertificateRepository;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An auditor replays one application from submission to the mailed certificate: the engine's
 * history and the stored evidence in one timeline, as JSON and as CSV (BR 5.4.1).
 */
class ApplicationTimelineIT extends BackOfficeIT {

  static final String DOMAIN = "sample-audit.jp";
  static final String NAME = "www." + DOMAIN;

  @Autowired IssuedCertificateRepository certificates;

  @BeforeAll
  static void registry() {
    WHOIS.answer(DOMAIN, jprsRecord(DOMAIN, "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @Test
  void anAuditorReadsTheIssuedApplicationsStepsInTimeOrder() throws Exception {
    long id = submitAndIssue();
    String serial = certificates.findFirstByApplicationId(id).orElseThrow().serial();
    String challengeValue = dnsChallenges.challenges(id).get(0).value();
    mailsTo(CUSTOMER); // the outbox sends what it holds, so the mails count as sent

    ResponseEntity<List<Map<String, Object>>> response =
        as("auditor", "auditor")
            .exchange(
                "/api/applications/" + id + "/timeline",
                HttpMethod.GET,
                null,
                new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Map<String, Object>> timeline = response.getBody();

    int lookup = indexOf(timeline, kind("REGISTRANT_LOOKUP").and(says(DOMAIN)).and(says("MATCH")));
    int dnsCheck = indexOf(timeline, kind("DNS_CHECK").and(says("VALIDATED")));
    // Issue 16: the organization's verification, its source and the BR section, then the subject.
    int organization =
        indexOf(timeline, kind("ORGANIZATION_VERIFIED").and(says("Teikoku Databank")).and(says("BR 3.2.2.1")));
    int subject = indexOf(timeline, kind("SUBJECT_COMPARED").and(says("agrees")));
    int phone = indexOf(timeline, kind("PHONE_VERIFICATION").and(by("officer")).and(says("CONFIRMED")));
    int approval = indexOf(timeline, kind("ISSUANCE_DECISION").and(by("senior")).and(says("approved")));
    int certificate = indexOf(timeline, kind("CERTIFICATE_ISSUED").and(says(serial)));
    int issuanceMail =
        indexOf(
            timeline,
            kind("MAIL_SENT")
                .and(says("サーバ ID 発行のお知らせ (グローバル・サーバ ID)"))
                .and(says("@sample.co.jp")));
    assertThat(List.of(lookup, dnsCheck, phone, approval, certificate, issuanceMail)).isSorted();

    // Issue 8: who submitted, how domain control was established, the documents decision and
    // its reason, the refused attempt, and operations in words, not the engine's log format.
    indexOf(timeline, kind("APPLICATION_SUBMITTED").and(e -> String.valueOf(e.get("actor")).matches("customer:\\d+ \\(@sample\\.co\\.jp\\)")));
    int control = indexOf(timeline, kind("DOMAIN_CONTROL_DECIDED").and(says("dns change challenge")).and(says("3.2.2.4.7")));
    int documents = indexOf(timeline, kind("DOCUMENTS_DECIDED").and(by("officer")).and(says("Documents not needed: registrant is the applicant")));
    int refused = indexOf(timeline, kind("REFUSED_ATTEMPT").and(by("officer")));
    assertThat(List.of(lookup, control, dnsCheck, documents, phone, refused, approval)).isSorted();
    assertThat(List.of(dnsCheck, organization, subject, documents)).isSorted();
    assertThat(timeline.stream().filter(kind("ENGINE_OPERATION")).map(e -> (String) e.get("summary")))
        .isNotEmpty()
        .noneMatch(summary -> summary.contains("->") || summary.contains("delete"))
        .anyMatch(summary -> summary.startsWith("completed «Approve issuance — #" + id));
    // Every mail the stages sent about this application, and no other application's.
    assertThat(timeline.stream().filter(kind("MAIL_QUEUED")).map(e -> (String) e.get("summary")))
        .hasSize(3)
        .anyMatch(m -> m.contains("の DNS 確認のお願い (申請番号 " + id + ")"))
        // Guide [2-1] 4.: the confirmation names the invoice issued on applying; the payment
        // stage mails no second one.
        .anyMatch(m -> m.contains("サーバ ID お申込み受付のお知らせ (申請番号 " + id + ")"))
        .anyMatch(m -> m.contains("サーバ ID 発行のお知らせ"));

    // The engine's side: the user tasks name who completed them, the process its end.
    indexOf(timeline, kind("ACTIVITY_COMPLETED").and(by("senior")).and(says("Approve issuance")));
    indexOf(timeline, kind("ACTIVITY_COMPLETED").and(by("officer")).and(says("Verify responsible person by phone")));
    indexOf(timeline, kind("PROCESS_ENDED").and(says("completed")));
    // As instants: ISO-8601 text drops a zero fraction, so "…:55Z" sorts after "…:55.001Z" as a string.
    assertThat(timeline).extracting(e -> Instant.parse((String) e.get("at"))).isSorted();
    assertThat(timeline).allSatisfy(e -> assertThat(e).containsKeys("at", "kind", "actor", "summary", "reference"));

    // Never a mail body, a certificate's PEM or a challenge's random value.
    String json = as("auditor", "auditor").getForObject("/api/applications/" + id + "/timeline", String.class);
    assertThat(json).doesNotContain(challengeValue).doesNotContain("BEGIN CERTIFICATE").doesNotContain(CUSTOMER);

    ResponseEntity<String> csv = as("officer", "officer").getForEntity("/api/applications/" + id + "/timeline.csv", String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
    assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("application-" + id + "-timeline.csv");
    String[] rows = csv.getBody().split("\r\n");
    assertThat(rows[0]).isEqualTo("at,kind,actor,summary,reference");
    assertThat(rows).hasSize(timeline.size() + 1);
    // The summary holds a comma, so RFC 4180 quotes it.
    assertThat(csv.getBody()).contains("CERTIFICATE_ISSUED,system,\"Certificate serial " + serial + " issued for " + NAME + ", valid ");
  }

  @Test
  void customersGetNoTimelineAndAnUnknownApplicationIsNotFound() throws Exception {
    long id = submit();

    assertThat(customer().getForEntity("/api/applications/" + id + "/timeline", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(customer().getForEntity("/api/applications/" + id + "/timeline.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<String> unknown = as("auditor", "auditor").getForEntity("/api/applications/999999/timeline", String.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(unknown.getBody()).contains("no application 999999");
    assertThat(as("auditor", "auditor").getForEntity("/api/applications/999999/timeline.csv", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(as("auditor", "auditor").getForEntity("/api/applications/abc/timeline", String.class).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(as("senior", "senior").getForEntity("/api/applications/" + id + "/timeline", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  // --- the application, as CertificateApplicationIT drives it -------------------------------

  private long submitAndIssue() {
    long id = submit();
    runJobs();
    proveDomainControl(id);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "registrant is the applicant"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    // The officer who validated tries to approve too: refused (EV Guidelines 5.2.4), and kept.
    String approval = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("approve-issuance").singleResult().getId();
    as("officer", "officer").postForEntity("/engine-rest/task/" + approval + "/claim", Map.of("userId", "officer"), String.class);
    ResponseEntity<String> refusedApproval =
        as("officer", "officer")
            .postForEntity(
                "/engine-rest/task/" + approval + "/complete",
                Map.of("variables", Map.of("issuanceDecision", Map.of("value", "APPROVE"), "approvalNote", Map.of("value", "mine"))),
                String.class);
    assertThat(refusedApproval.getStatusCode().is4xxClientError()).as(refusedApproval.getBody()).isTrue();
    as("officer", "officer").postForEntity("/engine-rest/task/" + approval + "/unclaim", null, String.class);
    completeTask(id, "approve-issuance", "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "all checks recorded"));
    @SuppressWarnings("unchecked")
    Map<String, Object> view = customer().getForObject("/api/applications/" + id, Map.class);
    assertThat(view.get("status")).isEqualTo("ISSUED");
    return id;
  }

  private long submit() {
    String csr;
    try {
      csr = CsrFactory.pem(CsrFactory.p256(), "CN=" + NAME + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(NAME));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications", CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private static Predicate<Map<String, Object>> kind(String kind) {
    return e -> kind.equals(e.get("kind"));
  }

  private static Predicate<Map<String, Object>> by(String actor) {
    return e -> actor.equals(e.get("actor"));
  }

  private static Predicate<Map<String, Object>> says(String text) {
    return e -> String.valueOf(e.get("summary")).contains(text);
  }

  private static int indexOf(List<Map<String, Object>> timeline, Predicate<Map<String, Object>> wanted) {
    for (int i = 0; i < timeline.size(); i++) {
      if (wanted.test(timeline.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no such entry in the timeline:\n" + String.join("\n", timeline.stream().map(Object::toString).toList()));
  }
}
