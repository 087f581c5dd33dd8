package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cabackoffice.it.BackOfficeIT;
import org.cabackoffice.testsupport.CsrFactory;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A finalize sent while the order's process is between its look at the order and its wait for the
 * CSR: the look read the order pending, and its wait was not committed yet when the finalize
 * looked for a waiting process. Without the row lock both take, the finalize found none and the
 * order stayed processing until the wait's one-minute timer looked again (slow certbot runs in
 * CI). The finalize must reach the process at once.
 */
class AcmeFinalizeWhileTheOrderIsLookedAtIT extends BackOfficeIT {

  static final String NAME = "finalize-race.sample-direct.jp";

  @Autowired AcmeOrderRepository orders;
  @Autowired AcmeAuthorizationRepository authorizations;
  @Autowired AcmeAccountRepository accounts;
  @Autowired AcmeOrders acmeOrders;
  @Autowired AcmeOrderProcess process;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aFinalizeDuringTheLookReachesTheProcessWithoutWaitingForTheTimer() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String thumbprint = "finalize-race-" + System.nanoTime();
    jdbc.update("insert into acme_account (key_thumbprint, jwk, customer_account_id, organization_entry_id, eab_kid, status, created_at)"
        + " values (?, '{}', 1, 1, 'eab-finalize-race', 'valid', ?)", thumbprint, java.sql.Timestamp.from(now));
    AcmeAccount account = accounts.findByKeyThumbprint(thumbprint).orElseThrow();
    AcmeAuthorization authorization =
        new AcmeAuthorization(account.getId(), NAME, now, now.plus(7, ChronoUnit.DAYS));
    authorization.validated(AcmeChallenge.HTTP_01, now, now.plus(10, ChronoUnit.DAYS));
    authorization = authorizations.save(authorization);
    AcmeOrder ready = new AcmeOrder(account.getId(), List.of(NAME), now, now.plus(7, ChronoUnit.DAYS));
    ready.authorizedBy(List.of(authorization.getId()));
    long orderId = orders.save(ready).getId();
    process.start(orderId, "http://127.0.0.1/acme/account/" + account.getId());
    String instance = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(AcmeOrderVariables.businessKey(orderId)).singleResult().getId();

    CountDownLatch looked = new CountDownLatch(1);
    CountDownLatch finalized = new CountDownLatch(1);
    ExecutorService node = Executors.newSingleThreadExecutor();
    try {
      // The step that ends the identity stage (its job, or the officer's answer) and looks at the
      // order, in a transaction that commits only after the finalize had its chance: at most a
      // second, within H2's lock timeout, as the finalize waits on the order's row when it works.
      Future<?> step = node.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
        ProcessInstanceModificationBuilder toDomainStage = runtime.createProcessInstanceModification(instance)
            .startBeforeActivity(AcmeOrderVariables.Activities.DOMAIN_STAGE);
        for (ActivityInstance running : runtime.getActivityInstance(instance).getChildActivityInstances()) {
          toDomainStage.cancelActivityInstance(running.getId());
        }
        toDomainStage.execute(true, true); // reads the order pending and enters the wait: not committed yet
        looked.countDown();
        try {
          finalized.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
      assertThat(looked.await(30, TimeUnit.SECONDS)).isTrue();

      AcmeOrder order = acmeOrders.finalizeOrder(account, orderId, finalizePayload());
      finalized.countDown();
      step.get(30, TimeUnit.SECONDS);
      assertThat(order.getStatus()).isEqualTo(AcmeOrder.PROCESSING);
    } finally {
      node.shutdownNow();
    }

    try {
      assertThat(runtime.createExecutionQuery().processInstanceId(instance)
              .activityId(AcmeOrderVariables.Activities.WAIT_FOR_CSR).count())
          .as("the process heard the finalize, not left for the one-minute look").isZero();
      assertThat(management.createJobQuery().processInstanceId(instance)
              .activityId(AcmeOrderVariables.Activities.CHECK_CONTRACT).count())
          .as("the order went on to its payment").isEqualTo(1);
    } finally {
      // Nothing of this order for the other tests' job runs.
      runtime.deleteProcessInstance(instance, "test finished");
    }
  }

  private static ObjectNode finalizePayload() throws Exception {
    KeyPair key = CsrFactory.p256();
    String pem = CsrFactory.pem(key, "CN=" + NAME, List.of(NAME));
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[^-]+-----", ""));
    return new ObjectMapper().createObjectNode().put("csr", Base64.getUrlEncoder().withoutPadding().encodeToString(der));
  }
}
