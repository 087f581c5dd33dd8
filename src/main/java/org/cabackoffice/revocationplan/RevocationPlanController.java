package org.cabackoffice.revocationplan;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.access.Roles;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Revocation plans (SC-089): officers propose, a second officer approves (four eyes, checked in
 * {@link RevocationPlans}), officers and auditors read; an approved plan's public page is the
 * {@code explanationURL} ARI gives subscribers' clients (RFC 9773 4.2).
 */
@RestController
public class RevocationPlanController {

  static final String PUBLIC_PAGE = "/public/revocation-plans/";

  /** The request; instants in ISO-8601 (2027-01-31T00:00:00Z). */
  public record PlanRequest(
      String purpose,
      String plannedRevocationAt,
      List<String> serials,
      String issuedFrom,
      String issuedUntil,
      String organization) {}

  private final RevocationPlans plans;
  private final CurrentUser user;
  private final Pages pages;

  public RevocationPlanController(RevocationPlans plans, CurrentUser user, Pages pages) {
    this.plans = plans;
    this.user = user;
    this.pages = pages;
  }

  @PostMapping("/api/revocation-plans")
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "')")
  public ResponseEntity<Map<String, Object>> propose(@RequestBody PlanRequest request) {
    RevocationPlans.Proposal proposal = new RevocationPlans.Proposal(
        request.purpose(),
        instant("plannedRevocationAt", request.plannedRevocationAt()),
        request.serials(),
        instant("issuedFrom", request.issuedFrom()),
        instant("issuedUntil", request.issuedUntil()),
        request.organization());
    RevocationPlan plan = plans.propose(proposal, user.name());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(plan));
  }

  /** The second officer's approval: any officer or senior officer but the proposer. */
  @PostMapping("/api/revocation-plans/{id}/approval")
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "')")
  public Map<String, Object> approve(@PathVariable long id) {
    return view(plans.approve(id, user.name()));
  }

  /** Why a plan is withdrawn. */
  public record WithdrawalRequest(String reason) {}

  /** An officer withdraws a plan that will not happen; ARI's windows return to the usual ones. */
  @PostMapping("/api/revocation-plans/{id}/withdrawal")
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "')")
  public Map<String, Object> withdraw(@PathVariable long id, @RequestBody(required = false) WithdrawalRequest request) {
    return view(plans.withdraw(id, request == null ? null : request.reason(), user.name()));
  }

  @GetMapping("/api/revocation-plans")
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "','" + Roles.AUDITOR + "')")
  public List<Map<String, Object>> list() {
    return plans.all().stream().map(RevocationPlanController::view).toList();
  }

  @GetMapping("/api/revocation-plans/{id}")
  @PreAuthorize("hasAnyRole('" + Roles.OFFICER + "','" + Roles.SENIOR_OFFICER + "','" + Roles.AUDITOR + "')")
  public Map<String, Object> one(@PathVariable long id) {
    return view(plans.find(id).orElseThrow(() -> notFound(id)));
  }

  /**
   * The page subscribers reach from ARI's explanationURL: only approved plans are public, and one
   * withdrawn after its approval stays, saying it was withdrawn (a client may have the link).
   */
  @GetMapping(PUBLIC_PAGE + "{id}")
  @PreAuthorize("permitAll()")
  public ResponseEntity<String> publicPage(@PathVariable long id, HttpServletRequest request) {
    RevocationPlan plan = plans.find(id)
        .filter(p -> p.getApprovedAt() != null)
        .orElseThrow(() -> notFound(id));
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("id", plan.getId());
    model.put("purpose", plan.getPurpose());
    model.put("plannedRevocationAt", plan.getPlannedRevocationAt().toString());
    model.put("certificates", plan.getSerials().size());
    model.put("approvedAt", plan.getApprovedAt().toString());
    if (plan.getWithdrawnAt() != null) {
      model.put("withdrawnAt", plan.getWithdrawnAt().toString());
    }
    return ResponseEntity.ok().contentType(Pages.HTML).body(pages.render("revocation/plan", request, model));
  }

  static Map<String, Object> view(RevocationPlan plan) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", plan.getId());
    view.put("status", plan.getStatus().name());
    view.put("purpose", plan.getPurpose());
    view.put("criterion", plan.getCriterion());
    view.put("plannedRevocationAt", plan.getPlannedRevocationAt().toString());
    view.put("serials", plan.getSerials());
    view.put("proposedBy", plan.getProposedBy());
    view.put("proposedAt", plan.getProposedAt().toString());
    view.put("approvedBy", plan.getApprovedBy());
    view.put("approvedAt", plan.getApprovedAt() == null ? null : plan.getApprovedAt().toString());
    view.put("withdrawnBy", plan.getWithdrawnBy());
    view.put("withdrawnAt", plan.getWithdrawnAt() == null ? null : plan.getWithdrawnAt().toString());
    view.put("withdrawalReason", plan.getWithdrawalReason());
    view.put("explanationUrl", PUBLIC_PAGE + plan.getId());
    return view;
  }

  private static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new RevocationPlanRefused(RevocationPlanRefused.Kind.INVALID, "revocation-plan.time",
          field + " is not an ISO-8601 instant such as 2027-01-31T00:00:00Z: " + text);
    }
  }

  private static RevocationPlanRefused notFound(long id) {
    return new RevocationPlanRefused(RevocationPlanRefused.Kind.NOT_FOUND, "revocation-plan.not-found", "no revocation plan " + id);
  }

  @ExceptionHandler(RevocationPlanRefused.class)
  ResponseEntity<ProblemDetail> refused(RevocationPlanRefused e) {
    HttpStatus status = switch (e.kind()) {
      case INVALID -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
    };
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("Revocation plan refused");
    problem.setProperty("code", e.code());
    return ResponseEntity.status(status).body(problem);
  }
}
