package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.documents.DocumentFixtures;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The guide's remaining paths, end to end over HTTP: the technical contact phoned instead of the
 * absent responsible person ([4]), documents received by fax and attached by an officer ([3-1]
 * 送付先), and several applications for one common name ([1-2] FAQ).
 */
@ExtendWith(OutputCaptureExtension.class)
class GuidePathsIT extends BackOfficeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  // --- guide [4]: the technical contact instead of the absent responsible person ------------

  @Test
  void theTechnicalContactEmployedByTheApplicantConfirmsInsteadOfTheAbsentResponsiblePerson(
      CapturedOutput output) throws Exception {
    long id = submit("sample-standin.jp", "Sample K.K.");
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    String call = taskId(id, "verify-by-phone");
    tasks.claim(call, "officer");

    // Without how the employment was confirmed, the officer is told, as Tasklist shows it.
    Map<String, Object> withoutBasis = standIn(null, null);
    int before = output.length();
    ResponseEntity<String> refused =
        as("officer", "officer").postForEntity("/engine-rest/task/" + call + "/complete", withoutBasis, String.class);
    assertRefusal(refused, "phoning the technical contact instead of the responsible person needs how their employment");
    assertThat(output.toString().substring(before))
        .contains("Refused CompleteTask to officer: phoning the technical contact")
        .doesNotContain(" ERROR ");
    assertThat(taskId(id, "verify-by-phone")).isEqualTo(call);

    ResponseEntity<String> confirmed =
        as("officer", "officer")
            .postForEntity(
                "/engine-rest/task/" + call + "/complete",
                standIn("TRANSFERRED_BY_MAIN_NUMBER", "reception (Ms. Sato) transferred to the IT department"),
                String.class);
    assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    runJobs();
    // A confirmation like the responsible person's: on to the second officer, no certificate asked.
    assertThat(taskId(id, "approve-issuance")).isNotNull();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("review-employment-certificate").count()).isZero();

    List<Map<String, Object>> timeline = timeline(id);
    assertThat(timeline)
        .anySatisfy(
            e -> {
              assertThat(e.get("kind")).isEqualTo("PHONE_VERIFICATION_STAND_IN");
              assertThat(e.get("actor")).isEqualTo("officer");
              assertThat((String) e.get("summary"))
                  .contains("Technical contact phoned instead of the absent responsible person (Hanako Web)")
                  .contains("03-5555-0100")
                  .contains("the main number's switchboard transferred the call to them as staff")
                  .contains("Ms. Sato");
            });
  }

  @Test
  void anAgencysTechnicalContactIsRefusedAsAStandIn() throws Exception {
    long id = submit("sample-agency.jp", "Web Agency Co., Ltd.");
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    String call = taskId(id, "verify-by-phone");
    tasks.claim(call, "officer");

    ResponseEntity<String> refused =
        as("officer", "officer")
            .postForEntity(
                "/engine-rest/task/" + call + "/complete",
                standIn("CONFIRMED_BY_MAIN_NUMBER", "reception said so"),
                String.class);
    assertRefusal(refused, "the technical contact works for \"Web Agency Co., Ltd.\", not for the applicant \"Sample K.K.\"");
    assertThat(refused.getBody()).contains("agency");
    assertThat(taskId(id, "verify-by-phone")).isEqualTo(call);
    // The responsible person can still be phoned.
    confirmByPhone(id, "officer");
    assertThat(taskId(id, "approve-issuance")).isNotNull();
  }

  private static Map<String, Object> standIn(String basis, String how) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("phoneOutcome", Map.of("value", "CONFIRMED"));
    variables.put("phonedPerson", Map.of("value", "TECHNICAL_CONTACT"));
    if (basis != null) {
      variables.put("employmentBasis", Map.of("value", basis));
    }
    if (how != null) {
      variables.put("employmentBasisNote", Map.of("value", how));
    }
    variables.put("spokeWith", Map.of("value", "Hanako Web"));
    variables.put("productAndTypeConfirmed", Map.of("value", true));
    variables.put("organizationAndCommonNameConfirmed", Map.of("value", true));
    variables.put("technicalContactConfirmed", Map.of("value", true));
    variables.put("intentConfirmed", Map.of("value", true));
    return Map.of("variables", variables);
  }

  // --- guide [3-1] 送付先: documents by fax, attached by an officer --------------------------

  @Test
  void theReviewPassesOnADocumentReceivedByFax(CapturedOutput output) throws Exception {
    long id = submit("sample-fax.jp", "Sample K.K.");
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NEEDED", "documentsNote", "登記事項証明書"));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).taskDefinitionKey("review-documents").count()).isZero();
    String path = "/api/applications/" + id + "/documents";

    // The technical contact uploads through the link, never here.
    ResponseEntity<String> byCustomer = customer().postForEntity(path, attachment(DocumentFixtures.pdf(1), "FAX"), String.class);
    assertThat(byCustomer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // A file that is not a readable PDF, or no arrival channel: 400 with the reason.
    int before = output.length();
    ResponseEntity<String> broken =
        as("officer", "officer").postForEntity(path, attachment("%PDF-1.7 torn fax".getBytes(StandardCharsets.US_ASCII), "FAX"), String.class);
    assertProblem(broken, HttpStatus.BAD_REQUEST, "PDF_UNREADABLE");
    ResponseEntity<String> noChannel =
        as("officer", "officer").postForEntity(path, attachment(DocumentFixtures.pdf(1), null), String.class);
    assertProblem(noChannel, HttpStatus.BAD_REQUEST, "ARRIVAL_MISSING");
    assertThat(output.toString().substring(before)).contains("Refused document for officer").doesNotContain(" ERROR ");

    ResponseEntity<String> attached =
        as("officer", "officer").postForEntity(path, attachment(DocumentFixtures.pdf(1), "FAX"), String.class);
    assertThat(attached.getStatusCode()).as(attached.getBody()).isEqualTo(HttpStatus.CREATED);
    Map<?, ?> receipt = JSON.readValue(attached.getBody(), Map.class);
    assertThat(receipt.get("arrivedBy")).isEqualTo("FAX");
    assertThat(receipt.get("attachedBy")).isEqualTo("officer");
    assertThat(receipt.get("processNotified")).isEqualTo(true);
    runJobs();

    // The reviewing officer sees it with the technical contact's uploads, and how it came.
    List<Map<String, Object>> requests =
        as("officer2", "officer2").exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> documents = (List<Map<String, Object>>) requests.get(0).get("documents");
    assertThat(documents).singleElement().satisfies(d -> {
      assertThat(d.get("arrivedBy")).isEqualTo("FAX");
      assertThat(d.get("attachedBy")).isEqualTo("officer");
    });
    completeTask(id, "review-documents", "officer2", Map.of("documentsReview", "ACCEPTED", "documentsReviewNote", "faxed registry certificate matches"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).activityIdIn("wait-for-payment").count()).isEqualTo(1);

    List<Map<String, Object>> timeline = timeline(id);
    assertThat(timeline)
        .anySatisfy(e -> {
          assertThat(e.get("kind")).isEqualTo("DOCUMENT_ATTACHED");
          assertThat(e.get("actor")).isEqualTo("officer");
          assertThat((String) e.get("summary")).startsWith("Received by FAX and attached 'fax-0412.pdf'");
        })
        .noneMatch(e -> "DOCUMENT_UPLOADED".equals(e.get("kind")))
        .anyMatch(e -> "DOCUMENTS_REVIEWED".equals(e.get("kind")) && "officer2".equals(e.get("actor")));
  }

  private static HttpEntity<MultiValueMap<String, Object>> attachment(byte[] pdf, String arrivedBy) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add(
        "file",
        new ByteArrayResource(pdf) {
          @Override
          public String getFilename() {
            return "fax-0412.pdf";
          }
        });
    if (arrivedBy != null) {
      body.add("arrivedBy", arrivedBy);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(body, headers);
  }

  // --- guide [1-2] FAQ: several certificates for one common name ----------------------------

  @Test
  void twoApplicationsForOneCommonNameBothProceedAndEachListsTheOther() throws Exception {
    long first = submit("sample-twin.jp", "Sample K.K.");
    long second = submit("sample-twin.jp", "Sample K.K.");

    // Both go on: each has its own documents decision waiting.
    assertThat(taskId(first, "decide-documents")).isNotEqualTo(taskId(second, "decide-documents"));

    Map<?, ?> firstView = as("officer", "officer").getForObject("/api/applications/" + first, Map.class);
    Map<?, ?> secondView = as("officer", "officer").getForObject("/api/applications/" + second, Map.class);
    assertThat((List<?>) firstView.get("sameCommonName"))
        .singleElement()
        .satisfies(o -> {
          Map<?, ?> other = (Map<?, ?>) o;
          assertThat(((Number) other.get("id")).longValue()).isEqualTo(second);
          assertThat(other.get("status")).isEqualTo("IN_PROGRESS");
          assertThat(other.get("organizationNameEn")).isEqualTo("Sample K.K.");
          assertThat(other.get("submittedAt")).isNotNull();
        });
    assertThat((List<?>) secondView.get("sameCommonName"))
        .singleElement()
        .satisfies(o -> assertThat(((Number) ((Map<?, ?>) o).get("id")).longValue()).isEqualTo(first));
    // Customers are not shown other applications, which may be another customer's.
    Map<?, ?> customerView = customer().getForObject("/api/applications/" + first, Map.class);
    assertThat(customerView.containsKey("sameCommonName")).isFalse();

    // The officers' forms: the second's task was created after the first existed, and the first's
    // next task after the second did.
    assertThat(String.valueOf(tasks.getVariable(taskId(second, "decide-documents"), "sameCommonName")))
        .startsWith("#" + first + " IN_PROGRESS, Sample K.K., submitted ");
    completeTask(first, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(first);
    assertThat(String.valueOf(tasks.getVariable(taskId(first, "verify-by-phone"), "sameCommonName")))
        .startsWith("#" + second + " IN_PROGRESS, Sample K.K., submitted ");
    Map<?, ?> form = as("officer", "officer").getForObject("/engine-rest/task/" + taskId(first, "verify-by-phone") + "/form-variables", Map.class);
    assertThat(String.valueOf(((Map<?, ?>) form.get("sameCommonName")).get("value"))).contains("#" + second);
  }

  // --- helpers ------------------------------------------------------------------------------

  private long submit(String domain, String technicalCompany) throws Exception {
    WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    Map<String, Object> form =
        new HashMap<>(
            CertificateApplicationIT.form(
                "SECURE_SERVER_ID",
                "NEW",
                "BANK_TRANSFER",
                CsrFactory.pem(
                    CsrFactory.p256(),
                    "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
                    List.of("www." + domain)),
                null));
    form.put("technicalContact", Map.of("company", technicalCompany, "name", "Hanako Web", "email", CUSTOMER));
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> created = customer().postForEntity("/api/applications", form, Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    runJobs();
    // The second application for a name reuses the first's validation (BR 4.2.1): no challenge.
    if (!dnsChallenges.challenges(id).isEmpty()) {
      proveDomainControl(id);
    }
    return id;
  }

  private String taskId(long applicationId, String taskKey) {
    Task task =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(applicationId)).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey + " of application " + applicationId).isNotNull();
    return task.getId();
  }

  private List<Map<String, Object>> timeline(long id) {
    TestRestTemplate auditor = as("auditor", "auditor");
    ResponseEntity<List<Map<String, Object>>> response =
        auditor.exchange("/api/applications/" + id + "/timeline", HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static void assertRefusal(ResponseEntity<String> answer, String reason) throws Exception {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    Map<?, ?> problem = JSON.readValue(answer.getBody(), Map.class);
    assertThat((String) problem.get("detail")).startsWith(reason);
    assertThat(answer.getBody()).doesNotContain("ENGINE-");
  }

  private static void assertProblem(ResponseEntity<String> answer, HttpStatus status, String reason) throws Exception {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(status);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(JSON.readValue(answer.getBody(), Map.class).get("reason")).isEqualTo(reason);
  }
}
