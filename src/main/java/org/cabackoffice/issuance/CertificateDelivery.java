package org.cabackoffice.issuance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.mail.OutgoingMail;
import org.springframework.stereotype.Service;

/**
 * Mails the certificate and the intermediate (issuing CA) certificate to the technical contact,
 * guide [5-1]: subject 「サーバ ID 発行のお知らせ (product)」, both certificates in the body so
 * they can be pasted into the server, and as server.crt / intermediate.crt attachments.
 */
@Service
public class CertificateDelivery {

  static final String TEMPLATE = "certificate-issued";
  static final String PEM_FILE = "application/x-pem-file";
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'JST'").withZone(BusinessCalendar.ZONE);

  private final MailTemplates templates;
  private final Outbox outbox;
  private final CertificateAuthority authority;

  private final CertificateChains chains;

  public CertificateDelivery(MailTemplates templates, Outbox outbox, CertificateAuthority authority) {
    this.templates = templates;
    this.outbox = outbox;
    this.authority = authority;
    this.chains = new CertificateChains(authority);
  }

  /**
   * Puts the issuance mail in the outbox. The dedup key is the serial, so a retried job never
   * mails the same certificate twice.
   *
   * @param productNameJa as the guide names it in the subject and the Japanese half: "グローバル・サーバ
   *     ID", "セキュア・サーバ ID", or "EV SSL サーバ証明書"
   * @param productNameEn the same product in the English half, for agencies abroad
   */
  public void mail(
      IssuedCertificate certificate,
      String technicalContactEmail,
      String productNameJa,
      String productNameEn) {
    mail(certificate, technicalContactEmail, productNameJa, productNameEn, false);
  }

  /**
   * As above; with {@code withPkcs7} the mail also carries the chain as server-chain.p7b, which
   * Microsoft IIS installs with the intermediate in one step (guide [5-2]).
   */
  public void mail(
      IssuedCertificate certificate,
      String technicalContactEmail,
      String productNameJa,
      String productNameEn,
      boolean withPkcs7) {
    if (technicalContactEmail == null || technicalContactEmail.isBlank()) {
      throw new IllegalArgumentException("no technical contact e-mail to deliver to");
    }
    if (productNameJa == null || productNameJa.isBlank()
        || productNameEn == null || productNameEn.isBlank()) {
      throw new IllegalArgumentException("no product name for the subject and both halves");
    }
    X509Certificate issued = CertificatePem.parse(certificate.pem()).get(0);
    X509Certificate intermediate = authority.issuingCertificate();
    // After a CA rollover or re-key the current issuing CA may not be this certificate's issuer;
    // a wrong intermediate breaks the customer's chain, so check the signature, not just the name.
    if (!Arrays.equals(
            issued.getIssuerX500Principal().getEncoded(),
            intermediate.getSubjectX500Principal().getEncoded())
        || !signedBy(issued, intermediate)) {
      throw new IllegalStateException(
          "certificate " + certificate.serial() + " was not issued by the current issuing CA");
    }
    String certificatePem = certificate.pem();
    String intermediatePem = CertificatePem.encode(intermediate);
    Map<String, Object> model =
        Map.of(
            "productNameJa", productNameJa,
            "productNameEn", productNameEn,
            "commonName", certificate.commonName() == null ? "" : certificate.commonName(),
            "dnsNames", String.join(", ", certificate.dnsNames()),
            "serial", certificate.serial(),
            "notBefore", format(certificate.notBefore()),
            "notAfter", format(certificate.notAfter()),
            "certificatePem", certificatePem.strip(),
            "intermediatePem", intermediatePem.strip());
    List<OutgoingMail.Attachment> attachments =
        new java.util.ArrayList<>(
            List.of(
                new OutgoingMail.Attachment(
                    "server.crt", PEM_FILE, certificatePem.getBytes(StandardCharsets.US_ASCII)),
                new OutgoingMail.Attachment(
                    "intermediate.crt", PEM_FILE, intermediatePem.getBytes(StandardCharsets.US_ASCII))));
    if (withPkcs7) {
      attachments.add(
          new OutgoingMail.Attachment(
              "server-chain.p7b", CertificateChains.PKCS7_TYPE, chains.pkcs7(certificate)));
    }
    OutgoingMail mail =
        templates.compose(
            TEMPLATE + "/" + certificate.serial(),
            TEMPLATE,
            technicalContactEmail,
            model,
            attachments);
    outbox.enqueue(mail.about(certificate.applicationId()));
  }

  private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String format(Instant instant) {
    return DATE_TIME.format(instant);
  }
}
