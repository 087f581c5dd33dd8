package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cabackoffice.security.camunda.StaffGroups;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Issue 8: on a first start demo logins answered 401 for about two seconds after the server
 * answered. Readiness says when the system can be used: anonymous probes see UP or DOWN only,
 * operations and admin see which component is missing.
 */
class ProbesIT extends BackOfficeIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anonymousProbesSeeTheStatusOnly() throws Exception {
    ResponseEntity<String> liveness = http.getForEntity("/actuator/health/liveness", String.class);
    assertThat(liveness.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(JSON.readTree(liveness.getBody()).path("status").asText()).isEqualTo("UP");

    ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);
    assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = JSON.readTree(readiness.getBody());
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.has("components")).as("details hidden from anonymous callers").isFalse();
  }

  @Test
  void readinessCoversEveryComponentAFirstRequestNeeds() throws Exception {
    JsonNode components = readinessAs("operator").path("components");

    assertThat(components.fieldNames())
        .toIterable()
        .contains("readinessState", "db", "engine", "caKeys", "mailPath", "demoData", "demoDirectory");
    components.forEach(component -> assertThat(component.path("status").asText()).isEqualTo("UP"));
    assertThat(components.path("engine").path("details").path("process").asText())
        .startsWith("certificate-renewal version ");
    assertThat(components.path("caKeys").path("details").path("issuingCa").asText()).isNotBlank();
  }

  @Test
  void aMissingDemoLoginMakesTheSystemNotReady() throws Exception {
    identity.deleteMembership("operator", StaffGroups.OPERATIONS);
    try {
      ResponseEntity<String> anonymous = http.getForEntity("/actuator/health/readiness", String.class);
      assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(JSON.readTree(anonymous.getBody()).path("status").asText()).isEqualTo("DOWN");

      JsonNode demoData = readinessAs("admin").path("components").path("demoData");
      assertThat(demoData.path("status").asText()).isEqualTo("DOWN");
      assertThat(demoData.path("details").path("missing").toString())
          .contains("operator in " + StaffGroups.OPERATIONS);
      // Liveness is about the process, not its data: nothing to restart for.
      assertThat(http.getForEntity("/actuator/health/liveness", String.class).getStatusCode())
          .isEqualTo(HttpStatus.OK);
    } finally {
      identity.createMembership("operator", StaffGroups.OPERATIONS);
    }
    assertThat(http.getForEntity("/actuator/health/readiness", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void metricsAreForOperationsAndAdmin() {
    assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as("officer", "officer").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> metrics = as("operator", "operator").getForEntity("/actuator/prometheus", String.class);
    assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(metrics.getBody()).contains("jvm_memory_used_bytes");
    assertThat(as("admin", "admin").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theRootCaCertificateIsPublic() {
    ResponseEntity<byte[]> root = http.getForEntity("/ca/root-ca.crt", byte[].class);
    assertThat(root.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(root.getHeaders().getContentType()).hasToString("application/pkix-cert");
  }

  private JsonNode readinessAs(String staff) throws Exception {
    ResponseEntity<String> readiness =
        as(staff, staff).getForEntity("/actuator/health/readiness", String.class);
    return JSON.readTree(readiness.getBody());
  }
}
