package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.payment.Payments;
import org.cabackoffice.payment.RecordedPayment;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transfer recorded in the moment the payment stage begins (seen in a PostgreSQL load run, 40
 * applications with four drivers): the stage read the invoice open, the payment committed and
 * found no process waiting, then the stage committed its wait for the money, and waited until the
 * due date refused the paid application. The stage now reads the invoice under its row lock, so
 * the payment waits for the stage's commit and finds the process waiting.
 */
class PaymentWhileTheStageBeginsIT extends BackOfficeIT {

  static final String DOMAIN = "sample-paid-meanwhile.jp";

  @Autowired Payments payments;
  @Autowired PlatformTransactionManager transactions;

  @BeforeAll
  static void registry() {
    WHOIS.answer(DOMAIN, jprsRecord(DOMAIN, "Sample K.K.", "hostmaster@sample.co.jp"));
  }

  @Test
  void aPaymentRecordedWhileTheStageReadsTheInvoiceReachesTheProcessAtOnce() throws Exception {
    long id = submit();
    runJobs();
    String process = processInstanceId(id);
    ProcessInstanceModificationBuilder toPaymentStage =
        runtime.createProcessInstanceModification(process).startBeforeActivity("issue-invoice");
    for (ActivityInstance running : runtime.getActivityInstance(process).getChildActivityInstances()) {
      toPaymentStage.cancelActivityInstance(running.getId());
    }
    toPaymentStage.execute(true, true);
    String issueInvoice =
        management.createJobQuery().processInstanceId(process).activityId("issue-invoice").singleResult().getId();
    @SuppressWarnings("unchecked")
    Map<String, Object> invoice = as("officer", "officer").getForObject("/api/applications/" + id + "/invoice", Map.class);
    long total = ((Number) invoice.get("totalYen")).longValue();

    // The stage's transaction stays open a moment after it read the invoice open and reached its
    // wait; the payment comes from another thread in that moment.
    java.util.concurrent.CountDownLatch stageRead = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CompletableFuture<RecordedPayment> paying = new java.util.concurrent.CompletableFuture<>();
    Thread officer =
        new Thread(
            () -> {
              try {
                stageRead.await();
                paying.complete(payments.record(id, total, LocalDate.now(BusinessCalendar.ZONE), "ｶ)ｻﾝﾌﾟﾙ", "officer"));
              } catch (Throwable e) {
                paying.completeExceptionally(e);
              }
            });
    officer.start();
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            stage -> {
              management.executeJob(issueInvoice);
              stageRead.countDown();
              try {
                Thread.sleep(1000); // well below H2's lock timeout, which the payment waits at most
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    RecordedPayment recorded = paying.get(30, java.util.concurrent.TimeUnit.SECONDS);

    // The payment waited for the stage's commit (the invoice row's lock), then found it waiting.
    assertThat(recorded.processNotified()).as(String.valueOf(recorded.processNote())).isTrue();
    assertThat(waitingForPayment(process)).as("the process took the payment and went on").isFalse();
    assertThat(payments.ofInvoice(recorded.payment().getInvoiceId()).orElseThrow().isProcessNotified()).isTrue();
    assertThat(payments.tellUnheard(Instant.now().minusSeconds(3600))).as("nothing left for the later look").isZero();
  }

  private boolean waitingForPayment(String process) {
    return runtime.createExecutionQuery().processInstanceId(process).activityId("wait-for-payment").count() > 0;
  }

  private long submit() throws Exception {
    String name = "www." + DOMAIN;
    String csr = CsrFactory.pem(CsrFactory.p256(), "CN=" + name + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of(name));
    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications", CertificateApplicationIT.form("GLOBAL_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null), Map.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return ((Number) created.getBody().get("id")).longValue();
  }
}
