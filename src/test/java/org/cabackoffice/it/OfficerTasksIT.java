package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Officers' tasks as Tasklist and the engine API show them: told apart by application, taken
 * only by someone who may decide them, and a rule's refusal answered in the rule's words.
 */
@ExtendWith(OutputCaptureExtension.class)
class OfficerTasksIT extends BackOfficeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired BusinessCalendar calendar;

  @Test
  void tasklistEntriesNameTheApplicationAndExpressComesFirst() throws Exception {
    long express = submit("sample-express.jp", true);
    long standard = submit("sample-standard.jp", false);

    Map<String, Object> expressTask = onlyTask("officer", express);
    assertThat(expressTask.get("name"))
        .isEqualTo("Decide whether documents are needed — #" + express + " www.sample-express.jp (Sample K.K.)");
    assertThat(expressTask.get("priority")).isEqualTo(80);
    Map<String, Object> standardTask = onlyTask("officer", standard);
    assertThat(standardTask.get("name"))
        .isEqualTo("Decide whether documents are needed — #" + standard + " www.sample-standard.jp (Sample K.K.)");
    assertThat(standardTask.get("priority")).isEqualTo(50);

    // Due at the close (17:00 Tokyo) of a business day: express the day it was submitted (or the
    // next business day), standard three business days later.
    ZonedDateTime expressDue = due(expressTask);
    ZonedDateTime standardDue = due(standardTask);
    assertThat(expressDue.toLocalTime()).isEqualTo(LocalTime.of(17, 0));
    assertThat(calendar.isBusinessDay(expressDue.toLocalDate())).isTrue();
    assertThat(standardDue.toLocalDate()).isEqualTo(calendar.plusBusinessDays(expressDue.toLocalDate(), 3));
    assertThat(standardDue.toLocalTime()).isEqualTo(LocalTime.of(17, 0));

    // Tasklist's sorting by priority puts the express application first.
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> sorted =
        as("officer", "officer")
            .getForObject(
                "/engine-rest/task?sortBy=priority&sortOrder=desc&processInstanceBusinessKeyIn=" + standard + "," + express,
                List.class);
    assertThat(sorted.get(0).get("id")).isEqualTo(expressTask.get("id"));
  }

  @Test
  void onlySomeoneWhoMayDecideTheApprovalTakesIt() throws Exception {
    long id = submit("sample-approval.jp", false);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    confirmByPhone(id, "officer");
    String approval = taskId(id, "approve-issuance");

    // An officer who may not complete the approval cannot claim it either, nor be assigned it,
    // and a senior officer is not kept out by them.
    ResponseEntity<String> claimed =
        as("officer", "officer").postForEntity("/engine-rest/task/" + approval + "/claim", Map.of("userId", "officer"), String.class);
    assertRefusal(claimed, "officer may not take \"Approve issuance — #" + id);
    assertThat(claimed.getBody()).contains("seniorOfficers");
    ResponseEntity<String> assigned =
        as("senior", "senior").postForEntity("/engine-rest/task/" + approval + "/assignee", Map.of("userId", "officer"), String.class);
    assertRefusal(assigned, "officer may not take");
    assertThat(tasks.createTaskQuery().taskId(approval).singleResult().getAssignee()).isNull();

    // The same through Tasklist's own engine API.
    Webapp tasklist = Webapp.login(http.getRootUri(), "officer");
    HttpResponse<String> viaTasklist =
        tasklist.post("/camunda/api/engine/engine/default/task/" + approval + "/claim", Map.of("userId", "officer"));
    assertThat(viaTasklist.statusCode()).as(viaTasklist.body()).isEqualTo(400);
    assertThat(viaTasklist.body()).contains("officer may not take").doesNotContain("ENGINE-");

    ResponseEntity<String> senior =
        as("senior", "senior").postForEntity("/engine-rest/task/" + approval + "/claim", Map.of("userId", "senior"), String.class);
    assertThat(senior.getStatusCode()).as(senior.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    as("senior", "senior").postForEntity("/engine-rest/task/" + approval + "/unclaim", null, String.class);
  }

  @Test
  void aSeniorOfficerWhoValidatedCannotTakeTheApproval() throws Exception {
    long id = submit("sample-validated.jp", false);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    // Senior officers take the validation officers' tasks too; then they are a validator.
    confirmByPhone(id, "senior");
    String approval = taskId(id, "approve-issuance");

    ResponseEntity<String> claimed =
        as("senior", "senior").postForEntity("/engine-rest/task/" + approval + "/claim", Map.of("userId", "senior"), String.class);
    assertRefusal(claimed, "senior validated this application and may not also approve its issuance (EV Guidelines 5.2.4)");
    assertThat(tasks.createTaskQuery().taskId(approval).singleResult().getAssignee()).isNull();
  }

  @Test
  void aRefusedDecisionIsTheOfficersToFixNotAServerError(CapturedOutput output) throws Exception {
    long id = submit("sample-checklist.jp", false);
    completeTask(id, "decide-documents", "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
    payInvoice(id);
    String call = taskId(id, "verify-by-phone");
    tasks.claim(call, "officer");
    Map<String, Object> incomplete =
        Map.of(
            "variables",
            Map.of(
                "phoneOutcome", Map.of("value", "CONFIRMED"),
                "spokeWith", Map.of("value", "Ichiro Yamada"),
                "productAndTypeConfirmed", Map.of("value", true),
                "organizationAndCommonNameConfirmed", Map.of("value", true),
                "technicalContactConfirmed", Map.of("value", true),
                "intentConfirmed", Map.of("value", false)));
    String rule = "a confirmed call needs every checklist item; missing: intent to apply";

    int before = output.length();
    for (String action : List.of("submit-form", "complete")) {
      ResponseEntity<String> refused =
          as("officer", "officer").postForEntity("/engine-rest/task/" + call + "/" + action, incomplete, String.class);
      assertRefusal(refused, rule);
    }
    Webapp tasklist = Webapp.login(http.getRootUri(), "officer");
    for (String action : List.of("submit-form", "complete")) {
      HttpResponse<String> refused =
          tasklist.post("/camunda/api/engine/engine/default/task/" + call + "/" + action, incomplete);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      Map<?, ?> problem = JSON.readValue(refused.body(), Map.class);
      assertThat(problem.get("detail")).isEqualTo(rule);
      assertThat(problem.get("message")).isEqualTo(rule);
    }
    assertThat(taskId(id, "verify-by-phone")).isEqualTo(call);

    // Logged once per refusal at INFO, without a stack; no ERROR and no engine wording.
    String logged = output.toString().substring(before);
    assertThat(logged).contains("Refused SubmitTaskForm to officer: " + rule).contains("Refused CompleteTask to officer: " + rule);
    assertThat(logged).doesNotContain("ENGINE-16004").doesNotContain("ENGINE-03051").doesNotContain(" ERROR ");
    assertThat(logged).doesNotContain("at org.camunda.bpm.engine");

    // A complete call goes through.
    confirmByPhone(id, "officer");
    assertThat(tasks.createTaskQuery().taskId(call).singleResult()).isNull();
  }

  private void assertRefusal(ResponseEntity<String> answer, String reason) throws Exception {
    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    Map<?, ?> problem = JSON.readValue(answer.getBody(), Map.class);
    assertThat(problem.get("status")).isEqualTo(400);
    assertThat((String) problem.get("detail")).startsWith(reason);
    assertThat(answer.getBody()).doesNotContain("ENGINE-");
  }

  private long submit(String domain, boolean express) throws Exception {
    WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    Map<String, Object> form =
        new java.util.HashMap<>(
            CertificateApplicationIT.form(
                "SECURE_SERVER_ID",
                "NEW",
                "BANK_TRANSFER",
                CsrFactory.pem(
                    CsrFactory.p256(),
                    "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
                    List.of("www." + domain)),
                null));
    form.put("express", express);
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> created = customer().postForEntity("/api/applications", form, Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    runJobs();
    proveDomainControl(id);
    confirmOrganization(id);
    return id;
  }

  private String taskId(long applicationId, String taskKey) {
    Task task =
        tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(applicationId)).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("open task " + taskKey).isNotNull();
    return task.getId();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> onlyTask(String user, long applicationId) {
    List<Map<String, Object>> open =
        as(user, user).getForObject("/engine-rest/task?processInstanceBusinessKey=" + applicationId, List.class);
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  private static ZonedDateTime due(Map<String, Object> task) {
    return java.time.OffsetDateTime.parse(
            (String) task.get("due"), java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .atZoneSameInstant(BusinessCalendar.ZONE);
  }

  /** A session in the Camunda web apps, logged in as Tasklist's login page does. */
  record Webapp(HttpClient client, CookieManager cookies, String root) {

    static Webapp login(String root, String user) throws Exception {
      CookieManager cookies = new CookieManager();
      HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
      Webapp webapp = new Webapp(client, cookies, root);
      client.send(HttpRequest.newBuilder(URI.create(root + "/camunda/app/tasklist/")).GET().build(), HttpResponse.BodyHandlers.discarding());
      String form =
          "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
      HttpResponse<String> login =
          client.send(
              HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default/login/tasklist"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("X-XSRF-TOKEN", webapp.token())
                  .header("Origin", root)
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // The login starts a new session with a token of its own; Tasklist's next page load fetches it.
      client.send(
          HttpRequest.newBuilder(URI.create(root + "/camunda/api/engine/engine/default/task/count")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      return webapp;
    }

    String token() {
      return cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .reduce((first, last) -> last)
          .orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie from the web app"));
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
      return client.send(
          HttpRequest.newBuilder(URI.create(root + path))
              .header("Content-Type", "application/json")
              .header("X-XSRF-TOKEN", token())
              .header("Origin", root)
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
