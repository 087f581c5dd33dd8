package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
        for (int n = 1; n <= 10; n++) {
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

        // The burst through node A, then A dies.
        for (int n = 1; n <= 2; n++) {
          domains.put(viaA.apply("two-nodes-" + n + ".jp"), "two-nodes-" + n + ".jp");
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
        b.stop();

        ExactlyOnce.Findings found = ExactlyOnce.check(db, relay, domains, a.log() + b.log());
        assertThat(found.mailCopies()).as("the outbox sent each mail once").isZero();
        long mails = db.count("select count(*) from outbox_mail");
        System.out.printf(
            "FAULT two-node: applications=%d completed=%d duplicates=%d recovery=%.0fs database=PostgreSQL"
                + " mails=%d mail-copies=%d (node A killed, B finished) at-kill: %s%n",
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
}
