package org.cabackoffice.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.cabackoffice.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.server.ResponseStatusException;

/**
 * The outbox against a real database (Flyway schema, Hibernate validation) and a real SMTP server
 * on a random port. Not the application context: only JPA, the outbox and its dispatcher. H2 in
 * memory by default; the failsafe PostgreSQL run passes {@code spring.datasource.url}.
 */
@DataJpaTest(showSql = false)
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = OutboxDeliveryIT.Setup.class)
// The outbox must see committed data like in production: no test-managed transaction.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class OutboxDeliveryIT {

  private static final Instant START = Instant.parse("2026-04-30T01:00:00Z");
  private static final String SUBJECT = "サーバ ID 発行のお知らせ (グローバル・サーバ ID)";
  private static final String BODY =
      "証明書を発行しました。\nダウンロード: https://backoffice.example/d/one-time-token-4711\n";
  private static final byte[] CERTIFICATE =
      "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
          .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INTERMEDIATE = {0x30, (byte) 0x82, 0x01, 0x0a, 0x00, (byte) 0xff};

  private static GreenMail smtp;

  @Autowired OutboxMailRepository mails;
  @Autowired MailOutbox outbox;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired OutboxController controller;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired MutableClock clock;
  @Autowired PlatformTransactionManager transactionManager;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add(
        "spring.datasource.url",
        () -> System.getProperty("spring.datasource.url", "jdbc:h2:mem:outbox;DB_CLOSE_DELAY=-1"));
    registry.add(
        "spring.datasource.username", () -> System.getProperty("spring.datasource.username", "sa"));
    registry.add(
        "spring.datasource.password", () -> System.getProperty("spring.datasource.password", ""));
  }

  @BeforeAll
  static void startSmtp() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    smtp.stop();
  }

  @BeforeEach
  void reset() throws Exception {
    mails.deleteAllInBatch();
    smtp.purgeEmailFromAllMailboxes();
    mailSender.setPort(smtp.getSmtp().getPort());
    clock.set(START);
  }

  @Test
  void sendsJapaneseMailWithAttachmentsThroughSmtp() throws Exception {
    inTransaction(() -> outbox.enqueue(issuanceMail("issue-1")));

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo(SUBJECT);
    assertThat(((InternetAddress) message.getFrom()[0]).getAddress())
        .isEqualTo("isporders@backoffice.example");
    assertThat(message.getAllRecipients()[0].toString()).isEqualTo("tech@example.co.jp");
    List<Part> parts = leaves(message);
    assertThat(parts.get(0).isMimeType("text/plain")).isTrue();
    assertThat(parts.get(0).getContentType()).containsIgnoringCase("UTF-8");
    // SMTP carries CRLF line ends.
    assertThat(parts.get(0).getContent().toString().replace("\r\n", "\n")).isEqualTo(BODY);
    assertThat(parts).hasSize(3);
    assertThat(MimeUtility.decodeText(parts.get(1).getFileName())).isEqualTo("server.pem");
    assertThat(bytes(parts.get(1))).isEqualTo(CERTIFICATE);
    assertThat(MimeUtility.decodeText(parts.get(2).getFileName())).isEqualTo("中間CA証明書.cer");
    assertThat(parts.get(2).isMimeType("application/pkix-cert")).isTrue();
    assertThat(bytes(parts.get(2))).isEqualTo(INTERMEDIATE);

    OutboxMail stored = mails.findAll().get(0);
    assertThat(stored.getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(stored.getSentAt()).isEqualTo(START);
    assertThat(stored.getClaimToken()).isNull();
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void senderNamedByTheMailWinsOverTheDefault() throws Exception {
    inTransaction(
        () ->
            outbox.enqueue(
                new OutgoingMail("consent-1", null, "admin@example.jp", "ドメイン名使用権確認", "本文", null)
                    .withFrom("CA Back Office <as-help@backoffice.example>")));

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    InternetAddress from = (InternetAddress) smtp.getReceivedMessages()[0].getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("as-help@backoffice.example");
    assertThat(from.getPersonal()).isEqualTo("CA Back Office");
  }

  @Test
  void sameDedupKeyIsStoredOnce() {
    inTransaction(() -> outbox.enqueue(issuanceMail("issue-2")));
    inTransaction(() -> outbox.enqueue(issuanceMail("issue-2")));
    inTransaction(
        () -> {
          outbox.enqueue(issuanceMail("issue-3"));
          outbox.enqueue(issuanceMail("issue-3"));
        });

    assertThat(mails.count()).isEqualTo(2);
    assertThat(dispatcher.dispatchDue()).isEqualTo(2);
    inTransaction(() -> outbox.enqueue(issuanceMail("issue-2")));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  void rolledBackStepMailsNothing() {
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    tx.executeWithoutResult(
        status -> {
          outbox.enqueue(issuanceMail("issue-4"));
          status.setRollbackOnly();
        });

    assertThat(mails.count()).isZero();
  }

  @Test
  void enqueueOutsideATransactionIsRefused() {
    assertThatThrownBy(() -> outbox.enqueue(issuanceMail("issue-5")))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void failingSmtpBacksOffThenFailsThenOperatorRetries() throws Exception {
    mailSender.setPort(closedPort());
    inTransaction(() -> outbox.enqueue(issuanceMail("issue-6")));

    assertThat(dispatcher.dispatchDue()).isZero();
    OutboxMail first = only();
    assertThat(first.getStatus()).isEqualTo(OutboxStatus.PENDING);
    assertThat(first.getAttempts()).isEqualTo(1);
    assertThat(first.getNextAttemptAt()).isEqualTo(START.plusSeconds(30));
    assertThat(first.getLastError()).contains("MailSendException").doesNotContain("token-4711");

    // Not due yet: nothing is tried.
    clock.advance(Duration.ofSeconds(29));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(only().getAttempts()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    dispatcher.dispatchDue();
    OutboxMail second = only();
    assertThat(second.getAttempts()).isEqualTo(2);
    assertThat(second.getNextAttemptAt()).isEqualTo(START.plusSeconds(30 + 60));

    clock.advance(Duration.ofSeconds(60));
    dispatcher.dispatchDue();
    OutboxMail failed = only();
    assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(3);
    clock.advance(Duration.ofHours(2));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(only().getAttempts()).isEqualTo(3);

    assertThat(controller.list("failed", 100))
        .singleElement()
        .satisfies(
            view -> {
              assertThat(view.dedupKey()).isEqualTo("issue-6");
              assertThat(view.subject()).isEqualTo(SUBJECT);
              assertThat(view.attachments()).containsExactly("server.pem", "中間CA証明書.cer");
              assertThat(view.toString()).doesNotContain("token-4711");
            });
    assertThat(controller.list("PENDING", 100)).isEmpty();

    mailSender.setPort(smtp.getSmtp().getPort());
    OutboxMailView retried = controller.retry(failed.getId());
    assertThat(retried.status()).isEqualTo(OutboxStatus.PENDING);
    assertThat(retried.attempts()).isZero();
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(only().getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    assertThatThrownBy(() -> controller.retry(failed.getId()))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
    assertThatThrownBy(() -> controller.retry(failed.getId() + 1000))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    assertThatThrownBy(() -> controller.list("LOST", 100))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getReason()).contains("PENDING, SENDING, SENT, FAILED"));
  }

  @Test
  void onlyOneNodeWinsTheClaim() {
    inTransaction(() -> outbox.enqueue(issuanceMail("issue-7")));
    Long id = only().getId();

    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    Integer nodeA =
        tx.execute(s -> mails.claim(id, "node-a", START, OutboxStatus.PENDING, OutboxStatus.SENDING));
    Integer nodeB =
        tx.execute(s -> mails.claim(id, "node-b", START, OutboxStatus.PENDING, OutboxStatus.SENDING));

    assertThat(nodeA).isEqualTo(1);
    assertThat(nodeB).isZero();
    // The claimed mail is not sent again by this node's dispatcher while the lease runs.
    assertThat(dispatcher.dispatchDue()).isZero();
    // A node whose claim is not the current one cannot record a result.
    Integer lateResult =
        tx.execute(s -> mails.markSent(id, "node-b", START, OutboxStatus.SENDING, OutboxStatus.SENT));
    assertThat(lateResult).isZero();
  }

  @Test
  void mailOfANodeThatDiedWhileSendingIsSentAfterTheLease() {
    inTransaction(() -> outbox.enqueue(issuanceMail("issue-8")));
    Long id = only().getId();
    new TransactionTemplate(transactionManager)
        .execute(s -> mails.claim(id, "dead-node", START, OutboxStatus.PENDING, OutboxStatus.SENDING));

    clock.advance(Duration.ofMinutes(5));
    assertThat(dispatcher.dispatchDue()).isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    OutboxMail sent = only();
    assertThat(sent.getStatus()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.getAttempts()).isEqualTo(1);
    assertThat(sent.getLastError()).isNull();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aMailSentTwiceAfterACrashCarriesOneMessageId() throws Exception {
    inTransaction(() -> outbox.enqueue(issuanceMail("issue-twice")));
    Long id = only().getId();
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    // The relay took the mail but the node died before recording it: the lease hands it out again.
    new TransactionTemplate(transactionManager)
        .execute(s -> mails.claim(id, "dead-node", START, OutboxStatus.SENT, OutboxStatus.SENDING));
    clock.advance(Duration.ofMinutes(6));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getMessageID())
        .isEqualTo(received[1].getMessageID())
        .startsWith("<outbox." + id + ".")
        .endsWith("@backoffice.example>");
  }

  @Test
  void malformedRecipientFailsAtOnce() {
    inTransaction(
        () ->
            outbox.enqueue(
                new OutgoingMail("issue-9", null, "not an address@@", SUBJECT, BODY, null)));

    assertThat(dispatcher.dispatchDue()).isZero();

    OutboxMail failed = only();
    assertThat(failed.getStatus()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.getAttempts()).isEqualTo(1);
    assertThat(failed.getLastError()).contains("AddressException");
  }

  private OutboxMail only() {
    List<OutboxMail> all = mails.findAll();
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private void inTransaction(Runnable work) {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
  }

  private static OutgoingMail issuanceMail(String dedupKey) {
    return new OutgoingMail(
        dedupKey,
        null,
        "tech@example.co.jp",
        SUBJECT,
        BODY,
        List.of(
            new OutgoingMail.Attachment("server.pem", "application/x-pem-file", CERTIFICATE),
            new OutgoingMail.Attachment("中間CA証明書.cer", "application/pkix-cert", INTERMEDIATE)));
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static List<Part> leaves(Part part) throws Exception {
    List<Part> out = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        out.addAll(leaves(multipart.getBodyPart(i)));
      }
    } else {
      out.add(part);
    }
    return out;
  }

  private static byte[] bytes(Part part) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    part.getDataHandler().writeTo(out);
    return out.toByteArray();
  }

  @Configuration
  @EntityScan(basePackageClasses = OutboxMail.class)
  @EnableJpaRepositories(basePackageClasses = OutboxMail.class)
  @Import({MailOutbox.class, OutboxDispatcher.class, OutboxController.class})
  static class Setup {

    @Bean
    MutableClock clock() {
      return new MutableClock(START);
    }

    @Bean
    JavaMailSenderImpl mailSender() {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
      sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
      return sender;
    }

    @Bean
    MailDeliveryProperties mailDeliveryProperties() {
      return new MailDeliveryProperties(
          "CA Back Office <isporders@backoffice.example>",
          3,
          20,
          Duration.ofMinutes(5),
          Duration.ofSeconds(30),
          Duration.ofHours(1),
          new MailDeliveryProperties.Dispatcher(false),
          new MailDeliveryProperties.Catcher(false, "127.0.0.1", 0, 0));
    }
  }
}
