package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cabackoffice.it.BackOfficeIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order is written by two hands at once: the client (finalize, over HTTP) and the order's
 * process (its steps, in the job executor). Seen in CI: the process's identity step had read the
 * order just before the client's finalize committed, wrote the whole row back, and the order was
 * {@code ready} again with its CSR forgotten; the client polled until its time ran out.
 */
class AcmeOrderWritesIT extends BackOfficeIT {

  @Autowired AcmeOrderRepository orders;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aStepOfTheProcessDoesNotUndoAFinalizeThatCommittedMeanwhile() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String thumbprint = "writes-" + System.nanoTime();
    jdbc.update("insert into acme_account (key_thumbprint, jwk, customer_account_id, organization_entry_id, eab_kid, status, created_at)"
        + " values (?, '{}', 1, 1, 'eab-writes', 'valid', ?)", thumbprint, java.sql.Timestamp.from(now));
    long account = jdbc.queryForObject("select id from acme_account where key_thumbprint = ?", Long.class, thumbprint);
    long id = orders.save(new AcmeOrder(account, List.of("writes.sample-direct.jp"), now, now.plus(1, ChronoUnit.HOURS))).getId();

    TransactionTemplate processStep = new TransactionTemplate(transactions);
    TransactionTemplate finalize = new TransactionTemplate(transactions);
    finalize.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    processStep.executeWithoutResult(step -> {
      AcmeOrder seenByTheStep = orders.findById(id).orElseThrow();
      finalize.executeWithoutResult(client -> {
        AcmeOrder order = orders.findById(id).orElseThrow();
        order.finalizeWith("-----BEGIN CERTIFICATE REQUEST-----", now);
        orders.save(order);
      });
      seenByTheStep.identity(true, "reused: the organization's validation of last month");
      orders.save(seenByTheStep);
    });

    AcmeOrder after = orders.findById(id).orElseThrow();
    assertThat(after.getStatus()).isEqualTo(AcmeOrder.PROCESSING);
    assertThat(after.getFinalizedAt()).isEqualTo(now);
    assertThat(jdbc.queryForObject("select identity_current from acme_order where id = ?", Boolean.class, id)).isTrue();
  }
}
