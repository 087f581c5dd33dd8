package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Refusals are problem details, come before the body is looked at, and a caller's mistake on
 * the engine's API is a 4xx, never a 500.
 */
class RefusalsIT extends BackOfficeIT {

  @BeforeAll
  static void registry() {
    WHOIS.answer("sample-refusals.jp", jprsRecord("sample-refusals.jp", "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @Test
  void unauthenticatedAndForbiddenAreProblemDetails() {
    ResponseEntity<String> anonymous = http.getForEntity("/api/applications", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");
    assertThat(anonymous.getBody()).contains("\"status\":401");

    ResponseEntity<String> wrong = as("officer", "not-the-password").getForEntity("/engine-rest/task", String.class);
    assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(wrong.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(wrong.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");

    ResponseEntity<String> customer = customer().getForEntity("/engine-rest/task", String.class);
    assertThat(customer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(customer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(customer.getBody()).contains("\"status\":403");
  }

  @Test
  void theErrorPageCalledDirectlyIsNoServerError() {
    ResponseEntity<String> direct = http.getForEntity("/error", String.class);
    assertThat(direct.getStatusCode().is4xxClientError()).as(direct.getBody()).isTrue();
    assertThat(direct.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(as("officer", "officer").getForEntity("/error", String.class).getStatusCode().is4xxClientError())
        .isTrue();
  }

  @Test
  void aCallerWithoutTheRoleIsRefusedBeforeItsBodyIsRead() {
    // An auditor's (invalid) application: 403, not a validation report.
    ResponseEntity<String> application =
        as("auditor", "auditor").postForEntity("/api/applications", Map.of("product", "nonsense"), String.class);
    assertThat(application.getStatusCode()).as(application.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(application.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

    // A customer's text/plain to the officers' blocklist: 403, not 415.
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> blocklist =
        customer().postForEntity("/api/key-blocklist", new HttpEntity<>("a key", text), String.class);
    assertThat(blocklist.getStatusCode()).as(blocklist.getBody()).isEqualTo(HttpStatus.FORBIDDEN);

    // A customer's bank statement upload: 403 before the multipart body is parsed.
    MultiValueMap<String, Object> statement = new LinkedMultiValueMap<>();
    statement.add("file", new ByteArrayResource("x".getBytes()) {
      @Override
      public String getFilename() {
        return "furikomi.txt";
      }
    });
    assertThat(customer().postForEntity("/api/bank-statements", statement, String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    // An auditor's deployment: 403, whatever the multipart holds.
    MultiValueMap<String, Object> model = new LinkedMultiValueMap<>();
    model.add("deployment-name", "shortcut");
    model.add("not-a-model", new ByteArrayResource(new byte[] {1, 2, 3}) {
      @Override
      public String getFilename() {
        return "x.bin";
      }
    });
    ResponseEntity<String> deployment =
        as("auditor", "auditor").postForEntity("/engine-rest/deployment/create", model, String.class);
    assertThat(deployment.getStatusCode()).as(deployment.getBody()).isEqualTo(HttpStatus.FORBIDDEN);

    // Those with the role still get there.
    assertThat(as("officer", "officer").getForEntity("/api/key-blocklist", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(as("auditor", "auditor").getForEntity("/api/bank-statements", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /**
   * Models reach the engine only through /operations (four eyes), administrators included, and
   * the engine grants administrators everything: the URL rule is the only lock. JAX-RS also
   * answers a path with a trailing slash, so the rule must hold for that spelling too. (No
   * resources in the upload: an address let through answers 4xx, never deploys.)
   */
  @Test
  void noSpellingOfTheDeploymentAddressesLetsAnAdministratorDeploy() {
    MultiValueMap<String, Object> empty = new LinkedMultiValueMap<>();
    empty.add("deployment-name", "around-four-eyes");
    for (String path :
        List.of("/engine-rest/deployment/create/", "/engine-rest/engine/default/deployment/create/")) {
      ResponseEntity<String> answer = as("admin", "admin").postForEntity(path, empty, String.class);
      assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    for (String path :
        List.of("/engine-rest/deployment/no-such-deployment/", "/engine-rest/engine/default/deployment/no-such-deployment/")) {
      ResponseEntity<String> answer =
          as("admin", "admin").exchange(path, org.springframework.http.HttpMethod.DELETE, null, String.class);
      assertThat(answer.getStatusCode()).as(path + " " + answer.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    }
    // The password oracle is the administrators' alone, whatever the spelling.
    ResponseEntity<String> oracle =
        as("officer", "officer")
            .postForEntity(
                "/engine-rest/identity/verify/", Map.of("username", "admin", "password", "admin"), String.class);
    assertThat(oracle.getStatusCode()).as(oracle.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void engineCommandsThatCannotApplyAreClientErrors() throws Exception {
    ResponseEntity<String> condition =
        as("auditor", "auditor")
            .postForEntity("/engine-rest/condition", Map.of("variables", Map.of("x", Map.of("value", 1))), String.class);
    assertThat(condition.getStatusCode().is4xxClientError()).as(condition.getBody()).isTrue();
    ResponseEntity<String> emptyCondition =
        as("operator", "operator").postForEntity("/engine-rest/condition", Map.of(), String.class);
    assertThat(emptyCondition.getStatusCode().is4xxClientError()).as(emptyCondition.getBody()).isTrue();

    String csr =
        CsrFactory.pem(
            CsrFactory.p256(),
            "CN=www.sample-refusals.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
            List.of("www.sample-refusals.jp"));
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications",
                CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    String instance = processInstanceId(id);
    String definition =
        runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId();
    ResponseEntity<String> restart =
        as("operator", "operator")
            .postForEntity(
                "/engine-rest/process-definition/" + definition + "/restart",
                Map.of(
                    "processInstanceIds", List.of(instance),
                    "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "check-csr"))),
                String.class);
    assertThat(restart.getStatusCode().is4xxClientError()).as(restart.getBody()).isTrue();
  }
}
