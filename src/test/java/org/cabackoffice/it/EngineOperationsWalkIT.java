package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Walks every operation the engine REST API describes (its own OpenAPI document, so an endpoint
 * a new Camunda version adds is walked too) as every role: no operation answers 5xx, a customer
 * or a stranger reaches none, and whatever staff send, an application waiting for an officer's
 * decision is still waiting there afterwards. The attack this holds back: an officer's
 * {@code POST /task/{id}/bpmnError} ended an application's process silently.
 */
class EngineOperationsWalkIT extends BackOfficeIT {

  @Autowired RepositoryService repository;

  private record Operation(String method, String path) {
    boolean writes() {
      return !method.equals("GET") && !(method.equals("POST") && QUERY.matcher(path).matches());
    }
  }

  /** POST queries: {@code /task}, {@code /history/process-instance/count}, … */
  private static final Pattern QUERY = Pattern.compile("/(?:history/)?[a-z-]+(?:/count)?");

  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

  @BeforeAll
  static void registry() {
    for (String domain : List.of("sample-walk.jp", "sample-walk2.jp", "sample-walk3.jp")) {
      WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    }
  }

  @Test
  void everyOperationAsEveryRoleLeavesTheApplicationWhereItWas() throws Exception {
    long id = applicationWaitingForTheDocumentsDecision("www.sample-walk.jp");
    Map<String, String> ids = ids(id);
    List<Operation> operations = operations();
    assertThat(operations).hasSizeGreaterThan(300);

    List<String> serverErrors = new ArrayList<>();
    List<String> reachedByOutsiders = new ArrayList<>();
    // Senior officers hold the officers' rules (RecordKeepingTest); reads are the same for all
    // staff, so they are walked once, as the auditor, who may read the most.
    for (Operation operation : operations) {
      String path = "/engine-rest" + resolve(operation.path(), ids);
      List<String> roles = operation.writes() ? List.of("officer", "auditor", "operator") : List.of("auditor");
      for (String role : roles) {
        int status = call(as(role, role), operation, path);
        if (status >= 500) {
          serverErrors.add(role + " " + operation.method() + " " + path + " → " + status);
        }
      }
      List<TestRestTemplate> outsiders = operation.writes() ? List.of(customer(), http) : List.of(http);
      for (TestRestTemplate outsider : outsiders) {
        int status = call(outsider, operation, path);
        if (status != 401 && status != 403) {
          reachedByOutsiders.add(operation.method() + " " + path + " → " + status);
        }
      }
    }
    assertThat(serverErrors).as("operations answering 5xx").isEmpty();
    assertThat(reachedByOutsiders).as("operations a customer or a stranger reached").isEmpty();

    Map<?, ?> application = as("officer", "officer").getForObject("/api/applications/" + id, Map.class);
    assertThat(application.get("status")).isEqualTo("IN_PROGRESS");
    assertThat(application.get("stage")).isEqualTo(List.of("Decide whether documents are needed"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).active().count())
        .isEqualTo(1);
  }

  @Test
  void anOfficerCannotEndAnApplicationWithATasksBpmnErrorOrEscalation() throws Exception {
    long id = applicationWaitingForTheDocumentsDecision("www.sample-walk2.jp");
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(id)).singleResult();
    tasks.claim(task.getId(), "officer");

    for (String action : List.of("bpmnError", "bpmnEscalation")) {
      ResponseEntity<Map> refused =
          as("officer", "officer")
              .postForEntity(
                  "/engine-rest/task/" + task.getId() + "/" + action,
                  Map.of("errorCode", "signing-refused", "escalationCode", "x",
                      "variables", Map.of("issuanceDecision", Map.of("value", "APPROVE"))),
                  Map.class);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(String.valueOf(refused.getBody().get("message"))).contains("an application ends only through its model");
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(id)).count()).isEqualTo(1);
    assertThat(as("officer", "officer").getForObject("/api/applications/" + id, Map.class).get("status"))
        .isEqualTo("IN_PROGRESS");

    // The task is the officer's: a colleague cannot take it from them.
    ResponseEntity<String> takenAway =
        as("officer2", "officer2").postForEntity("/engine-rest/task/" + task.getId() + "/unclaim", null, String.class);
    assertThat(takenAway.getStatusCode().value()).as(takenAway.getBody()).isEqualTo(400);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("officer");

    // A completion sets what the task's form asks, nothing more: a hand-made request cannot
    // rewrite the domain the process validates along with the decision.
    String instance = processInstanceId(id);
    Object domainBefore = runtime.getVariable(instance, "registrableDomain");
    ResponseEntity<String> completed =
        as("officer", "officer")
            .postForEntity(
                "/engine-rest/task/" + task.getId() + "/complete",
                Map.of(
                    "variables",
                    Map.of(
                        "documentsRequirement", Map.of("value", "NOT_NEEDED"),
                        "documentsNote", Map.of("value", "registrant is the applicant"),
                        "registrableDomain", Map.of("value", "attacker.example"))),
                String.class);
    assertThat(completed.getStatusCode().is2xxSuccessful()).as(completed.getBody()).isTrue();
    assertThat(runtime.getVariable(instance, "registrableDomain")).isEqualTo(domainBefore).isNotEqualTo("attacker.example");
    assertThat(runtime.getVariable(instance, "documentsRequirement")).isEqualTo("NOT_NEEDED");
  }

  @Test
  void aProcessAnAdministratorDeletesEndsItsApplicationWithARecordedOutcome() throws Exception {
    long id = applicationWaitingForTheDocumentsDecision("www.sample-walk3.jp");
    String instance = processInstanceId(id);

    ResponseEntity<String> deleted =
        as("admin", "admin")
            .exchange(
                "/engine-rest/process-instance/" + instance + "?skipCustomListeners=true",
                HttpMethod.DELETE,
                null,
                String.class);
    assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    Map<?, ?> application = as("officer", "officer").getForObject("/api/applications/" + id, Map.class);
    assertThat(application.get("status")).isEqualTo("REJECTED");
    Map<?, ?> rejection = (Map<?, ?>) application.get("rejection");
    assertThat(rejection.get("code")).isEqualTo("WITHDRAWN_BY_CA");
    assertThat(String.valueOf(rejection.get("reason"))).contains("process deleted by admin");
    assertThat(mailsTo(CUSTOMER)).anySatisfy(mail -> assertThat(mail.text()).contains("withdrawn by the CA"));
  }

  private long applicationWaitingForTheDocumentsDecision(String commonName) throws Exception {
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(),
            "CN=" + commonName + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
            List.of(commonName));
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications",
                CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    runJobs();
    proveDomainControl(id);
    confirmOrganization(id);
    assertThat(customer().getForObject("/api/applications/" + id, Map.class).get("stage"))
        .isEqualTo(List.of("Decide whether documents are needed"));
    return id;
  }

  /** Real ids where the walk needs them, so calls reach the engine instead of a 404. */
  private Map<String, String> ids(long applicationId) {
    String instance = processInstanceId(applicationId);
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    Job job = management.createJobQuery().processInstanceId(instance).list().get(0);
    return Map.of(
        "task", task.getId(),
        "process-instance", instance,
        "execution", instance,
        "process-definition", task.getProcessDefinitionId(),
        "job", job.getId(),
        "job-definition", job.getJobDefinitionId(),
        "deployment", repository.createDeploymentQuery().list().get(0).getId(),
        "history", instance);
  }

  private static String resolve(String template, Map<String, String> ids) {
    String resource = template.split("/")[1];
    Matcher parameter = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      String name = parameter.group(1);
      String value =
          switch (name) {
            case "id" -> ids.getOrDefault(resource, "walk-unknown");
            case "key" -> "certificate-renewal";
            case "varName" -> "documentsRequirement";
            default -> "walk-" + name;
          };
      parameter.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    parameter.appendTail(path);
    return path.toString();
  }

  private static int call(TestRestTemplate client, Operation operation, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.ALL));
    HttpEntity<String> request =
        operation.method().equals("GET") || operation.method().equals("DELETE")
            ? new HttpEntity<>(headers)
            : new HttpEntity<>("{}", headers);
    return client
        .exchange(path, HttpMethod.valueOf(operation.method()), request, byte[].class)
        .getStatusCode()
        .value();
  }

  private static List<Operation> operations() throws Exception {
    JsonNode paths;
    try (InputStream in = EngineOperationsWalkIT.class.getResourceAsStream("/openapi.json")) {
      assertThat(in).as("openapi.json of camunda-engine-rest-openapi").isNotNull();
      paths = new ObjectMapper().readTree(in).get("paths");
    }
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (String method : Set.of("get", "post", "put", "delete")) {
        if (path.getValue().has(method)) {
          operations.add(new Operation(method.toUpperCase(), path.getKey()));
        }
      }
    }
    return operations;
  }
}
