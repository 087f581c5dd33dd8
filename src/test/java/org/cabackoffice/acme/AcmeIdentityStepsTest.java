package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.access.Roles;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.security.StaffDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The identity steps of an order past the reuse period, as the renewal runs them: the call's
 * checklist, the second officer's four eyes (EV Guidelines 5.2.4), and that only an approved call
 * is ever reused (BR 4.2.1).
 */
class AcmeIdentityStepsTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T01:00:00Z"), ZoneOffset.UTC);

  final AcmeOrderRepository orders = mock(AcmeOrderRepository.class);
  final AcmeAccountRepository accounts = mock(AcmeAccountRepository.class);
  final AcmeIdentityConfirmationRepository confirmations = mock(AcmeIdentityConfirmationRepository.class);
  final AcmeIdentityDocuments documents = mock(AcmeIdentityDocuments.class);
  final StaffDirectory staff = (user, role) -> Roles.SENIOR_OFFICER.equals(role) && user.toLowerCase().startsWith("senior");
  final List<OutgoingMail> outbox = new ArrayList<>();
  final AcmeIdentitySteps steps =
      new AcmeIdentitySteps(orders, accounts, confirmations, documents, staff, new MailTemplates(), outbox::add, CLOCK, "team@ca.example");
  AcmeOrder order;

  @BeforeEach
  void order() {
    order = new AcmeOrder(3L, List.of("www.example.co.jp"), CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(7)));
    when(orders.findById(7L)).thenReturn(Optional.of(order));
    AcmeAccount account = mock(AcmeAccount.class);
    when(account.getOrganizationEntryId()).thenReturn(42L);
    when(accounts.findById(3L)).thenReturn(Optional.of(account));
  }

  @Test
  void aConfirmedCallIsRecordedButNotReusableUntilASecondOfficerApprovesIt() {
    steps.called(7L, "officer", new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.CONFIRMED, true, true, "Sato, general affairs", "confirmed the names"));

    ArgumentCaptor<AcmeIdentityConfirmation> saved = ArgumentCaptor.forClass(AcmeIdentityConfirmation.class);
    verify(confirmations).save(saved.capture());
    assertThat(saved.getValue().getOfficer()).isEqualTo("officer");
    assertThat(saved.getValue().getOrganizationEntryId()).isEqualTo(42L);
    assertThat(saved.getValue().getNote()).contains("Sato, general affairs").contains("confirmed the names");
    assertThat(saved.getValue().pending()).isTrue();
    assertThat(saved.getValue().reusable()).isFalse();
    assertThat(order.getStatus()).isNotEqualTo(AcmeOrder.INVALID);
  }

  @Test
  void anUnreachableResponsiblePersonIsRecordedWithWhomTheOfficerTriedToReachAndWaitsForTheCertificate() {
    steps.called(7L, "officer", new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.UNREACHABLE, true, false,
        "Tanaka, general manager", "the main number answered; Tanaka is away for two weeks", true, "a current registry certificate"));

    ArgumentCaptor<AcmeIdentityConfirmation> saved = ArgumentCaptor.forClass(AcmeIdentityConfirmation.class);
    verify(confirmations).save(saved.capture());
    assertThat(saved.getValue().getNote())
        .contains("could not reach Tanaka, general manager through the main number", "employment certificate")
        .contains("supporting documents asked for (guide [3-1]): a current registry certificate");
    assertThat(saved.getValue().pending()).isTrue();
    assertThat(order.getStatus()).isNotEqualTo(AcmeOrder.INVALID);
  }

  @Test
  void anUnreachableCallStillChecksTheDirectoryRecordAndNamesThePersonAndDocumentsSayWhich() {
    assertThatThrownBy(() -> steps.called(7L, "officer",
        new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.UNREACHABLE, false, false, "Tanaka", "no answer")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory record is current");
    assertThatThrownBy(() -> steps.called(7L, "officer",
        new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.UNREACHABLE, true, false, " ", "no answer")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whom you tried to reach");
    assertThatThrownBy(() -> steps.called(7L, "officer",
        new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.CONFIRMED, true, true, "Sato", "ok", true, " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("which supporting documents");
    verify(confirmations, never()).save(any());
  }

  @Test
  void theApproverSeesWhatTheStepsFoundAndTheBasisAuditorsReadNamesEveryReview() {
    pendingCallBy("officer");
    when(documents.findings(7L)).thenReturn(List.of(
        "employment certificate #12 [在籍.pdf (sha256 0123456789ab…)] accepted by officer2 on 2026-12-07 10:00 JST: sealed, issued 2026-11-30"));
    assertThat(steps.evidence(7L))
        .contains("Call by officer", "spoke with Sato")
        .contains("employment certificate #12", "accepted by officer2");

    steps.decided(7L, "senior-suzuki", true, "the certificate stands in for the call");
    assertThat(order.getIdentityBasis())
        .contains("by officer", "employment certificate #12", "accepted by officer2", "approved by senior-suzuki");
  }

  @Test
  void aSeniorOfficerWhoReviewedTheOrdersDocumentsCannotApproveIt() {
    pendingCallBy("officer");
    when(documents.reviewers(7L)).thenReturn(List.of("senior-sato"));
    assertThat(steps.approverRefusal(7L, "senior-sato")).get().asString().contains("reviewed this order's documents");
    assertThat(steps.approverRefusal(7L, "senior-suzuki")).isEmpty();
  }

  @Test
  void aConfirmationWithoutTheChecklistOrTheNameOfWhomTheySpokeWithIsRefused() {
    assertThatThrownBy(() -> steps.called(7L, "officer", new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.CONFIRMED, false, true, "Sato", "ok")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory record is current");
    assertThatThrownBy(() -> steps.called(7L, "officer", new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.CONFIRMED, true, false, "Sato", "ok")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intends the certificates");
    assertThatThrownBy(() -> steps.called(7L, "officer", new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.CONFIRMED, true, true, " ", "ok")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whom you spoke with");
    assertThatThrownBy(() -> steps.called(7L, "officer", new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.CONFIRMED, true, true, "Sato", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("note");
    verify(confirmations, never()).save(any());
  }

  @Test
  void aCallThatDoesNotConfirmTheOrganizationMakesTheOrderInvalidWithTheOfficersReason() {
    steps.called(7L, "officer", new AcmeIdentitySteps.Call(AcmeIdentitySteps.CallOutcome.REFUSED, false, false, null, "nobody by that name at the main number"));
    assertThat(order.getStatus()).isEqualTo(AcmeOrder.INVALID);
    assertThat(order.getErrorDetail()).contains("not confirmed").contains("nobody by that name");
    verify(confirmations, never()).save(any());
  }

  @Test
  void theOfficerWhoMadeTheCallCannotApproveItNorCanAnyoneButASeniorOfficer() {
    AcmeIdentityConfirmation call = pendingCallBy("senior-sato");
    assertThat(steps.caller(7L)).contains("senior-sato");
    assertThat(steps.approverRefusal(7L, "SENIOR-SATO ")).get().asString().contains("made the phone call").contains("5.2.4");
    assertThat(steps.approverRefusal(7L, "officer2")).get().asString().contains("not a senior officer");
    assertThat(steps.approverRefusal(7L, "senior-suzuki")).isEmpty();

    assertThatThrownBy(() -> steps.decided(7L, "senior-sato", true, "fine"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("may not also approve");
    assertThat(call.pending()).isTrue();
    assertThat(order.getIdentityCurrent()).isNull();
  }

  @Test
  void anApprovedCallLetsTheOrderGoOnAndLaterOrdersReuseIt() {
    AcmeIdentityConfirmation call = pendingCallBy("officer");
    steps.decided(7L, "senior-suzuki", true, "the call covers the checklist");
    assertThat(call.reusable()).isTrue();
    assertThat(call.getApprovedBy()).isEqualTo("senior-suzuki");
    assertThat(call.getApprovedAt()).isEqualTo(CLOCK.instant());
    assertThat(order.getIdentityCurrent()).isTrue();
    assertThat(order.getIdentityBasis()).contains("by officer, approved by senior-suzuki");
  }

  @Test
  void aCallTheSecondOfficerRefusesIsNeverReusedAndTheOrderIsInvalid() {
    AcmeIdentityConfirmation call = pendingCallBy("officer");
    steps.decided(7L, "senior-suzuki", false, "the note does not say who answered");
    assertThat(call.reusable()).isFalse();
    assertThat(call.pending()).isFalse();
    assertThat(order.getStatus()).isEqualTo(AcmeOrder.INVALID);
    assertThat(order.getErrorDetail()).contains("second officer did not approve").contains("who answered");
  }

  @Test
  void anApprovalWithoutACallWaitingIsRefused() {
    when(confirmations.findFirstByOrderIdAndApprovalOrderByIdDesc(7L, AcmeIdentityConfirmation.PENDING)).thenReturn(Optional.empty());
    assertThat(steps.approverRefusal(7L, "senior-suzuki")).get().asString().contains("no phone confirmation waiting");
  }

  @Test
  void theTeamHearsOfAWaitingStepOnceADay() {
    steps.remind(7L, "the second officer's approval");
    steps.remind(7L, "the second officer's approval");
    assertThat(outbox).hasSize(2).extracting(OutgoingMail::dedupKey).containsOnly("acme-identity-reminder:7:the second officer's approval:2026-12-07");
    assertThat(outbox.get(0).to()).isEqualTo("team@ca.example");
    assertThat(outbox.get(0).subject()).contains("ACME order 7");
    assertThat(outbox.get(0).body()).contains("www.example.co.jp").contains("Waiting for: the second officer's approval");
  }

  private AcmeIdentityConfirmation pendingCallBy(String officer) {
    AcmeIdentityConfirmation call = new AcmeIdentityConfirmation(7L, 42L, officer, "spoke with Sato", CLOCK.instant());
    when(confirmations.findFirstByOrderIdAndApprovalOrderByIdDesc(7L, AcmeIdentityConfirmation.PENDING))
        .thenAnswer(i -> call.pending() ? Optional.of(call) : Optional.empty());
    return call;
  }
}
