package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.documents.DocumentKind;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.DocumentRequests;
import org.cabackoffice.domain.RegistrantComparison;
import org.cabackoffice.domain.RegistrantComparisons;
import org.cabackoffice.access.Roles;
import org.cabackoffice.security.StaffDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EV Guidelines 5.2.4: who validated does not approve, and only a senior officer approves. */
class IssuanceApprovalsTest {

  final PhoneVerifications phone = mock(PhoneVerifications.class);
  final DocumentRequests documents = mock(DocumentRequests.class);
  final IssuanceApprovalRepository approvals = mock(IssuanceApprovalRepository.class);
  final StaffDirectory staff = (user, role) -> Roles.SENIOR_OFFICER.equals(role) && user.startsWith("senior");
  final RegistrantComparisons comparisons = mock(RegistrantComparisons.class);
  final IssuanceApprovals approval =
      new IssuanceApprovals(
          phone, documents, approvals, staff, comparisons, id -> java.util.Set.of("officer-who-decided-documents"), Clock.systemUTC());

  @BeforeEach
  void validators() {
    PhoneVerification call = mock(PhoneVerification.class);
    when(call.getOfficer()).thenReturn("senior-validator");
    when(phone.of(9)).thenReturn(List.of(call));
    DocumentRequest reviewed = mock(DocumentRequest.class);
    when(reviewed.getReviewer()).thenReturn("officer2");
    when(documents.latest(eq(9L), any())).thenReturn(Optional.empty());
    when(documents.latest(9L, DocumentKind.SUPPORTING_DOCUMENTS)).thenReturn(Optional.of(reviewed));
    when(approvals.save(any())).thenAnswer(i -> i.getArgument(0));
    RegistrantComparison compared = mock(RegistrantComparison.class);
    when(compared.getOfficer()).thenReturn("senior-comparer");
    when(comparisons.byApplication(9)).thenReturn(List.of(compared));
  }

  @Test
  void validatorsAreThePhoneOfficerAndTheDocumentReviewer() {
    assertThat(approval.validators(9))
        .containsExactly("senior-validator", "senior-comparer", "officer-who-decided-documents", "officer2");
  }

  @Test
  void aSeniorOfficerWhoValidatedMayNotApprove() {
    assertThatThrownBy(() -> approval.record(9, "senior-validator", true, "ok"))
        .isInstanceOf(FourEyesViolationException.class)
        .hasMessageContaining("EV Guidelines 5.2.4");
  }

  @Test
  void anOfficerWhoIsNotSeniorMayNotApprove() {
    assertThatThrownBy(() -> approval.record(9, "officer3", true, "ok"))
        .isInstanceOf(FourEyesViolationException.class)
        .hasMessageContaining("not a senior officer");
  }

  @Test
  void whoComparedTheRegistrantNameValidatedToo() {
    assertThatThrownBy(() -> approval.record(9, "senior-comparer", true, "ok"))
        .isInstanceOf(FourEyesViolationException.class);
  }

  @Test
  void signingFindsAStandingApprovalOnlyFromAnIndependentSeniorOfficer() {
    IssuanceApproval byValidator = mock(IssuanceApproval.class);
    when(byValidator.isApproved()).thenReturn(true);
    when(byValidator.getApprover()).thenReturn("senior-validator");
    when(approvals.findFirstByApplicationIdOrderByIdDesc(9)).thenReturn(Optional.of(byValidator));
    assertThat(approval.approved(9)).isFalse();
    IssuanceApproval independent = mock(IssuanceApproval.class);
    when(independent.isApproved()).thenReturn(true);
    when(independent.getApprover()).thenReturn("senior");
    when(approvals.findFirstByApplicationIdOrderByIdDesc(9)).thenReturn(Optional.of(independent));
    assertThat(approval.approved(9)).isTrue();
    when(approvals.findFirstByApplicationIdOrderByIdDesc(9)).thenReturn(Optional.empty());
    assertThat(approval.approved(9)).isFalse();
  }

  @Test
  void anotherSeniorOfficerDecides() {
    IssuanceApproval decided = approval.record(9, "senior", false, "O differs from the registry");
    assertThat(decided.isApproved()).isFalse();
    assertThat(decided.getApprover()).isEqualTo("senior");
  }
}
