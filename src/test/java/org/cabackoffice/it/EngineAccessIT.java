package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.http.ResponseEntity;

/**
 * The engine's own API answers each staff group as StaffPermissions says: officers work tasks,
 * auditors read (history included) and change nothing, customers are kept out.
 */
class EngineAccessIT extends BackOfficeIT {

  @BeforeAll
  static void registry() {
    WHOIS.answer("sample-engine.jp", jprsRecord("sample-engine.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @Test
  void auditorsReadAndOfficersWork() throws Exception {
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(),
            "CN=www.sample-engine.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
            List.of("www.sample-engine.jp"));
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications",
                CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    runJobs();
    proveDomainControl(id);
    confirmOrganization(id);
    assertThat(customer().getForObject("/api/applications/" + id, Map.class).get("stage"))
        .isEqualTo(List.of("Decide whether documents are needed"));

    List<Map<String, Object>> seen = taskList("auditor", id);
    assertThat(seen).hasSize(1);
    String taskId = (String) seen.get(0).get("id");
    assertThat(
            as("auditor", "auditor")
                .getForEntity("/engine-rest/history/process-instance?processInstanceBusinessKey=" + id, List.class)
                .getBody())
        .hasSize(1);
    assertThat(
            as("auditor", "auditor")
                .postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "auditor"), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            as("auditor", "auditor")
                .exchange("/engine-rest/process-instance/" + seen.get(0).get("processInstanceId"), org.springframework.http.HttpMethod.DELETE, null, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // Auditors query but leave the record as it is: no comments on tasks.
    assertThat(
            as("auditor", "auditor")
                .postForEntity("/engine-rest/task", Map.of("processInstanceBusinessKey", String.valueOf(id)), List.class)
                .getBody())
        .hasSize(1);
    assertThat(
            as("auditor", "auditor")
                .postForEntity("/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "seen"), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // Operations mend incidents; they cannot move an application past a stage in bulk, erase its
    // history, or deploy a model (a model is code that runs on the server).
    String instance = (String) seen.get(0).get("processInstanceId");
    assertThat(
            as("operator", "operator")
                .postForEntity(
                    "/engine-rest/process-instance/message-async",
                    Map.of("messageName", "payment-received", "processInstanceIds", List.of(instance)),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            as("operator", "operator")
                .postForEntity(
                    "/engine-rest/process-instance/variables-async",
                    Map.of("processInstanceIds", List.of(instance), "variables", Map.of("paid", Map.of("value", true))),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            as("operator", "operator")
                .postForEntity("/engine-rest/history/process-instance/delete", Map.of("historicProcessInstanceIds", List.of(instance)), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    // A migration onto the same version maps any step to any other: a modification by another name.
    String definition = (String) seen.get(0).get("processDefinitionId");
    ResponseEntity<String> migrated =
        as("operator", "operator")
            .postForEntity(
                "/engine-rest/migration/execute",
                Map.of(
                    "migrationPlan",
                    Map.of(
                        "sourceProcessDefinitionId", definition,
                        "targetProcessDefinitionId", definition,
                        "instructions",
                            List.of(Map.of("sourceActivityIds", List.of("decide-documents"), "targetActivityIds", List.of("approve-issuance")))),
                    "processInstanceIds", List.of(instance)),
                String.class);
    assertThat(migrated.getStatusCode()).as(migrated.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    // Administrators too: instances move only through /operations/migrations, with four eyes.
    ResponseEntity<String> byAdmin =
        as("admin", "admin")
            .postForEntity(
                "/engine-rest/migration/execute",
                Map.of(
                    "migrationPlan",
                    Map.of("sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition, "instructions", List.of()),
                    "processInstanceIds", List.of(instance)),
                String.class);
    assertThat(byAdmin.getStatusCode()).as(byAdmin.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("admin", "admin").postForEntity("/engine-rest/migration/generate",
            Map.of("sourceProcessDefinitionId", definition, "targetProcessDefinitionId", definition), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(customer().getForObject("/api/applications/" + id, Map.class).get("stage"))
        .isEqualTo(List.of("Decide whether documents are needed"));

    // Operations retry jobs, but a retry cannot move a timer (a deadline passing weeks early).
    String timer =
        management.createJobQuery().processInstanceId(instance).activityId("service-level-passed").singleResult().getId();
    ResponseEntity<String> moved =
        put("operator", "/engine-rest/job/" + timer + "/retries", Map.of("retries", 3, "dueDate", "2026-01-01T00:00:00.000+0000"));
    assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> retried =
        put("operator", "/engine-rest/job/" + timer + "/retries", Map.of("retries", 3));
    assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    // A task's variables change only through its form; comments stay as written.
    ResponseEntity<String> variable =
        put("officer", "/engine-rest/task/" + taskId + "/variables/caaPermitted", Map.of("value", true, "type", "Boolean"));
    assertThat(variable.getStatusCode()).as(variable.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    Map<?, ?> comment =
        as("officer2", "officer2")
            .postForObject("/engine-rest/task/" + taskId + "/comment/create", Map.of("message", "customer says the domain is not theirs"), Map.class);
    ResponseEntity<String> rewritten =
        put("officer", "/engine-rest/task/" + taskId + "/comment", Map.of("id", comment.get("id"), "message", "customer confirmed the domain"));
    assertThat(rewritten.getStatusCode()).as(rewritten.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    // The same holds for Tasklist and Cockpit, which call the engine directly: an auditor adds nothing.
    identity.setAuthentication("auditor", List.of("auditors"));
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.createComment(taskId, instance, "seen"))
          .hasMessageContaining("adds nothing");
    } finally {
      identity.clearAuthentication();
    }
    assertThat(
            as("operator", "operator")
                .postForEntity("/engine-rest/process-instance/delete", Map.of("processInstanceIds", List.of(instance)), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    MultiValueMap<String, Object> model = new LinkedMultiValueMap<>();
    model.add("deployment-name", "shortcut");
    model.add(
        "data",
        new ByteArrayResource("<definitions/>".getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "shortcut.bpmn";
          }
        });
    assertThat(
            as("operator", "operator")
                .postForEntity("/engine-rest/deployment/create", model, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // A caller's mistakes are 4xx with the engine's reason, not 500.
    ResponseEntity<String> unknown =
        as("officer", "officer").postForEntity("/engine-rest/task/no-such-task/complete", Map.of(), String.class);
    assertThat(unknown.getStatusCode()).as(unknown.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            as("officer2", "officer2")
                .postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "officer2"), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    ResponseEntity<String> taken =
        as("officer", "officer").postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "officer"), String.class);
    assertThat(taken.getStatusCode()).as(taken.getBody()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(taken.getBody()).contains("already claimed");
    as("officer2", "officer2").postForEntity("/engine-rest/task/" + taskId + "/unclaim", null, String.class);

    // Nobody claims a task in a colleague's name (that would choose who holds, say, an approval):
    // 403 with the reason. And a task a colleague holds is not completed by anyone else: the
    // record names who is logged in, and that must be the assignee (four-eyes rule).
    ResponseEntity<String> forAColleague =
        as("officer", "officer")
            .postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "officer2"), String.class);
    assertThat(forAColleague.getStatusCode()).as(forAColleague.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forAColleague.getBody()).contains("only for themselves");
    assertThat(
            as("officer2", "officer2")
                .postForEntity("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "officer2"), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    Map<String, Object> decision =
        Map.of(
            "variables",
            Map.of(
                "documentsRequirement", Map.of("value", "NOT_NEEDED"),
                "documentsNote", Map.of("value", "listed in the directory")));
    // Resolving (a delegated task's hand-back) would take it from officer2 and write its variables
    // without the task's listener: nothing is delegated here, so nobody resolves.
    ResponseEntity<String> resolved =
        as("officer", "officer").postForEntity("/engine-rest/task/" + taskId + "/resolve", decision, String.class);
    assertThat(resolved.getStatusCode()).as(resolved.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(resolved.getBody()).contains("may not resolve");
    ResponseEntity<String> asSomeoneElse =
        as("officer", "officer").postForEntity("/engine-rest/task/" + taskId + "/complete", decision, String.class);
    assertThat(asSomeoneElse.getStatusCode()).as(asSomeoneElse.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(asSomeoneElse.getBody()).contains("assigned to officer2");

    ResponseEntity<String> completed =
        as("officer2", "officer2").postForEntity("/engine-rest/task/" + taskId + "/complete", decision, String.class);
    assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

    assertThat(customer().getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Autowired ProcessEngineConfiguration engineConfiguration;
  @Autowired RepositoryService repository;

  @Test
  void aChangedModelIsDeployedTogetherWithItsForms() throws Exception {
    // The user tasks bind their forms by deployment: the process's deployment must hold every
    // form, so a restart after any change deploys all resources (duplicate filtering keeps an
    // unchanged start from deploying at all).
    assertThat(((SpringProcessEngineConfiguration) engineConfiguration).isDeployChangedOnly()).isFalse();
    ProcessDefinition latest =
        repository.createProcessDefinitionQuery().processDefinitionKey("certificate-renewal").latestVersion().singleResult();
    List<String> resources = repository.getDeploymentResourceNames(latest.getDeploymentId());
    try (var forms = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
      // By file name: a deployment an operator approved on /operations/ names its resources
      // without the folder (forms bind by their id, not by the resource's path).
      forms.map(f -> f.getFileName().toString())
          .forEach(form -> assertThat(resources).anyMatch(r -> r.equals(form) || r.endsWith("/" + form)));
    }
  }

  /** PUT as a demo user (password = user id), the answer as text. */
  private ResponseEntity<String> put(String user, String path, Object body) {
    return as(user, user)
        .exchange(path, org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(body), String.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> taskList(String user, long applicationId) {
    return as(user, user)
        .getForObject("/engine-rest/task?processInstanceBusinessKey=" + applicationId, List.class);
  }
}
