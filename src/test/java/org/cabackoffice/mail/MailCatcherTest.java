package org.cabackoffice.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.server.ResponseStatusException;

/** The catcher as the application wires it: its own sender, random ports, reading back. */
class MailCatcherTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(MailCatcherConfiguration.class, DevMailController.class)
          .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
          .withPropertyValues(
              "spring.mail.host=127.0.0.1",
              "spring.mail.port=1",
              "spring.mail.default-encoding=UTF-8",
              "backoffice.mail.catcher.smtp-port=0",
              "backoffice.mail.catcher.imap-port=0");

  @Test
  void senderReachesTheCatcherOnItsRandomPortAndMailsCanBeRead() {
    context
        .withPropertyValues("backoffice.mail.catcher.enabled=true")
        .run(
            app -> {
              MailCatcher catcher = app.getBean(MailCatcher.class);
              JavaMailSender sender = app.getBean(JavaMailSender.class);
              assertThat(catcher.smtpPort()).isPositive().isNotEqualTo(3025);
              assertThat(((JavaMailSenderImpl) sender).getPort()).isEqualTo(catcher.smtpPort());

              send(sender, "tech@example.co.jp", "サーバ ID 発行のお知らせ (セキュア・サーバ ID)");
              send(sender, "admin@example.jp", "ドメイン名使用権確認のお願い");

              DevMailController controller = app.getBean(DevMailController.class);
              assertThat(controller.list(null)).hasSize(2);
              assertThat(controller.list("TECH@example.co.jp"))
                  .singleElement()
                  .satisfies(
                      mail -> {
                        assertThat(mail.mailbox()).isEqualTo("tech@example.co.jp");
                        assertThat(mail.to()).containsExactly("tech@example.co.jp");
                        assertThat(mail.from())
                            .containsExactly("認証局 <isporders@backoffice.example>");
                        assertThat(mail.subject())
                            .isEqualTo("サーバ ID 発行のお知らせ (セキュア・サーバ ID)");
                        assertThat(mail.text()).contains("証明書を添付します。");
                        assertThat(mail.attachments()).containsExactly("サーバ証明書.pem");
                        assertThat(mail.receivedAt()).isNotNull();
                      });
              assertThat(controller.list("nobody@example.com")).isEmpty();
              assertThatThrownBy(() -> controller.list("tech"))
                  .isInstanceOf(ResponseStatusException.class)
                  .hasMessageContaining("e-mail address");

              // The README's other way in: IMAP with any password.
              Store store = Session.getInstance(new Properties()).getStore("imap");
              store.connect(catcher.host(), catcher.imapPort(), "tech@example.co.jp", "anything");
              try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                assertThat(inbox.getMessageCount()).isEqualTo(1);
                assertThat(inbox.getMessage(1).getSubject())
                    .isEqualTo("サーバ ID 発行のお知らせ (セキュア・サーバ ID)");
                inbox.close(false);
              } finally {
                store.close();
              }
            });
  }

  @Test
  void stoppedWithTheContext() {
    MailCatcher[] catcher = new MailCatcher[1];
    context
        .withPropertyValues("backoffice.mail.catcher.enabled=true")
        .run(app -> catcher[0] = app.getBean(MailCatcher.class));

    assertThat(catcher[0].isRunning()).isFalse();
  }

  @Test
  void absentWhenDisabled() {
    context.run(
        app -> {
          assertThat(app).doesNotHaveBean(MailCatcher.class);
          assertThat(app).doesNotHaveBean(DevMailController.class);
          // Boot's sender from spring.mail.* is the one in use then.
          assertThat(app.getBean(JavaMailSenderImpl.class).getPort()).isEqualTo(1);
        });
  }

  private static void send(JavaMailSender sender, String to, String subject) throws Exception {
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
    helper.setFrom("認証局 <isporders@backoffice.example>");
    helper.setTo(to);
    helper.setSubject(subject);
    helper.setText("証明書を添付します。\nThe certificate is attached.", false);
    helper.setEncodeFilenames(true);
    helper.addAttachment(
        "サーバ証明書.pem",
        new ByteArrayResource("-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII)),
        "application/x-pem-file");
    sender.send(message);
  }
}
