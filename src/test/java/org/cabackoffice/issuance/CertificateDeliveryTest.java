package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateDeliveryTest {

  private static final Clock CLOCK = TestFixtures.clockAt("2026-01-10T03:00:00Z");

  @TempDir Path dir;
  private final List<OutgoingMail> outbox = new ArrayList<>();
  private CertificateAuthority authority;
  private IssuedCertificate certificate;
  private CertificateDelivery delivery;

  @BeforeEach
  void setUp() throws Exception {
    authority = TestFixtures.authority(dir, CLOCK);
    certificate =
        new CertificateIssuer(authority, new PreIssuanceLint(), new TestFixtures.InMemoryCertificates(), new TestFixtures.InMemorySignings(), org.springframework.transaction.support.TransactionOperations.withoutTransaction(), CLOCK)
            .issue(TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.co.jp", List.of()));
    delivery = new CertificateDelivery(new MailTemplates(), outbox::add, authority);
  }

  @Test
  void mailCarriesCertificateAndIntermediateInlineAndAttached() {
    delivery.mail(certificate, "tech@example.co.jp", "グローバル・サーバ ID", "Global Server ID");

    assertThat(outbox).hasSize(1);
    OutgoingMail mail = outbox.get(0);
    String intermediatePem = CertificatePem.encode(authority.issuingCertificate());
    assertThat(mail.subject()).isEqualTo("サーバ ID 発行のお知らせ (グローバル・サーバ ID)");
    assertThat(mail.to()).isEqualTo("tech@example.co.jp");
    assertThat(mail.from()).isNull();
    assertThat(mail.dedupKey()).isEqualTo("certificate-issued/" + certificate.serial());
    assertThat(mail.body())
        .contains(certificate.pem().strip())
        .contains(intermediatePem.strip())
        .contains("www.example.co.jp")
        .contains(certificate.serial())
        .contains("2026-01-10 12:00:00 JST") // notBefore in Japan time
        .contains("お申し込みいただいた グローバル・サーバ ID を発行いたしました")
        .contains("Your Global Server ID has been issued");
    String englishHalf = mail.body().substring(mail.body().indexOf("has been issued"));
    assertThat(englishHalf).doesNotContain("グローバル・サーバ ID");
    assertThat(mail.body().indexOf("発行いたしました")).isLessThan(mail.body().indexOf("has been issued"));
    assertThat(mail.attachments())
        .extracting(OutgoingMail.Attachment::filename, OutgoingMail.Attachment::contentType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("server.crt", "application/x-pem-file"),
            org.assertj.core.groups.Tuple.tuple("intermediate.crt", "application/x-pem-file"));
    assertThat(new String(mail.attachments().get(0).content(), StandardCharsets.US_ASCII)).isEqualTo(certificate.pem());
    assertThat(new String(mail.attachments().get(1).content(), StandardCharsets.US_ASCII)).isEqualTo(intermediatePem);
  }

  @Test
  void retriedDeliveryUsesTheSameDedupKey() {
    delivery.mail(certificate, "tech@example.co.jp", "セキュア・サーバ ID", "Secure Server ID");
    delivery.mail(certificate, "tech@example.co.jp", "セキュア・サーバ ID", "Secure Server ID");

    assertThat(outbox).extracting(OutgoingMail::dedupKey).containsOnly("certificate-issued/" + certificate.serial());
    assertThat(outbox.get(0).subject()).isEqualTo("サーバ ID 発行のお知らせ (セキュア・サーバ ID)");
  }

  @Test
  void certificateOfAnotherIssuingCaIsNotMailedWithTheWrongIntermediate(@TempDir Path otherDir) {
    // Same default names, different keys: only the signature tells the issuing CAs apart.
    CertificateAuthority rekeyed = TestFixtures.authority(otherDir, CLOCK);
    CertificateDelivery rekeyedDelivery = new CertificateDelivery(new MailTemplates(), outbox::add, rekeyed);

    assertThatThrownBy(() -> rekeyedDelivery.mail(certificate, "tech@example.co.jp", "グローバル・サーバ ID", "Global Server ID"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not issued by the current issuing CA");
    assertThat(outbox).isEmpty();
  }

  @Test
  void missingRecipientIsRefused() {
    assertThatThrownBy(() -> delivery.mail(certificate, " ", "グローバル・サーバ ID", "Global Server ID"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(outbox).isEmpty();
  }
}
