package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.cabackoffice.mail.CaughtMail;
import org.cabackoffice.renewal.RenewalInvitations;
import org.cabackoffice.revocation.CertificateRevocations;
import org.cabackoffice.revocation.RevocationReason;
import org.cabackoffice.testsupport.CsrFactory;
import org.cabackoffice.testsupport.PreviousSystemCertificate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Certificates nearing expiry: the technical contact is invited once per invitation, Japanese
 * first, naming the certificate and the renewal window; not for a revoked certificate, one
 * already being renewed, or one far from expiry.
 */
class RenewalInvitationIT extends BackOfficeIT {

  @Autowired RenewalInvitations invitations;
  @Autowired CertificateRevocations revocations;

  @Test
  void theTechnicalContactIsInvitedOnceBeforeExpiryUnlessRevokedOrRenewing() throws Exception {
    Instant now = Instant.now();
    Instant issued = now.minus(300, ChronoUnit.DAYS);
    String due = imported("www.renew-due.jp", issued, now.plus(20, ChronoUnit.DAYS));
    String revoked = imported("www.renew-revoked.jp", issued, now.plus(20, ChronoUnit.DAYS));
    String renewing = imported("www.renew-renewing.jp", issued, now.plus(20, ChronoUnit.DAYS));
    imported("www.renew-later.jp", now.minus(100, ChronoUnit.DAYS), now.plus(200, ChronoUnit.DAYS));

    revocations.revoke(revoked, RevocationReason.CESSATION_OF_OPERATION, "officer", "test");
    Map<String, Object> renewal =
        CertificateApplicationIT.form(
            "GLOBAL_SERVER_ID",
            "RENEWAL",
            "BANK_TRANSFER",
            CsrFactory.pem(
                CsrFactory.p256(),
                "CN=www.renew-renewing.jp, O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP",
                List.of("www.renew-renewing.jp")),
            // As a person might type it: upper case with colons.
            colons(renewing.toUpperCase()));
    ResponseEntity<String> applied = customer().postForEntity("/api/applications", renewal, String.class);
    assertThat(applied.getStatusCode()).as(applied.getBody()).isEqualTo(HttpStatus.CREATED);

    invitations.inviteDue();
    invitations.inviteDue(); // a second node, or tomorrow's run before the next invitation is due

    List<CaughtMail> invited =
        mailsTo(CUSTOMER).stream().filter(m -> m.subject().contains("更新のご案内")).toList();
    assertThat(invited).hasSize(1);
    CaughtMail mail = invited.get(0);
    assertThat(mail.subject()).contains("www.renew-due.jp");
    assertThat(mail.text())
        .contains("シリアル番号 : " + due)
        .contains("Serial number : " + due)
        .contains("更新")
        .contains("RENEWAL");
    assertThat(mail.text().indexOf("有効期限")).isLessThan(mail.text().indexOf("expires soon"));
  }

  private String imported(String commonName, Instant notBefore, Instant notAfter) throws Exception {
    PreviousSystemCertificate.Issued certificate =
        PreviousSystemCertificate.issue(commonName, notBefore, notAfter);
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> imported =
        as("admin", "admin")
            .postForEntity(
                "/api/certificates/import?customer=" + CUSTOMER,
                new HttpEntity<>(certificate.pem(), text),
                String.class);
    assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
    return certificate.serialHex();
  }

  private static String colons(String hex) {
    String even = hex.length() % 2 == 0 ? hex : "0" + hex;
    return String.join(":", even.split("(?<=\\G..)"));
  }
}
