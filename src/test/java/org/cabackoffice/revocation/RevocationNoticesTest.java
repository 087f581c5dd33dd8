package org.cabackoffice.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.access.Roles;
import org.cabackoffice.csr.BlockedKeys;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.cabackoffice.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mails of revocation with the real templates: the preliminary report the process sends itself
 * when nobody investigated in time (BR 4.9.5), and the subscriber's confirmation of a revocation
 * whoever asked for it.
 */
class RevocationNoticesTest {

  static final String SUBSCRIBER = "web-admin@sample.co.jp";

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  final Map<Long, RevocationRequest> stored = new HashMap<>();
  final RevocationRequestRepository repository = mock(RevocationRequestRepository.class);
  final IssuedCertificates certificates = mock(IssuedCertificates.class);
  final CustomerAccounts customers = mock(CustomerAccounts.class);
  final List<OutgoingMail> outbox = new ArrayList<>();
  RevocationRequests requests;
  RevocationNotices notices;
  IssuedCertificate certificate;

  @BeforeEach
  void setUp() {
    requests =
        new RevocationRequests(
            repository,
            certificates,
            mock(CertificateRevocations.class),
            mock(BlockedKeys.class),
            (user, role) -> Roles.OFFICER.equals(role),
            (id, variables) -> {},
            clock,
            Duration.ofHours(4));
    notices = new RevocationNotices(requests, repository, certificates, customers, new MailTemplates(), outbox::add, "team@ca.example");
    when(repository.save(any()))
        .thenAnswer(
            call -> {
              RevocationRequest request = call.getArgument(0);
              if (request.id() == null) {
                RevocationRequestsTest.setId(request, stored.size() + 1L);
              }
              stored.put(request.id(), request);
              return request;
            });
    when(repository.findById(any())).thenAnswer(call -> Optional.ofNullable(stored.get((Long) call.getArgument(0))));
    when(repository.findFirstBySerialOrderByIdDesc(any()))
        .thenAnswer(call -> stored.values().stream().filter(r -> r.serial().equals(call.getArgument(0))).reduce((a, b) -> b));
    certificate = mock(IssuedCertificate.class);
    when(certificate.serial()).thenReturn("0a1b2c");
    when(certificate.customerAccountId()).thenReturn(7L);
    when(certificate.applicationId()).thenReturn(42L);
    when(certificate.commonName()).thenReturn("www.sample.co.jp");
    when(certificates.findBySerial("0a1b2c")).thenReturn(Optional.of(certificate));
    CustomerAccount account = mock(CustomerAccount.class);
    when(account.getEmail()).thenReturn(SUBSCRIBER);
    when(customers.byId(7L)).thenReturn(Optional.of(account));
  }

  @Test
  void nobodyInvestigatingInTimeMailsBothThatTheReportIsUnderInvestigationOnce() {
    RevocationRequest report = requests.report(certificate, "finder@example.org", "O is wrong", null, null);
    clock.advance(Duration.ofHours(23));

    notices.mailAutomaticPreliminaryReport(report.id());

    assertThat(outbox).extracting(OutgoingMail::to).containsExactlyInAnyOrder(SUBSCRIBER, "finder@example.org");
    assertThat(outbox).allSatisfy(mail -> {
      assertThat(mail.subject()).contains("調査中").contains("under investigation").contains("0a1b2c");
      assertThat(mail.body()).contains("Baseline Requirements 4.9.5").contains("The certificate is not revoked");
      assertThat(mail.applicationId()).isEqualTo(42L);
    });
    // Its own dedup keys: the officer's findings later are a mail of their own.
    assertThat(outbox).extracting(OutgoingMail::dedupKey)
        .allMatch(key -> key.startsWith(RevocationNotices.AUTOMATIC_PRELIMINARY_REPORT + ":"));
    assertThat(report.automaticReportAt()).isEqualTo(clock.instant());
  }

  @Test
  void noAutomaticReportOnceTheFindingsWentOut() {
    RevocationRequest report = requests.report(certificate, "finder@example.org", "O is wrong", null, null);
    requests.recordInvestigation(report.id(), "officer1", false, null, "the name matches the registry");
    notices.mailPreliminaryReport(report.id());
    outbox.clear();

    notices.mailAutomaticPreliminaryReport(report.id());

    assertThat(outbox).isEmpty();
    assertThat(report.automaticReportAt()).isNull();
  }

  @Test
  void theSubscriberIsToldOfTheRevocationWithReasonAndWhoAsked() {
    RevocationRequest request = requests.requestBySubscriber("0a1b2c", 7L, SUBSCRIBER, "superseded", "new key");
    CertificateRevocation revocation =
        new CertificateRevocation("0a1b2c", 1L, RevocationReason.SUPERSEDED, clock.instant(), SUBSCRIBER, "subscriber");

    notices.confirmRevocation(new CertificateRevoked(revocation));

    assertThat(outbox).singleElement().satisfies(mail -> {
      assertThat(mail.to()).isEqualTo(SUBSCRIBER);
      assertThat(mail.subject()).contains("失効のお知らせ").contains("Certificate revoked: serial 0a1b2c (www.sample.co.jp)");
      assertThat(mail.body())
          .contains("証明書の置き換え (superseded)")
          .contains("Reason: superseded")
          .contains("at your request, from the storefront")
          .contains("2026-12-01 09:00 JST");
      assertThat(mail.dedupKey()).isEqualTo("certificate-revoked:0a1b2c");
      assertThat(mail.applicationId()).isEqualTo(42L);
    });
    assertThat(request.origin()).isEqualTo(RevocationOrigin.SUBSCRIBER);
  }

  @Test
  void aCertificateRevokedForAnotherCertificatesCompromisedKeySaysSo() {
    CertificateRevocation revocation =
        new CertificateRevocation("0a1b2c", 1L, RevocationReason.KEY_COMPROMISE, clock.instant(), "officer1", "same key as 0d0e0f");

    notices.confirmRevocation(new CertificateRevoked(revocation));

    assertThat(outbox).singleElement().satisfies(mail -> assertThat(mail.body())
        .contains("秘密鍵の危殆化 (keyCompromise)")
        .contains("another certificate with the same key"));
  }

  @Test
  void theCasOwnRevocationIsToldAsTheCasDecision() {
    requests.requestByOfficer("0a1b2c", "officer1", "privilegeWithdrawn", "agreement breached", true);
    CertificateRevocation revocation =
        new CertificateRevocation("0a1b2c", 1L, RevocationReason.PRIVILEGE_WITHDRAWN, clock.instant(), "senior2", "approved");

    notices.confirmRevocation(new CertificateRevoked(revocation));

    assertThat(outbox).singleElement().satisfies(mail -> assertThat(mail.body())
        .contains("当社の判断により")
        .contains("on the CA's decision, approved by a second officer"));
  }
}
