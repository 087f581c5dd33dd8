package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.domain.LoopbackWhoisServer;
import org.cabackoffice.testsupport.BackOfficeNode;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL database, one killed mid-run (issue 13; DESIGN.md: Camunda's job
 * executor is the cluster, the outbox's claims keep nodes from mailing twice). Both nodes serve
 * the officers and run jobs and the outbox; node A is killed with SIGKILL right after 2
 * applications were submitted, 1 payment recorded and 3 issuances approved through it. Node B
 * then finishes every application, and everything happened exactly once ({@link ExactlyOnce}),
 * mails included. PostgreSQL only: H2 is the single-node embedded database.
 *
 * <p>On the same two nodes (their start is most of the run's time), issue 11's "a model deployed
 * on one is used by both without a restart": before the kill, an operator proposes a changed
 * model through node A's operations pages and a second operator approves it there, so node A
 * deploys it. Node A starts the next applications on the new version, and so does node B, which
 * has never seen it; once A is dead, B alone runs the new version's jobs to the certificate.
 */
class TwoNodesIT {

  @Test
  void theSurvivingNodeFinishesEveryApplicationExactlyOnce() throws Exception {
    assumeTrue(NodeDatabase.postgresRun(), "several nodes share a PostgreSQL database; this is the H2 run");
    Path dir = Files.createTempDirectory("backoffice-two-nodes");
    GreenMail relay = ExactlyOnce.relay();
    try (LoopbackWhoisServer whois = new LoopbackWhoisServer().start();
        NodeDatabase db = NodeDatabase.create("backoffice_fault_two_nodes", dir)) {
      Map<String, String> properties = KillNineIT.nodeProperties(db, whois, relay);
      // One CA: both nodes read the keystore node A creates at its first start.
      BackOfficeNode a = new BackOfficeNode("node-a", dir, properties);
      BackOfficeNode b = new BackOfficeNode("node-b", dir, properties);
      OfficeOverHttp viaA = new OfficeOverHttp(a::baseUrl);
      OfficeOverHttp viaB = new OfficeOverHttp(b::baseUrl);
      Map<Long, String> domains = new LinkedHashMap<>();
      try {
        a.start().awaitReady(Duration.ofMinutes(3));
        b.start().awaitReady(Duration.ofMinutes(3));
        for (int n = 1; n <= 11; n++) {
          String domain = "two-nodes-" + n + ".jp";
          whois.answer(domain, BackOfficeIT.jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
        }
        // Officers on both nodes: applications 3-10 worked alternately through A and B.
        List<Long> worked = new ArrayList<>();
        for (int n = 3; n <= 10; n++) {
          OfficeOverHttp office = n % 2 == 0 ? viaA : viaB;
          long id = office.apply("two-nodes-" + n + ".jp");
          domains.put(id, "two-nodes-" + n + ".jp");
          worked.add(id);
        }
        List<Long> waitingForPayment = worked.subList(0, 3);
        long toBePaid = worked.get(3);
        List<Long> toBeApproved = worked.subList(4, 8);
        for (int i = 0; i < worked.size(); i++) {
          OfficeOverHttp office = i % 2 == 0 ? viaA : viaB;
          long id = worked.get(i);
          office.workUntil(
              id,
              waitingForPayment.contains(id) || id == toBePaid
                  ? OfficeOverHttp.Until.WAITING_FOR_PAYMENT
                  : OfficeOverHttp.Until.WAITING_FOR_APPROVAL);
        }

        // Issue 11: a model change proposed and approved on node A is deployed by node A.
        String latestBefore = latestRenewalDefinition(db);
        String deployed = Files.readString(Path.of("bpmn/certificate-renewal.bpmn"));
        assertThat(deployed).contains(SIGNING);
        long change = proposeAndApprove(a, deployed.replace(SIGNING, SIGNING_AS_CHANGED));
        String changed = latestRenewalDefinition(db);
        assertThat(changed).as("model change %d deployed a new version", change).isNotEqualTo(latestBefore);
        assertThat(db.rows("select d.name_ from act_re_procdef p join act_re_deployment d on d.id_ = p.deployment_id_"
            + " where p.id_ = '" + changed + "'")).containsExactly(List.of("model-change-" + change));
        // Node B, not restarted, starts the next application on it; its jobs run after A's death.
        long onB = viaB.apply("two-nodes-11.jp");
        domains.put(onB, "two-nodes-11.jp");
        assertThat(definitionOf(db, onB)).as("node B starts new applications on the version node A deployed").isEqualTo(changed);

        // The burst through node A, then A dies.
        List<Long> onA = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
          long id = viaA.apply("two-nodes-" + n + ".jp");
          onA.add(id);
          domains.put(id, "two-nodes-" + n + ".jp");
        }
        for (long id : onA) {
          assertThat(definitionOf(db, id)).as("node A starts new applications on the version it deployed").isEqualTo(changed);
        }
        viaA.pay(toBePaid);
        for (long id : toBeApproved) {
          viaA.approve(id);
        }
        a.kill();
        long killed = System.nanoTime();
        String atKill = KillNineIT.inFlight(db, toBeApproved);

        for (long id : domains.keySet()) {
          viaB.workUntil(id, OfficeOverHttp.Until.ISSUED);
        }
        KillNineIT.awaitCertificateMails(relay, domains.size());
        KillNineIT.awaitOutboxDrained(viaB);
        long recoveryMillis = (System.nanoTime() - killed) / 1_000_000;
        // Every step after the approval (the phone call, the approval, the signing) ran on node B
        // alone, and it ran the changed model: its signing step carries the new name.
        assertThat(db.rows("select act_name_ from act_hi_actinst where act_id_ = 'sign-certificate' and proc_inst_id_ ="
            + " (select id_ from act_hi_procinst where business_key_ = '" + onB + "' and proc_def_id_ = '" + changed + "')"))
            .as("node B signed application %d on the changed model", onB)
            .containsExactly(List.of(SIGNING_NAME_AS_CHANGED));
        b.stop();

        ExactlyOnce.Findings found = ExactlyOnce.check(db, relay, domains, a.log() + b.log());
        assertThat(found.mailCopies()).as("the outbox sent each mail once").isZero();
        long mails = db.count("select count(*) from outbox_mail");
        System.out.printf(
            "FAULT two-node: applications=%d completed=%d duplicates=%d recovery=%.0fs database=PostgreSQL"
                + " mails=%d mail-copies=%d (node A killed, B finished; 3 on the model A deployed) at-kill: %s%n",
            domains.size(), found.completed(), found.duplicates(), recoveryMillis / 1000.0, mails,
            found.mailCopies(), atKill);
      } catch (Throwable failed) {
        System.out.println("node A log (tail):\n" + a.tail(120) + "\nnode B log (tail):\n" + b.tail(200));
        throw failed;
      } finally {
        a.kill();
        b.kill();
      }
    } finally {
      relay.stop();
    }
  }

  static final String SIGNING = "name=\"Sign certificate\"";
  static final String SIGNING_NAME_AS_CHANGED = "Sign certificate (changed on node A)";
  static final String SIGNING_AS_CHANGED = "name=\"" + SIGNING_NAME_AS_CHANGED + "\"";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The renewal process's version new applications start on, as the shared database has it. */
  static String latestRenewalDefinition(NodeDatabase db) throws Exception {
    return db.rows("select id_ from act_re_procdef where key_ = 'certificate-renewal' order by version_ desc limit 1").get(0).get(0);
  }

  /** The version an application's process runs on. */
  static String definitionOf(NodeDatabase db, long applicationId) throws Exception {
    List<List<String>> rows = db.rows("select proc_def_id_ from act_hi_procinst where business_key_ = '" + applicationId + "'");
    assertThat(rows).as("application %d has one process", applicationId).hasSize(1);
    return rows.get(0).get(0);
  }

  /**
   * The governed path on one node's operations pages, as two operators' browsers take it: the
   * operator uploads the model (a multipart form with its CSRF token), the second operator approves
   * it on the change's page. Returns the change's id.
   */
  static long proposeAndApprove(BackOfficeNode node, String model) throws Exception {
    Page models = page(node, "operator", "/operations/models?lang=en");
    String boundary = "two-nodes-" + System.nanoTime();
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n"
        + "Signing step named for the two-node test\r\n"
        + "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"files\"; filename=\"certificate-renewal.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n"
        + model + "\r\n"
        + "--" + boundary + "--\r\n";
    HttpResponse<String> proposed = post(node, "operator", "/operations/model-changes?lang=en&_csrf=" + models.token(), models.cookie(),
        "multipart/form-data; boundary=" + boundary, body);
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(303);
    java.util.regex.Matcher id = java.util.regex.Pattern.compile("/operations/model-changes/(\\d+)")
        .matcher(proposed.headers().firstValue("Location").orElse(""));
    assertThat(id.find()).as("the proposal's page: " + proposed.headers().map()).isTrue();
    long change = Long.parseLong(id.group(1));

    Page review = page(node, "operator2", "/operations/model-changes/" + change + "?lang=en");
    HttpResponse<String> approved = post(node, "operator2", "/operations/model-changes/" + change + "/approval?lang=en", review.cookie(),
        "application/x-www-form-urlencoded",
        "_csrf=" + java.net.URLEncoder.encode(review.token(), StandardCharsets.UTF_8) + "&note=checked+for+both+nodes");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
    assertThat(page(node, "operator2", "/operations/model-changes/" + change + "?lang=en").html())
        .contains("id=\"status\">deployed<");
    return change;
  }

  /** A page with the CSRF cookie it set and the token its forms carry. */
  record Page(String html, String cookie, String token) {}

  private static Page page(BackOfficeNode node, String user, String path) throws Exception {
    HttpResponse<String> page = HTTP.send(request(node, user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
        .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("_csrf(?:=|\" value=\")([^&\"]+)").matcher(page.body());
    return new Page(page.body(), cookie, token.find() ? token.group(1) : null);
  }

  private static HttpResponse<String> post(BackOfficeNode node, String user, String path, String cookie, String type, String body)
      throws Exception {
    assertThat(cookie).as("the page set its CSRF cookie").isNotNull();
    return HTTP.send(request(node, user, path).header("Cookie", cookie).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder request(BackOfficeNode node, String user, String path) {
    return HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
  }
}
