package org.cabackoffice.revocationplan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cabackoffice.issuance.CertificateSerial;
import org.cabackoffice.issuance.IssuedCertificate;
import org.cabackoffice.issuance.IssuedCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes, approves and withdraws revocation plans (BR 5.7.1.2, SC-089), and answers ARI which plan touches
 * a certificate. The set of certificates is fixed when the plan is proposed, so the approver
 * approves exactly the certificates the record names.
 */
@Service
public class RevocationPlans {

  private static final Logger log = LoggerFactory.getLogger(RevocationPlans.class);
  static final int MAX_CERTIFICATES = 100_000;

  /**
   * What an officer proposes: either serials, or a criterion (issued in [issuedFrom, issuedUntil),
   * optionally only certificates whose subject O is {@code organization}).
   */
  public record Proposal(
      String purpose,
      Instant plannedRevocationAt,
      List<String> serials,
      Instant issuedFrom,
      Instant issuedUntil,
      String organization) {}

  /** An approved plan's revocation time for a certificate, for ARI. */
  public record PlannedRevocation(long planId, Instant at, Instant approvedAt) {}

  private final RevocationPlanRepository plans;
  private final IssuedCertificates certificates;
  private final Clock clock;

  public RevocationPlans(RevocationPlanRepository plans, IssuedCertificates certificates, Clock clock) {
    this.plans = plans;
    this.certificates = certificates;
    this.clock = clock;
  }

  @Transactional
  public RevocationPlan propose(Proposal proposal, String officer) {
    if (proposal.purpose() == null || proposal.purpose().isBlank()) {
      throw invalid("revocation-plan.purpose", "state the plan's purpose: the public page shows it to subscribers");
    }
    if (proposal.purpose().length() > 2000) {
      throw invalid("revocation-plan.purpose", "the purpose is at most 2000 characters");
    }
    Instant now = clock.instant();
    if (proposal.plannedRevocationAt() == null || !proposal.plannedRevocationAt().isAfter(now)) {
      throw invalid("revocation-plan.time", "plannedRevocationAt must be a time in the future");
    }
    boolean bySerials = proposal.serials() != null && !proposal.serials().isEmpty();
    boolean byCriterion = proposal.issuedFrom() != null || proposal.issuedUntil() != null;
    if (bySerials == byCriterion) {
      throw invalid("revocation-plan.selection",
          "name the certificates either by serials or by issuedFrom and issuedUntil (optionally organization)");
    }
    List<String> serials;
    String criterion;
    if (bySerials) {
      serials = bySerials(proposal.serials());
      criterion = "serials: " + serials.size();
    } else {
      if (proposal.issuedFrom() == null || proposal.issuedUntil() == null
          || !proposal.issuedFrom().isBefore(proposal.issuedUntil())) {
        throw invalid("revocation-plan.criterion", "issuedFrom and issuedUntil are both needed, issuedFrom first");
      }
      String organization = proposal.organization() == null || proposal.organization().isBlank()
          ? null : proposal.organization().strip();
      serials = byCriterion(proposal.issuedFrom(), proposal.issuedUntil(), organization);
      criterion = "issued in [" + proposal.issuedFrom() + ", " + proposal.issuedUntil() + ")"
          + (organization == null ? "" : ", O=" + organization);
    }
    if (serials.isEmpty()) {
      throw invalid("revocation-plan.empty", "no unrevoked certificate matches: " + criterion);
    }
    if (serials.size() > MAX_CERTIFICATES) {
      throw invalid("revocation-plan.too-many", "at most " + MAX_CERTIFICATES + " certificates per plan");
    }
    RevocationPlan plan =
        plans.save(new RevocationPlan(proposal.purpose().strip(), criterion, proposal.plannedRevocationAt(), serials, officer, now));
    log.info("Revocation plan {} proposed by {}: {} certificates ({}), revocation planned at {}",
        plan.getId(), officer, serials.size(), criterion, plan.getPlannedRevocationAt());
    return plan;
  }

  private List<String> bySerials(List<String> given) {
    Set<String> serials = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String text : given) {
      Optional<IssuedCertificate> certificate;
      try {
        certificate = text == null ? Optional.empty() : certificates.findBySerial(text);
      } catch (IllegalArgumentException e) {
        certificate = Optional.empty();
      }
      certificate.ifPresentOrElse(c -> serials.add(c.serial()), () -> unknown.add(String.valueOf(text)));
    }
    if (!unknown.isEmpty()) {
      throw invalid("revocation-plan.unknown-serial",
          "this CA issued no certificate with the serial(s) " + String.join(", ", unknown.subList(0, Math.min(10, unknown.size()))));
    }
    return List.copyOf(serials);
  }

  private List<String> byCriterion(Instant from, Instant until, String organization) {
    return certificates.issuedBetween(from, until).stream()
        .filter(c -> !c.notAfter().isBefore(clock.instant()))
        .filter(c -> organization == null || organization.equals(IssuedCertificates.subjectOrganization(c).orElse(null)))
        .map(IssuedCertificate::serial)
        .toList();
  }

  /** A second officer approves; the proposer never approves their own plan (four eyes). */
  @Transactional
  public RevocationPlan approve(long id, String officer) {
    RevocationPlan plan = plans.findById(id)
        .orElseThrow(() -> new RevocationPlanRefused(RevocationPlanRefused.Kind.NOT_FOUND, "revocation-plan.not-found",
            "no revocation plan " + id));
    if (plan.getStatus() != RevocationPlan.Status.PROPOSED) {
      throw new RevocationPlanRefused(RevocationPlanRefused.Kind.CONFLICT, "revocation-plan.decided",
          plan.getStatus() == RevocationPlan.Status.WITHDRAWN
              ? "plan " + id + " was withdrawn by " + plan.getWithdrawnBy() + "; propose a new one"
              : "plan " + id + " was already approved by " + plan.getApprovedBy());
    }
    if (plan.getProposedBy().equalsIgnoreCase(officer)) {
      log.info("Revocation plan {}: {} may not approve their own proposal", id, officer);
      throw new RevocationPlanRefused(RevocationPlanRefused.Kind.CONFLICT, "revocation-plan.four-eyes",
          "a second officer approves a revocation plan, not its proposer (" + plan.getProposedBy() + ")");
    }
    plan.approve(officer, clock.instant());
    log.info("Revocation plan {} approved by {} (proposed by {})", id, officer, plan.getProposedBy());
    return plans.save(plan);
  }

  /**
   * Withdraws a plan that will not happen, proposed or approved, with the reason kept on the
   * record. One officer suffices: a withdrawal only gives the subscribers back their usual ARI
   * windows (RFC 9773 4.2), it revokes nothing; an actual revocation still goes its own way.
   */
  @Transactional
  public RevocationPlan withdraw(long id, String reason, String officer) {
    if (reason == null || reason.isBlank()) {
      throw invalid("revocation-plan.withdrawal-reason",
          "state why the plan is withdrawn: the record keeps it for auditors (BR 5.4.1)");
    }
    if (reason.length() > 2000) {
      throw invalid("revocation-plan.withdrawal-reason", "the reason is at most 2000 characters");
    }
    RevocationPlan plan = plans.findById(id)
        .orElseThrow(() -> new RevocationPlanRefused(RevocationPlanRefused.Kind.NOT_FOUND, "revocation-plan.not-found",
            "no revocation plan " + id));
    if (plan.getStatus() == RevocationPlan.Status.WITHDRAWN) {
      log.info("Revocation plan {}: {} asked to withdraw it again", id, officer);
      throw new RevocationPlanRefused(RevocationPlanRefused.Kind.CONFLICT, "revocation-plan.withdrawn",
          "plan " + id + " was already withdrawn by " + plan.getWithdrawnBy() + " at " + plan.getWithdrawnAt());
    }
    plan.withdraw(officer, reason.strip(), clock.instant());
    log.info("Revocation plan {} withdrawn by {} (was {}): {}", id, officer,
        plan.getApprovedBy() == null ? "proposed" : "approved", plan.getWithdrawalReason());
    return plans.save(plan);
  }

  @Transactional(readOnly = true)
  public List<RevocationPlan> all() {
    return plans.findAllByOrderByIdDesc();
  }

  @Transactional(readOnly = true)
  public Optional<RevocationPlan> find(long id) {
    return plans.findById(id);
  }

  /** The earliest approved plan naming the certificate, if any. */
  @Transactional(readOnly = true)
  public Optional<PlannedRevocation> plannedFor(String serial) {
    return plans.findBySerialAndStatus(CertificateSerial.normalize(serial), RevocationPlan.Status.APPROVED).stream()
        .findFirst()
        .map(p -> new PlannedRevocation(p.getId(), p.getPlannedRevocationAt(), p.getApprovedAt()));
  }

  private static RevocationPlanRefused invalid(String code, String message) {
    return new RevocationPlanRefused(RevocationPlanRefused.Kind.INVALID, code, message);
  }
}
