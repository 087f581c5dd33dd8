package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cabackoffice.mail.MailDeliveryProperties;
import org.cabackoffice.mail.OutboxDispatcher;
import org.cabackoffice.mail.OutboxMail;
import org.cabackoffice.mail.OutboxMailRepository;
import org.cabackoffice.mail.OutboxStatus;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The mail server is down while applications produce mail (issue 13): the mails wait in the
 * outbox, are tried again on the back-off schedule, and go once the server is back, each exactly
 * once, none lost.
 *
 * <p>The application's own outbox and process run unchanged; the dispatcher that sends is the
 * production class on its timer, bound from {@code backoffice.mail.*} properties with the retry
 * delays shortened (200 ms doubling to 1 s, instead of 30 s doubling to 1 h), talking to an SMTP
 * server (GreenMail) this test stops and starts on one port. With the production delays the
 * same outage of minutes is bridged by the same code: 8 attempts span 30 s + 1 + 2 + … + 32 min,
 * about 63 minutes, before a mail is FAILED and waits for an operator's retry
 * ({@code POST /api/mail/outbox/{id}/retry}).
 */
class SmtpOutageIT extends BackOfficeIT {

  private static final int APPLICATIONS = 3;
  /** How many failed tries each mail must have behind it before the server comes back. */
  private static final int ATTEMPTS_DURING_OUTAGE = 3;

  @Autowired OutboxMailRepository outboxMails;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JavaMailSenderImpl applicationSender;

  @Test
  void mailsWaitWhileTheMailServerIsDownAndGoOnceWhenItReturns() throws Exception {
    int port = freeLoopbackPort();
    OutboxDispatcher dispatcher = dispatcherSendingTo(port);
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    GreenMail smtp = null;
    try {
      // As OutboxDispatchSchedule: every node runs the dispatcher on a short fixed delay.
      timer.scheduleWithFixedDelay(
          () -> {
            try {
              dispatcher.dispatchDue();
            } catch (RuntimeException e) {
              // The schedule keeps running whatever one run met; the outbox rows say what happened.
            }
          },
          0,
          100,
          TimeUnit.MILLISECONDS);

      List<Long> applications = new ArrayList<>();
      for (int i = 1; i <= APPLICATIONS; i++) {
        applications.add(apply("sample-smtp-outage" + i + ".jp"));
      }
      runJobs(); // registrant lookups: each application's DNS change challenge is mailed
      List<OutboxMail> produced = mailsOf(applications);
      // Each application's confirmation on applying (guide [2-1] 4.) and its DNS change challenge.
      assertThat(produced).as("two mails per application").hasSize(2 * APPLICATIONS);

      waitFor(
          Duration.ofSeconds(60),
          "every mail tried " + ATTEMPTS_DURING_OUTAGE + " times while the server is down",
          () -> mailsOf(applications).stream().allMatch(m -> m.getAttempts() >= ATTEMPTS_DURING_OUTAGE));
      List<OutboxMail> waiting = mailsOf(applications);
      assertThat(waiting)
          .allSatisfy(
              mail -> {
                assertThat(mail.getStatus()).isIn(OutboxStatus.PENDING, OutboxStatus.SENDING);
                assertThat(mail.getSentAt()).isNull();
                assertThat(mail.getLastError()).containsIgnoringCase("connect");
              });
      int attemptsDuringOutage = waiting.stream().mapToInt(OutboxMail::getAttempts).sum();

      smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      long back = System.nanoTime();
      waitFor(
          Duration.ofSeconds(30),
          "every mail SENT after the server came back",
          () -> mailsOf(applications).stream().allMatch(m -> m.getStatus() == OutboxStatus.SENT));
      long recoveryMillis = (System.nanoTime() - back) / 1_000_000;
      // A few more dispatch runs: a mail sent twice would show now.
      Thread.sleep(500);
      timer.shutdown();
      assertThat(timer.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

      Map<String, Integer> copies = new HashMap<>();
      for (MimeMessage received : smtp.getReceivedMessages()) {
        copies.merge(received.getMessageID(), 1, Integer::sum);
      }
      List<OutboxMail> sent = mailsOf(applications);
      int duplicates = 0;
      for (OutboxMail mail : sent) {
        String messageId = messageIdOf(smtp, mail);
        assertThat(messageId).as("mail %s arrived", mail.getDedupKey()).isNotNull();
        duplicates += copies.get(messageId) - 1;
      }
      assertThat(duplicates).as("copies beyond the first").isZero();
      assertThat(sent).allSatisfy(mail -> assertThat(mail.getRecipient()).isEqualTo(CUSTOMER));
      System.out.printf(
          "FAULT smtp-down: applications=%d mails=%d delivered=%d lost=0 duplicates=%d"
              + " failed-attempts-during-outage=%d recovery=%d ms%n",
          APPLICATIONS, produced.size(), sent.size(), duplicates, attemptsDuringOutage, recoveryMillis);
    } finally {
      timer.shutdownNow();
      if (smtp != null) {
        smtp.stop();
      }
    }
  }

  private long apply(String domain) throws Exception {
    WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(),
            "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
            List.of("www." + domain));
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications",
                CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                Map.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    return ((Number) created.getBody().get("id")).longValue();
  }

  private List<OutboxMail> mailsOf(List<Long> applications) {
    List<OutboxMail> mails = new ArrayList<>();
    for (Long id : applications) {
      mails.addAll(outboxMails.findByApplicationIdOrderByIdAsc(id, OutboxMail.class));
    }
    return mails;
  }

  /** The production dispatcher, configured as {@code backoffice.mail.*} would configure it. */
  private OutboxDispatcher dispatcherSendingTo(int port) {
    MailDeliveryProperties properties =
        new Binder(
                new MapConfigurationPropertySource(
                    Map.of(
                        "backoffice.mail.first-retry-delay", "200ms",
                        "backoffice.mail.max-retry-delay", "1s")))
            .bindOrCreate("backoffice.mail", MailDeliveryProperties.class);
    assertThat(properties.maxAttempts()).as("the production number of attempts").isEqualTo(8);
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    sender.setDefaultEncoding(applicationSender.getDefaultEncoding());
    sender.setJavaMailProperties(applicationSender.getJavaMailProperties());
    return new OutboxDispatcher(
        outboxMails, sender, properties, transactionManager, Clock.systemUTC());
  }

  private static String messageIdOf(GreenMail smtp, OutboxMail mail) throws Exception {
    for (MimeMessage received : smtp.getReceivedMessages()) {
      String id = received.getMessageID();
      if (id != null && id.startsWith("<outbox." + mail.getId() + ".")) {
        return id;
      }
    }
    return null;
  }

  private static void waitFor(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      Thread.sleep(50);
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
