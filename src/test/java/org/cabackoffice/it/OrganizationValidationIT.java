package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.mail.CaughtMail;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.verification.OrganizationDirectory;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 16 over HTTP: the applicant's subject against the organization directory before any
 * invoice, the officer's confirmation by corporate number, and an unlisted organization recorded
 * from its registry certificate so that its next application finds and reuses it; each shown on
 * the application's timeline with its source.
 */
class OrganizationValidationIT extends BackOfficeIT {

  @Autowired OrganizationDirectory directory;

  @BeforeAll
  static void registry() {
    WHOIS.answer("hokuto-denki.jp", jprsRecord("hokuto-denki.jp", "Hokuto Denki K.K.", "hostmaster@hokuto-denki.jp"));
    WHOIS.answer("mirai-sekkei.jp", jprsRecord("mirai-sekkei.jp", "Mirai Sekkei K.K.", "hostmaster@mirai-sekkei.jp"));
  }

  /** A listing of its own, so no other test's verification is reused here. */
  private OrganizationDirectoryEntry hokuto() {
    return directory
        .byCorporateNumber("3011101000001")
        .orElseGet(
            () ->
                directory.add(
                    new OrganizationDirectoryEntry(
                        "Hokuto Denki K.K.", "北斗電機株式会社", "3011101000001", "011-555-0100", "Chuo-ku",
                        "Hokkaido", "JP", "Teikoku Databank COSMOSNET (test)", LocalDate.of(2026, 10, 1))));
  }

  @Test
  void aSubjectWhoseLocalityDiffersFromTheRecordIsToldSoBeforePaying() throws Exception {
    hokuto();
    String csr = CsrFactory.pem(CsrFactory.p256(), "CN=www.hokuto-denki.jp, O=Hokuto Denki K.K., L=Kita-ku, ST=Hokkaido, C=JP", List.of("www.hokuto-denki.jp"));

    ResponseEntity<Map<String, Object>> refused =
        customer()
            .exchange(
                "/api/applications", HttpMethod.POST, new HttpEntity<>(form(csr, "3011101000001")),
                new ParameterizedTypeReference<>() {});

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> findings = (List<Map<String, Object>>) refused.getBody().get("findings");
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f).containsEntry("code", "subject.locality-not-registered");
              assertThat((String) f.get("message")).contains("Kita-ku").contains("Chuo-ku");
              assertThat((String) f.get("messageJa")).contains("市区町村名").contains("Chuo-ku");
            });
    // Nothing was accepted, so nothing is invoiced.
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("commonName", "www.hokuto-denki.jp").count()).isZero();
  }

  @Test
  void anOfficerConfirmsTheRecordFoundByCorporateNumberAndTheTimelineShowsItsSource() throws Exception {
    OrganizationDirectoryEntry record = hokuto();
    long id = submit("www.hokuto-denki.jp", "O=Hokuto Denki K.K., L=Chuo-ku, ST=Hokkaido, C=JP", "3011101000001", hokutoNames());
    runJobs();
    proveDomainControl(id);

    String candidates = String.valueOf(runtime.getVariable(processInstanceId(id), "organizationCandidates"));
    String applicant = String.valueOf(runtime.getVariable(processInstanceId(id), "organizationApplicant"));
    if (tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("confirm-organization").count() == 1) {
      assertThat(candidates).contains("#" + record.getId() + " [MATCH, by corporate number]").contains("Teikoku Databank");
      assertThat(applicant).contains("3011101000001").contains("L=Chuo-ku");
      // An answer the rules refuse keeps the task open, with the reason.
      ResponseEntity<String> wrong = completeOverRest(id, "officer", Map.of("organizationMatch", "999999", "organizationNote", "-"));
      assertThat(wrong.getStatusCode().is4xxClientError()).as(wrong.getBody()).isTrue();
      assertThat(wrong.getBody()).contains("no record #999999");
      completeTask(id, "confirm-organization", "officer", Map.of("organizationMatch", String.valueOf(record.getId()), "organizationNote", "same corporate number and address"));
    }
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("decide-documents").count()).isOne();

    List<Map<String, Object>> timeline = timeline(id);
    assertThat(timeline)
        .anyMatch(
            e -> "ORGANIZATION_VERIFIED".equals(e.get("kind"))
                && String.valueOf(e.get("summary")).contains("record #" + record.getId())
                && String.valueOf(e.get("summary")).contains("Teikoku Databank COSMOSNET (test)")
                && String.valueOf(e.get("summary")).contains("BR 3.2.2.1"))
        .anyMatch(e -> "SUBJECT_COMPARED".equals(e.get("kind")) && String.valueOf(e.get("summary")).contains("agrees"));
  }

  @Test
  void anUnlistedOrganizationIsRecordedFromItsRegistryCertificateAndItsNextApplicationReusesIt() throws Exception {
    Map<String, Object> names = Map.of("nameEn", "Mirai Sekkei K.K.", "nameJa", "未来設計株式会社", "locality", "Minato-ku", "stateOrProvince", "Tokyo", "country", "JP");
    long first = submit("www.mirai-sekkei.jp", "O=Mirai Sekkei K.K., L=Minato-ku, ST=Tokyo, C=JP", null, names);
    runJobs();
    proveDomainControl(first);
    assertThat(String.valueOf(runtime.getVariable(processInstanceId(first), "organizationLookup"))).isEqualTo("NOT_FOUND");
    completeTask(first, "confirm-organization", "officer", Map.of("organizationMatch", "NOT_LISTED", "organizationNote", "not in TDB or the NTA data"));

    // The technical contact gets the registry certificate request and uploads it.
    CaughtMail request =
        mailsTo(CUSTOMER).stream()
            .filter(m -> m.subject().contains("登記事項証明書ご提出のお願い (申請番号 " + first + ")"))
            .findFirst()
            .orElseThrow();
    ResponseEntity<String> upload = uploadPdf(link(request, "documents"));
    assertThat(upload.getStatusCode().is2xxSuccessful()).as(upload.getBody()).isTrue();
    runJobs();
    Map<String, Object> review = new HashMap<>();
    review.put("registryCertificateReview", "ACCEPTED");
    review.put("registryCertificateNote", "履歴事項全部証明書, issued 2026-11-30");
    review.put("registeredNameJa", "未来設計株式会社");
    review.put("registeredNameEn", "Mirai Sekkei K.K.");
    review.put("registeredCorporateNumber", "2011101000002");
    review.put("registeredStateOrProvince", "Tokyo");
    review.put("registeredLocality", "Minato-ku");
    review.put("registeredBusinessCategory", "PRIVATE_ORGANIZATION");
    completeTask(first, "review-registry-certificate", "officer2", review);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(first)).taskDefinitionKey("decide-documents").count()).isOne();
    OrganizationDirectoryEntry recorded = directory.byCorporateNumber("2011101000002").orElseThrow();
    assertThat(recorded.getSource()).isEqualTo("登記事項証明書 (application " + first + ")");
    assertThat(timeline(first))
        .anyMatch(e -> "ORGANIZATION_RECORDED".equals(e.get("kind")) && by(e, "officer2") && says(e, "登記事項証明書"))
        .anyMatch(e -> "ORGANIZATION_VERIFIED".equals(e.get("kind")) && says(e, "verified from the registry certificate"));

    // The next application of the organization finds the record and reuses the verification.
    long second = submit("shop.mirai-sekkei.jp", "O=Mirai Sekkei K.K., L=Minato-ku, ST=Tokyo, C=JP", "2011101000002", names);
    runJobs();
    if (!dnsChallenges.challenges(second).isEmpty()) {
      proveDomainControl(second); // unless the first application's validation of the domain is reused
    }
    assertThat(String.valueOf(runtime.getVariable(processInstanceId(second), "organizationLookup"))).isEqualTo("REUSED");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(second)).taskDefinitionKey("decide-documents").count()).isOne();
    assertThat(timeline(second))
        .anyMatch(e -> "ORGANIZATION_VERIFIED".equals(e.get("kind")) && says(e, "earlier verification reused") && says(e, "登記事項証明書 (application " + first + ")"));
  }

  @Test
  void aTradeNameCountsInTheSubjectOnceAnOfficerVerifiedTheRightToIt() throws Exception {
    OrganizationDirectoryEntry record = hokuto();
    String csr = CsrFactory.pem(CsrFactory.p256(), "CN=www.hokuto-denki.jp, O=Hokuto Store (Hokuto Denki K.K.), L=Chuo-ku, ST=Hokkaido, C=JP", List.of("www.hokuto-denki.jp"));
    String path = "/api/organization-directory/" + record.getId() + "/trade-names";
    Map<String, Object> verification =
        Map.of("name", "Hokuto Store", "basis", "TRADE_NAME_REGISTRY", "evidence", "商号登記 札幌法務局 2026-11-30 閲覧");

    // Not yet verified: the customer is told before paying, with the names that would do.
    ResponseEntity<String> before = customer().postForEntity("/api/applications", form(csr, "3011101000001"), String.class);
    assertThat(before.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(before.getBody()).contains("subject.organization-not-registered");

    // Only officers verify one, and only with a BR 3.2.2.2 basis and the evidence.
    assertThat(customer().postForEntity(path, verification, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> noBasis =
        as("officer", "officer").postForEntity(path, Map.of("name", "Hokuto Store", "basis", "HEARSAY", "evidence", ""), String.class);
    assertThat(noBasis.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(noBasis.getBody()).contains("basis: one of BR 3.2.2.2's means").contains("evidence:");
    ResponseEntity<String> verified = as("officer", "officer").postForEntity(path, verification, String.class);
    assertThat(verified.getStatusCode()).as(verified.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(verified.getBody()).contains("\"name\":\"Hokuto Store\"", "\"section\":\"BR 3.2.2.2 (3)\"", "\"current\":true", "TRADE_NAME");
    assertThat(as("officer", "officer").postForEntity(path, verification, String.class).getBody()).contains("already a verified trade name");

    // The wrong order is named as such; the right one is taken.
    String reversed = CsrFactory.pem(CsrFactory.p256(), "CN=www.hokuto-denki.jp, O=Hokuto Denki K.K. (Hokuto Store), L=Chuo-ku, ST=Hokkaido, C=JP", List.of("www.hokuto-denki.jp"));
    assertThat(customer().postForEntity("/api/applications", form(reversed, "3011101000001"), String.class).getBody())
        .contains("subject.organization-dba-order", "O=Hokuto Store (Hokuto Denki K.K.)");
    ResponseEntity<String> after = customer().postForEntity("/api/applications", form(csr, "3011101000001"), String.class);
    assertThat(after.getStatusCode()).as(after.getBody()).isEqualTo(HttpStatus.CREATED);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Map<String, Object> hokutoNames() {
    return Map.of("nameEn", "Hokuto Denki K.K.", "nameJa", "北斗電機株式会社", "locality", "Chuo-ku", "stateOrProvince", "Hokkaido", "country", "JP");
  }

  private static Map<String, Object> form(String csr, String corporateNumber) {
    return form(csr, corporateNumber, hokutoNames());
  }

  private static Map<String, Object> form(String csr, String corporateNumber, Map<String, Object> names) {
    Map<String, Object> form = CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null);
    Map<String, Object> organization = new HashMap<>(names);
    if (corporateNumber != null) {
      organization.put("corporateNumber", corporateNumber);
    }
    form.put("organization", organization);
    return form;
  }

  private long submit(String commonName, String subject, String corporateNumber, Map<String, Object> names) throws Exception {
    String csr = CsrFactory.pem(CsrFactory.p256(), "CN=" + commonName + ", " + subject, List.of(commonName));
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> created = customer().postForEntity("/api/applications", form(csr, corporateNumber, names), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private ResponseEntity<String> completeOverRest(long id, String officer, Map<String, String> values) {
    String task =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("confirm-organization").singleResult().getId();
    as(officer, officer).postForEntity("/engine-rest/task/" + task + "/claim", Map.of("userId", officer), String.class);
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    ResponseEntity<String> answer =
        as(officer, officer).postForEntity("/engine-rest/task/" + task + "/complete", Map.of("variables", variables), String.class);
    as(officer, officer).postForEntity("/engine-rest/task/" + task + "/unclaim", null, String.class);
    return answer;
  }

  private List<Map<String, Object>> timeline(long id) {
    ResponseEntity<List<Map<String, Object>>> response =
        as("auditor", "auditor")
            .exchange("/api/applications/" + id + "/timeline", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static boolean by(Map<String, Object> entry, String actor) {
    return actor.equals(entry.get("actor"));
  }

  private static boolean says(Map<String, Object> entry, String text) {
    return String.valueOf(entry.get("summary")).contains(text);
  }

  private ResponseEntity<String> uploadPdf(String path) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add(
        "file",
        new ByteArrayResource(org.cabackoffice.documents.DocumentFixtures.pdf(1)) {
          @Override
          public String getFilename() {
            return "touki.pdf";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON));
    return http.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
