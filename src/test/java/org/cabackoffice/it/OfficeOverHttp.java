package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.testsupport.CsrFactory;

/**
 * The customer and the officers of a back office running in another JVM, working applications
 * through its HTTP API only, as people do: the customer applies at {@code /api/applications},
 * officers complete their tasks through {@code /engine-rest} (as Tasklist does), payments are
 * recorded through the API. The node's own job executor runs everything in between.
 */
final class OfficeOverHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(180);

  private final Supplier<String> baseUrl;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** @param baseUrl the node to talk to, asked anew at every call (a restarted node has a new port) */
  OfficeOverHttp(Supplier<String> baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The customer applies for a new Secure Server ID for www.{domain}, paid by bank transfer. */
  long apply(String domain) throws Exception {
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(), "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www." + domain));
    Map<String, Object> form = CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null, "Ichiro " + domain);
    HttpResponse<String> created = send("POST", "/api/applications", BackOfficeIT.CUSTOMER, "customer", form);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asLong();
  }

  /** Where an application stands, as staff see it. */
  record Standing(String status, List<String> stage, String serial) {}

  Standing standing(long id) throws Exception {
    HttpResponse<String> view = send("GET", "/api/applications/" + id, "officer", "officer", null);
    assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
    JsonNode body = JSON.readTree(view.body());
    List<String> stage = new ArrayList<>();
    if (body.has("stage")) {
      body.get("stage").forEach(s -> stage.add(s.asText()));
    }
    return new Standing(
        body.path("status").asText(), stage, body.hasNonNull("serial") ? body.get("serial").asText() : null);
  }

  /** The payment the officer records once the transfer is on the bank statement (guide [3-2]). */
  void pay(long id) throws Exception {
    HttpResponse<String> invoice = send("GET", "/api/applications/" + id + "/invoice", "officer", "officer", null);
    assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(200);
    long total = JSON.readTree(invoice.body()).get("totalYen").asLong();
    HttpResponse<String> paid =
        send(
            "POST",
            "/api/applications/" + id + "/payments",
            "officer",
            "officer",
            Map.of("amountYen", total, "valueDate", LocalDate.now(BusinessCalendar.ZONE).toString(), "reference", "transfer " + id));
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
  }

  /** What the officers do next for an application, up to the point named. */
  enum Until {
    /** the process waits for the customer's bank transfer */
    WAITING_FOR_PAYMENT,
    /** the senior officer's approval is the open task */
    WAITING_FOR_APPROVAL,
    /** the certificate is issued */
    ISSUED
  }

  /**
   * Completes the officers' tasks (and records the payment) until the application reaches {@code
   * until}; waits while the node's jobs run.
   */
  void workUntil(long id, Until until) throws Exception {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Standing standing = standing(id);
      if ("ISSUED".equals(standing.status())) {
        assertThat(until).as("application " + id + " went past where it was to stop").isEqualTo(Until.ISSUED);
        return;
      }
      assertThat(standing.status()).as("application %d: %s", id, standing).isNotIn("REJECTED", "WITHDRAWN", "EXPIRED");
      Map<String, String> open = openTasks(id);
      if (standing.stage().contains("Wait for payment")) {
        if (until == Until.WAITING_FOR_PAYMENT) {
          return;
        }
        pay(id);
      } else if (open.containsKey("approve-issuance")) {
        if (until == Until.WAITING_FOR_APPROVAL) {
          return;
        }
        complete(open.get("approve-issuance"), "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "all checks recorded"));
      } else if (open.containsKey("confirm-organization")) {
        confirmOrganization(open.get("confirm-organization"));
      } else if (open.containsKey("decide-documents")) {
        complete(open.get("decide-documents"), "officer", Map.of("documentsRequirement", "NOT_NEEDED", "documentsNote", "-"));
      } else if (open.containsKey("verify-by-phone")) {
        Map<String, Object> call = new HashMap<>();
        call.put("phoneOutcome", "CONFIRMED");
        call.put("spokeWith", "Ichiro Yamada, General Manager");
        call.put("productAndTypeConfirmed", true);
        call.put("organizationAndCommonNameConfirmed", true);
        call.put("technicalContactConfirmed", true);
        call.put("intentConfirmed", true);
        call.put("phoneNote", "called 03-5555-0100, transferred");
        complete(open.get("verify-by-phone"), "officer", call);
      } else if (!open.isEmpty()) {
        throw new AssertionError("application " + id + " waits in a task this test does not work: " + open.keySet());
      } else {
        Thread.sleep(250); // the node's jobs are running
      }
    }
    throw new AssertionError("application " + id + " did not reach " + until + " within " + STEP_TIMEOUT + ": " + standing(id));
  }

  /** Approves the issuance (the senior officer's task, EV Guidelines 5.2.4) and returns at once. */
  void approve(long id) throws Exception {
    Map<String, String> open = openTasks(id);
    assertThat(open).as("application " + id + " awaits approval").containsKey("approve-issuance");
    complete(open.get("approve-issuance"), "senior", Map.of("issuanceDecision", "APPROVE", "approvalNote", "all checks recorded"));
  }

  /** Open tasks of the application, by task definition key, as officers and seniors see them. */
  Map<String, String> openTasks(long id) throws Exception {
    Map<String, String> open = new LinkedHashMap<>();
    for (String user : List.of("officer", "senior")) {
      HttpResponse<String> list = send("GET", "/engine-rest/task?processInstanceBusinessKey=" + id, user, user, null);
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      JSON.readTree(list.body()).forEach(t -> open.put(t.get("taskDefinitionKey").asText(), t.get("id").asText()));
    }
    return open;
  }

  /** As Tasklist reads a form's variables (the engine refuses staff its other variable reads). */
  private void confirmOrganization(String taskId) throws Exception {
    HttpResponse<String> candidates =
        send("GET", "/engine-rest/task/" + taskId + "/form-variables?variableNames=organizationCandidates", "officer", "officer", null);
    assertThat(candidates.statusCode()).as(candidates.body()).isEqualTo(200);
    Matcher first = Pattern.compile("#(\\d+) \\[MATCH").matcher(JSON.readTree(candidates.body()).path("organizationCandidates").path("value").asText());
    assertThat(first.find()).as("a directory record matches: " + candidates.body()).isTrue();
    complete(taskId, "officer", Map.of("organizationMatch", first.group(1), "organizationNote", "same name and address as the directory record"));
  }

  private void complete(String taskId, String officer, Map<String, Object> answers) throws Exception {
    HttpResponse<String> claimed = send("POST", "/engine-rest/task/" + taskId + "/claim", officer, officer, Map.of("userId", officer));
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    Map<String, Object> variables = new LinkedHashMap<>();
    answers.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    HttpResponse<String> done =
        send("POST", "/engine-rest/task/" + taskId + "/complete", officer, officer, Map.of("variables", variables));
    assertThat(done.statusCode()).as(done.body()).isIn(200, 204);
  }

  /** No outbox mail waits (PENDING, SENDING or FAILED), as operations see it through the API. */
  boolean outboxDrained() throws Exception {
    for (String status : List.of("PENDING", "SENDING", "FAILED")) {
      HttpResponse<String> waiting = send("GET", "/api/mail/outbox?status=" + status + "&limit=1", "admin", "admin", null);
      if (waiting.statusCode() != 200 || !waiting.body().strip().equals("[]")) {
        return false;
      }
    }
    return true;
  }

  private HttpResponse<String> send(String method, String path, String user, String password, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl.get() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
