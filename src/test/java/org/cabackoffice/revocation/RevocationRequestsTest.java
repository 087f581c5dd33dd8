package org.cabackoffice.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.access.Roles;
import org.cabackoffice.csr.BlockedKeys;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.security.StaffDirectory;
import org.cabackoffice.testsupport.MutableClock;
import org.cabackoffice.workflow.RevocationProcess.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of revocation requests, without a database or an engine. */
class RevocationRequestsTest {

  static final String SPKI = "ab".repeat(32);

  final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  final Map<Long, RevocationRequest> stored = new HashMap<>();
  final RevocationRequestRepository repository = mock(RevocationRequestRepository.class);
  final IssuedCertificates certificates = mock(IssuedCertificates.class);
  final CertificateRevocations revocations = mock(CertificateRevocations.class);
  final BlockedKeys blockedKeys = mock(BlockedKeys.class);
  final Map<Long, Map<String, Object>> started = new HashMap<>();
  final StaffDirectory staff =
      (user, role) ->
          switch (user) {
            case "senior1", "senior2" -> Roles.SENIOR_OFFICER.equals(role) || Roles.OFFICER.equals(role);
            case "officer1" -> Roles.OFFICER.equals(role);
            default -> false;
          };
  RevocationRequests requests;
  IssuedCertificate certificate;

  @BeforeEach
  void setUp() {
    requests =
        new RevocationRequests(
            repository, certificates, revocations, blockedKeys, staff, started::put, clock, Duration.ofHours(4));
    when(repository.save(any()))
        .thenAnswer(
            call -> {
              RevocationRequest request = call.getArgument(0);
              if (request.id() == null) {
                setId(request, stored.size() + 1L);
              }
              stored.put(request.id(), request);
              return request;
            });
    when(repository.findById(any())).thenAnswer(call -> Optional.ofNullable(stored.get((Long) call.getArgument(0))));
    certificate = certificate("0a1b2c", 7L);
    when(revocations.find(anyString())).thenReturn(Optional.empty());
    when(revocations.revoke(anyString(), any(), anyString(), anyString()))
        .thenAnswer(
            call ->
                new CertificateRevocation(
                    call.getArgument(0), 1L, call.getArgument(1), clock.instant(), call.getArgument(2), call.getArgument(3)));
  }

  IssuedCertificate certificate(String serial, long account) {
    IssuedCertificate c = mock(IssuedCertificate.class);
    when(c.serial()).thenReturn(serial);
    when(c.customerAccountId()).thenReturn(account);
    when(c.spkiSha256()).thenReturn(SPKI);
    when(c.applicationId()).thenReturn(42L);
    when(c.commonName()).thenReturn("www.sample.co.jp");
    when(certificates.findBySerial(serial)).thenReturn(Optional.of(c));
    return c;
  }

  static void setId(RevocationRequest request, long id) {
    try {
      var field = RevocationRequest.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(request, id);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSubscriberRevokesItsOwnCertificateWithTheReasonsDeadline() {
    RevocationRequest request = requests.requestBySubscriber("0a1b2c", 7L, "tech@sample.co.jp", "superseded", "new key");

    assertThat(request.status()).isEqualTo(RevocationRequestStatus.REVOKING);
    assertThat(request.origin()).isEqualTo(RevocationOrigin.SUBSCRIBER);
    Map<String, Object> variables = started.get(request.id());
    assertThat(variables).containsEntry(Variables.ORIGIN, "SUBSCRIBER").containsEntry(Variables.REASON, "superseded");
    // BR 4.9.1.1: five days for superseded, the team alerted four hours before
    assertThat(variables.get(Variables.REVOCATION_DEADLINE)).isEqualTo(Date.from(clock.instant().plus(Duration.ofDays(5))));
    assertThat(variables.get(Variables.ESCALATE_REVOCATION_AT))
        .isEqualTo(Date.from(clock.instant().plus(Duration.ofDays(5)).minus(Duration.ofHours(4))));

    requests.carryOut(request.id());
    verify(revocations).revoke("0a1b2c", RevocationReason.SUPERSEDED, "tech@sample.co.jp", "revocation request 1 (SUBSCRIBER): new key");
    verify(blockedKeys, never()).add(anyString(), anyString(), anyString());
    assertThat(request.status()).isEqualTo(RevocationRequestStatus.REVOKED);
  }

  @Test
  void aCustomerCannotRevokeAnotherCustomersCertificate() {
    assertThatThrownBy(() -> requests.requestBySubscriber("0a1b2c", 8L, "other@example.jp", "superseded", null))
        .isInstanceOfSatisfying(RevocationRefused.class, e -> assertThat(e.ground()).isEqualTo(RevocationRefused.Ground.NOT_FOUND));
    assertThat(started).isEmpty();
  }

  @Test
  void theSubscriberMayNotUseTheCasReasonNorOmitOne() {
    assertThatThrownBy(() -> requests.requestBySubscriber("0a1b2c", 7L, "tech@sample.co.jp", "privilegeWithdrawn", null))
        .isInstanceOfSatisfying(RevocationRefused.class, e -> assertThat(e.code()).isEqualTo("revocation.reason-not-for-subscriber"));
    assertThatThrownBy(() -> requests.requestBySubscriber("0a1b2c", 7L, "tech@sample.co.jp", "unspecified", null))
        .isInstanceOfSatisfying(RevocationRefused.class, e -> assertThat(e.code()).isEqualTo("revocation.reason-unknown"));
    assertThatThrownBy(() -> requests.requestBySubscriber("0a1b2c", 7L, "tech@sample.co.jp", null, null))
        .isInstanceOfSatisfying(RevocationRefused.class, e -> assertThat(e.code()).isEqualTo("revocation.reason-missing"));
  }

  @Test
  void aRevokedCertificateIsNotRevokedAgain() {
    when(revocations.find("0a1b2c"))
        .thenReturn(Optional.of(new CertificateRevocation("0a1b2c", 1L, RevocationReason.SUPERSEDED, clock.instant(), "x", "y")));
    assertThatThrownBy(() -> requests.requestBySubscriber("0a1b2c", 7L, "tech@sample.co.jp", "superseded", null))
        .isInstanceOfSatisfying(RevocationRefused.class, e -> assertThat(e.ground()).isEqualTo(RevocationRefused.Ground.CONFLICT));
  }

  @Test
  void theCasRevocationNeedsASeniorOfficerOtherThanTheProposer() {
    RevocationRequest request = requests.requestByOfficer("0a1b2c", "senior1", "privilegeWithdrawn", "agreement broken", true);
    assertThat(request.status()).isEqualTo(RevocationRequestStatus.AWAITING_APPROVAL);
    assertThat(request.proposedBy()).isEqualTo("senior1");

    assertThat(requests.approverRefusal(request.id(), "senior1")).get().asString().contains("may not also approve");
    assertThat(requests.approverRefusal(request.id(), "officer1")).get().asString().contains("not a senior officer");
    assertThat(requests.approverRefusal(request.id(), "senior2")).isEmpty();
    assertThatThrownBy(() -> requests.recordApproval(request.id(), "senior1", true, "mine"))
        .isInstanceOf(IllegalStateException.class);
    assertThat(request.status()).isEqualTo(RevocationRequestStatus.AWAITING_APPROVAL);

    requests.recordApproval(request.id(), "senior2", true, "agreed");
    requests.carryOut(request.id());
    verify(revocations)
        .revoke(eq("0a1b2c"), eq(RevocationReason.PRIVILEGE_WITHDRAWN), eq("senior2"), org.mockito.ArgumentMatchers.contains("proposed by senior1, approved by senior2"));
  }

  @Test
  void aRevocationNotApprovedIsClosedAndCannotBeCarriedOut() {
    RevocationRequest request = requests.requestByOfficer("0a1b2c", "senior1", "superseded", "duplicate", true);
    requests.recordApproval(request.id(), "senior2", false, "not enough evidence");
    assertThat(request.status()).isEqualTo(RevocationRequestStatus.NOT_APPROVED);
    assertThatThrownBy(() -> requests.carryOut(request.id())).isInstanceOf(IllegalStateException.class);
    verify(revocations, never()).revoke(anyString(), any(), anyString(), anyString());
  }

  @Test
  void anOfficerNeedsAReasonAndAComment() {
    assertThatThrownBy(() -> requests.requestByOfficer("0a1b2c", "officer1", "superseded", " ", false))
        .isInstanceOfSatisfying(RevocationRefused.class, e -> assertThat(e.code()).isEqualTo("revocation.comment-missing"));
    RevocationRequest onBehalf = requests.requestByOfficer("0a1b2c", "officer1", "cessationOfOperation", "customer phoned", false);
    assertThat(onBehalf.origin()).isEqualTo(RevocationOrigin.OFFICER_FOR_SUBSCRIBER);
    assertThat(onBehalf.status()).isEqualTo(RevocationRequestStatus.REVOKING);
  }

  @Test
  void aKeyCompromiseBlocksTheKeyAndRevokesEveryCertificateWithIt() {
    IssuedCertificate sameKeyOtherCustomer = certificate("ffee", 9L);
    when(certificates.withKey(SPKI)).thenReturn(List.of(certificate, sameKeyOtherCustomer));
    RevocationRequest request = requests.report(certificate, "finder@example.org", "key on a paste site", "-----BEGIN...", SPKI);
    assertThat(started.get(request.id())).containsEntry(Variables.KEY_COMPROMISE_PROVEN, true);
    // BR 4.9.1.1: 24 hours for a key compromise
    assertThat(started.get(request.id()).get(Variables.REVOCATION_DEADLINE)).isEqualTo(Date.from(clock.instant().plus(Duration.ofHours(24))));

    List<String> revoked = requests.carryOut(request.id());

    assertThat(revoked).containsExactly("0a1b2c", "ffee");
    verify(blockedKeys).add(eq(SPKI), org.mockito.ArgumentMatchers.contains("key compromise"), eq(CertificateRevocations.SYSTEM));
    verify(revocations).revoke(eq("ffee"), eq(RevocationReason.KEY_COMPROMISE), eq(CertificateRevocations.SYSTEM), org.mockito.ArgumentMatchers.contains("same key as 0a1b2c"));
    assertThat(request.status()).isEqualTo(RevocationRequestStatus.REVOKED);
  }

  @Test
  void anInvestigationProposesWithAReasonOrClosesWithFindings() {
    RevocationRequest report = requests.report(certificate, "finder@example.org", "O is wrong", null, null);
    assertThat(report.status()).isEqualTo(RevocationRequestStatus.INVESTIGATING);
    assertThat(started.get(report.id()).get(Variables.ESCALATE_INVESTIGATION_AT))
        .isEqualTo(Date.from(clock.instant().plus(Duration.ofHours(20))));
    // BR 4.9.5: the process mails the preliminary report itself an hour before the 24 hours pass.
    assertThat(started.get(report.id()).get(Variables.AUTOMATIC_PRELIMINARY_REPORT_AT))
        .isEqualTo(Date.from(clock.instant().plus(Duration.ofHours(23))));
    assertThatThrownBy(() -> requests.recordInvestigation(report.id(), "officer1", true, "superseded", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> requests.recordInvestigation(report.id(), "stranger", true, "superseded", "x"))
        .isInstanceOf(IllegalStateException.class);

    clock.advance(Duration.ofHours(3));
    Map<String, Object> deadlines = requests.recordInvestigation(report.id(), "officer1", true, "affiliationChanged", "the company renamed");
    assertThat(report.status()).isEqualTo(RevocationRequestStatus.AWAITING_APPROVAL);
    assertThat(report.proposedBy()).isEqualTo("officer1");
    // counted from when the report arrived, not from the investigation
    assertThat(deadlines.get(Variables.REVOCATION_DEADLINE)).isEqualTo(Date.from(report.requestedAt().plus(Duration.ofDays(5))));
    assertThat(requests.approverRefusal(report.id(), "officer1")).isPresent();

    RevocationRequest unfounded = requests.report(certificate, "finder@example.org", "looks odd", null, null);
    assertThat(requests.recordInvestigation(unfounded.id(), "officer1", false, null, "all correct")).isEmpty();
    assertThat(unfounded.status()).isEqualTo(RevocationRequestStatus.NO_ACTION);
  }

  @Test
  void aDeletedProcessLeavesTheRequestCancelledNotOpen() {
    RevocationRequest request = requests.requestByOfficer("0a1b2c", "senior1", "superseded", "duplicate", true);
    requests.processEnded(request.id(), true, "admin", "entered by mistake");
    assertThat(request.status()).isEqualTo(RevocationRequestStatus.CANCELLED);
    assertThat(request.closedBy()).isEqualTo("admin");
  }
}
