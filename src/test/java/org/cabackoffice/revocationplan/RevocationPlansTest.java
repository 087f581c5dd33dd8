package org.cabackoffice.revocationplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proposing and approving revocation plans: four eyes on the server, and refusals with reasons. */
class RevocationPlansTest {

  static final Instant NOW = Instant.parse("2027-02-01T00:00:00Z");

  final Map<Long, RevocationPlan> stored = new HashMap<>();
  RevocationPlans plans;
  IssuedCertificates certificates;

  @BeforeEach
  void setUp() {
    RevocationPlanRepository repository = mock(RevocationPlanRepository.class);
    when(repository.save(any())).thenAnswer(call -> {
      RevocationPlan plan = call.getArgument(0);
      if (plan.getId() == null) {
        org.springframework.test.util.ReflectionTestUtils.setField(plan, "id", (long) stored.size() + 1);
      }
      stored.put(plan.getId(), plan);
      return plan;
    });
    when(repository.findById(any())).thenAnswer(call -> Optional.ofNullable(stored.get((Long) call.getArgument(0))));
    certificates = mock(IssuedCertificates.class);
    IssuedCertificate certificate = mock(IssuedCertificate.class);
    when(certificate.serial()).thenReturn("0abc");
    when(certificates.findBySerial(any())).thenReturn(Optional.empty());
    when(certificates.findBySerial("0ABC")).thenReturn(Optional.of(certificate));
    plans = new RevocationPlans(repository, certificates, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private RevocationPlan proposedBy(String officer) {
    return plans.propose(new RevocationPlans.Proposal(
        "CA key ceremony error", NOW.plus(Duration.ofDays(5)), List.of("0ABC"), null, null, null), officer);
  }

  @Test
  void theProposerCannotApproveTheirOwnPlan() {
    RevocationPlan plan = proposedBy("officer");

    assertThatThrownBy(() -> plans.approve(plan.getId(), "OFFICER"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, refused -> {
          assertThat(refused.code()).isEqualTo("revocation-plan.four-eyes");
          assertThat(refused.kind()).isEqualTo(RevocationPlanRefused.Kind.CONFLICT);
        });
    assertThat(stored.get(plan.getId()).getStatus()).isEqualTo(RevocationPlan.Status.PROPOSED);
  }

  @Test
  void aSecondOfficerApprovesAndTheRecordNamesBoth() {
    RevocationPlan plan = proposedBy("officer");

    RevocationPlan approved = plans.approve(plan.getId(), "officer2");

    assertThat(approved.getStatus()).isEqualTo(RevocationPlan.Status.APPROVED);
    assertThat(approved.getProposedBy()).isEqualTo("officer");
    assertThat(approved.getApprovedBy()).isEqualTo("officer2");
    assertThat(approved.getApprovedAt()).isEqualTo(NOW);
    assertThat(approved.getSerials()).containsExactly("0abc");
    assertThatThrownBy(() -> plans.approve(plan.getId(), "senior"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> assertThat(r.code()).isEqualTo("revocation-plan.decided"));
  }

  @Test
  void aPlanInThePastOrForUnknownSerialsIsRefusedWithTheReason() {
    assertThatThrownBy(() -> plans.propose(new RevocationPlans.Proposal(
            "why", NOW.minus(Duration.ofHours(1)), List.of("0ABC"), null, null, null), "officer"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> assertThat(r.code()).isEqualTo("revocation-plan.time"));
    assertThatThrownBy(() -> plans.propose(new RevocationPlans.Proposal(
            "why", NOW.plus(Duration.ofDays(1)), List.of("0ABC", "not-hex", "ff"), null, null, null), "officer"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> {
          assertThat(r.code()).isEqualTo("revocation-plan.unknown-serial");
          assertThat(r.getMessage()).contains("not-hex").contains("ff").doesNotContain("0ABC");
        });
    assertThatThrownBy(() -> plans.propose(new RevocationPlans.Proposal(
            "why", NOW.plus(Duration.ofDays(1)), List.of("0ABC"), NOW.minus(Duration.ofDays(9)), NOW, null), "officer"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> assertThat(r.code()).isEqualTo("revocation-plan.selection"));
  }

  @Test
  void aCriterionFixesTheUnexpiredCertificatesIssuedInTheRangeWhenProposed() {
    IssuedCertificate current = mock(IssuedCertificate.class);
    when(current.serial()).thenReturn("01");
    when(current.notAfter()).thenReturn(NOW.plus(Duration.ofDays(40)));
    IssuedCertificate expired = mock(IssuedCertificate.class);
    when(expired.serial()).thenReturn("02");
    when(expired.notAfter()).thenReturn(NOW.minus(Duration.ofDays(1)));
    Instant from = NOW.minus(Duration.ofDays(30));
    when(certificates.issuedBetween(from, NOW)).thenReturn(List.of(current, expired));

    RevocationPlan plan = plans.propose(
        new RevocationPlans.Proposal("why", NOW.plus(Duration.ofDays(5)), null, from, NOW, null), "officer");

    assertThat(plan.getSerials()).containsExactly("01");
    assertThat(plan.getCriterion()).contains(from.toString()).contains(NOW.toString());
    assertThatThrownBy(() -> plans.propose(
            new RevocationPlans.Proposal("why", NOW.plus(Duration.ofDays(5)), null, NOW, from, null), "officer"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> assertThat(r.code()).isEqualTo("revocation-plan.criterion"));
  }

  @Test
  void anOfficerWithdrawsAPlanAndTheRecordKeepsWhoWhenAndWhy() {
    RevocationPlan plan = plans.approve(proposedBy("officer").getId(), "officer2");

    assertThatThrownBy(() -> plans.withdraw(plan.getId(), " ", "officer"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> assertThat(r.code()).isEqualTo("revocation-plan.withdrawal-reason"));
    RevocationPlan withdrawn = plans.withdraw(plan.getId(), " the incident was smaller ", "officer");

    assertThat(withdrawn.getStatus()).isEqualTo(RevocationPlan.Status.WITHDRAWN);
    assertThat(withdrawn.getWithdrawnBy()).isEqualTo("officer");
    assertThat(withdrawn.getWithdrawnAt()).isEqualTo(NOW);
    assertThat(withdrawn.getWithdrawalReason()).isEqualTo("the incident was smaller");
    // What was approved stays on the record (BR 5.4.1).
    assertThat(withdrawn.getApprovedBy()).isEqualTo("officer2");
    assertThatThrownBy(() -> plans.withdraw(plan.getId(), "again", "senior"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> {
          assertThat(r.code()).isEqualTo("revocation-plan.withdrawn");
          assertThat(r.kind()).isEqualTo(RevocationPlanRefused.Kind.CONFLICT);
        });
    assertThatThrownBy(() -> plans.withdraw(99L, "why", "officer"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> assertThat(r.kind()).isEqualTo(RevocationPlanRefused.Kind.NOT_FOUND));
  }

  @Test
  void aWithdrawnPlanCannotBeApproved() {
    RevocationPlan plan = proposedBy("officer");
    plans.withdraw(plan.getId(), "proposed by mistake", "officer");

    assertThatThrownBy(() -> plans.approve(plan.getId(), "officer2"))
        .isInstanceOfSatisfying(RevocationPlanRefused.class, r -> assertThat(r.code()).isEqualTo("revocation-plan.decided"));
  }
}
