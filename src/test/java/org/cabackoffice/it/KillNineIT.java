package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.domain.LoopbackWhoisServer;
import org.cabackoffice.testsupport.BackOfficeNode;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the application while applications are in flight at every stage (issue 13): the jar
 * in a JVM of its own, 8 applications driven through the HTTP API to different stages, the JVM
 * killed with SIGKILL right after 2 applications were submitted, 1 payment recorded and 3
 * issuances approved (their lookup and signing jobs running or queued), then started again on the
 * same database and data directory. Every application then completes exactly once ({@link
 * ExactlyOnce}); the recovery time is from the restart to the last certificate mail received.
 * Runs on H2 (a file database) and on PostgreSQL (a database of its own).
 */
class KillNineIT {

  static Map<String, String> nodeProperties(NodeDatabase db, LoopbackWhoisServer whois, GreenMail relay) {
    Map<String, String> properties = new LinkedHashMap<>(db.properties());
    properties.put("backoffice.mail.catcher.enabled", "false");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", String.valueOf(relay.getSmtp().getPort()));
    properties.put("backoffice.mail.dispatch-interval", "1s");
    // A mail the kill cut off mid-send is taken back when its claim's lease runs out: 5 minutes in
    // production (longer than the slowest relay may take, README), 1 minute here to bound the test.
    properties.put("backoffice.mail.lease", "1m");
    properties.put("backoffice.whois.dev-registry.enabled", "false");
    properties.put("backoffice.whois.servers.jp", whois.address());
    properties.put("backoffice.whois.iana", "");
    return properties;
  }

  @Test
  void everyApplicationInFlightCompletesExactlyOnceAfterTheNodeIsKilled() throws Exception {
    Path dir = Files.createTempDirectory("backoffice-kill9");
    GreenMail relay = ExactlyOnce.relay();
    try (LoopbackWhoisServer whois = new LoopbackWhoisServer().start();
        NodeDatabase db = NodeDatabase.create("backoffice_fault_kill9", dir)) {
      BackOfficeNode node = new BackOfficeNode("kill9", dir, nodeProperties(db, whois, relay));
      OfficeOverHttp office = new OfficeOverHttp(node::baseUrl);
      Map<Long, String> domains = new LinkedHashMap<>();
      try {
        node.start().awaitReady(Duration.ofMinutes(3));
        for (int n = 1; n <= 8; n++) {
          String domain = "kill9-" + n + ".jp";
          whois.answer(domain, BackOfficeIT.jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
        }
        // Before the kill: 2 waiting for the transfer, 1 about to be paid, 3 about to be approved.
        List<Long> waitingForPayment = List.of(apply(office, domains, 3), apply(office, domains, 4));
        long toBePaid = apply(office, domains, 5);
        List<Long> toBeApproved = List.of(apply(office, domains, 6), apply(office, domains, 7), apply(office, domains, 8));
        for (long id : waitingForPayment) {
          office.workUntil(id, OfficeOverHttp.Until.WAITING_FOR_PAYMENT);
        }
        office.workUntil(toBePaid, OfficeOverHttp.Until.WAITING_FOR_PAYMENT);
        for (long id : toBeApproved) {
          office.workUntil(id, OfficeOverHttp.Until.WAITING_FOR_APPROVAL);
        }

        // The burst: what the node holds in flight when it dies.
        apply(office, domains, 1);
        apply(office, domains, 2);
        office.pay(toBePaid);
        for (long id : toBeApproved) {
          office.approve(id);
        }
        node.kill();

        String atKill = inFlight(db, toBeApproved);

        long restarted = System.nanoTime();
        node.start().awaitReady(Duration.ofMinutes(3));
        long readyMillis = (System.nanoTime() - restarted) / 1_000_000;
        for (long id : domains.keySet()) {
          office.workUntil(id, OfficeOverHttp.Until.ISSUED);
        }
        awaitCertificateMails(relay, domains.size());
        awaitOutboxDrained(office);
        long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
        node.stop();

        ExactlyOnce.Findings found = ExactlyOnce.check(db, relay, domains, node.log());
        assertThat(found.duplicates()).isZero();
        System.out.printf(
            "FAULT kill-9: applications=%d completed=%d duplicates=%d recovery=%.0fs database=%s mail-copies=%d"
                + " restart-to-ready=%.0fs at-kill: %s%n",
            domains.size(), found.completed(), found.duplicates(), recoveryMillis / 1000.0,
            NodeDatabase.postgresRun() ? "PostgreSQL" : "H2-file", found.mailCopies(), readyMillis / 1000.0, atKill);
      } catch (Throwable failed) {
        System.out.println("kill9 node log (tail):\n" + node.tail(200));
        throw failed;
      } finally {
        node.kill();
      }
    } finally {
      relay.stop();
    }
  }

  private static long apply(OfficeOverHttp office, Map<Long, String> domains, int n) throws Exception {
    String domain = "kill9-" + n + ".jp";
    long id = office.apply(domain);
    domains.put(id, domain);
    return id;
  }

  /** What the dead node left: signings on record and jobs still locked by it. */
  static String inFlight(NodeDatabase db, List<Long> approved) throws Exception {
    String ids = approved.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    long issued = db.count("select count(*) from issued_certificate where application_id in (" + ids + ")");
    long started = db.count("select count(*) from certificate_signing where state = 'STARTED'");
    long locked = db.count("select count(*) from act_ru_job where lock_owner_ is not null");
    long queued = db.count("select count(*) from act_ru_job where lock_owner_ is null and type_ = 'message'");
    return "approved=" + approved.size() + " issued=" + issued + " signing-open=" + started
        + " jobs-locked=" + locked + " jobs-queued=" + queued;
  }

  /**
   * Every outbox mail sent: one the kill cut off mid-send (an application's confirmation, say)
   * stays SENDING until its lease (1 minute here) runs out and a dispatch takes it back.
   */
  static void awaitOutboxDrained(OfficeOverHttp office) throws Exception {
    // Asked through the node's API: an H2 file database is the running node's alone.
    long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (System.nanoTime() < deadline && !office.outboxDrained()) {
      Thread.sleep(500);
    }
  }

  static void awaitCertificateMails(GreenMail relay, int expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
    while (System.nanoTime() < deadline) {
      long mails =
          java.util.Arrays.stream(relay.getReceivedMessages())
              .filter(m -> {
                try {
                  return m.getSubject() != null && m.getSubject().startsWith("サーバ ID 発行のお知らせ");
                } catch (jakarta.mail.MessagingException e) {
                  return false;
                }
              })
              .map(m -> {
                try {
                  return m.getMessageID();
                } catch (jakarta.mail.MessagingException e) {
                  return "";
                }
              })
              .distinct()
              .count();
      if (mails >= expected) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the certificate mails did not all arrive");
  }
}
