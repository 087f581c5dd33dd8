package org.cabackoffice.verification;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.cabackoffice.documents.DocumentKind;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.DocumentRequests;
import org.cabackoffice.domain.RegistrantComparisons;
import org.cabackoffice.access.Roles;
import org.cabackoffice.security.StaffDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second pair of eyes before issuance. EV Guidelines 5.2.4 (and good practice for OV): the
 * person who validated the application may not also approve it.
 */
@Service
public class IssuanceApprovals {

  private final PhoneVerifications phoneVerifications;
  private final DocumentRequests documents;
  private final IssuanceApprovalRepository approvals;
  private final StaffDirectory staff;
  private final RegistrantComparisons comparisons;
  private final OfficerTasks officerTasks;
  private final Clock clock;

  public IssuanceApprovals(
      PhoneVerifications phoneVerifications,
      DocumentRequests documents,
      IssuanceApprovalRepository approvals,
      StaffDirectory staff,
      RegistrantComparisons comparisons,
      OfficerTasks officerTasks,
      Clock clock) {
    this.phoneVerifications = phoneVerifications;
    this.documents = documents;
    this.approvals = approvals;
    this.staff = staff;
    this.comparisons = comparisons;
    this.officerTasks = officerTasks;
    this.clock = clock;
  }

  /** Everyone who took a validation decision on the application. */
  @Transactional(readOnly = true)
  public Set<String> validators(long applicationId) {
    Set<String> validators = new LinkedHashSet<>();
    phoneVerifications.of(applicationId).forEach(call -> validators.add(call.getOfficer()));
    comparisons.byApplication(applicationId).forEach(c -> validators.add(c.getOfficer()));
    validators.addAll(officerTasks.completersBeforeApproval(applicationId));
    for (DocumentKind kind : DocumentKind.values()) {
      documents
          .latest(applicationId, kind)
          .map(DocumentRequest::getReviewer)
          .ifPresent(validators::add);
    }
    return validators;
  }

  /**
   * Whether issuance stands approved now: the latest decision approves, and its approver is a
   * senior officer who validated nothing. Signing asks again, so no path around the approval task
   * (a moved process instance, a changed model) signs without one.
   */
  @Transactional(readOnly = true)
  public boolean approved(long applicationId) {
    return approvals
        .findFirstByApplicationIdOrderByIdDesc(applicationId)
        .filter(IssuanceApproval::isApproved)
        .filter(a -> staff.hasRole(a.getApprover(), Roles.SENIOR_OFFICER))
        .filter(a -> !validators(applicationId).contains(a.getApprover()))
        .isPresent();
  }

  /**
   * Why {@code approver} may not decide the approval, or empty when they may: asked before the
   * task is claimed (so nobody holds a task they cannot complete) and again when it is completed.
   */
  @Transactional(readOnly = true)
  public Optional<String> approverRefusal(long applicationId, String approver) {
    if (approver == null || approver.isBlank()) {
      return Optional.of("claim the task before deciding: the approver must be known");
    }
    // The engine does not enforce candidate groups on completion; the rule holds here.
    if (!staff.hasRole(approver, Roles.SENIOR_OFFICER)) {
      return Optional.of(approver + " is not a senior officer; only a senior officer approves issuance");
    }
    if (validators(applicationId).contains(approver)) {
      return Optional.of(
          approver
              + " validated this application and may not also approve its issuance"
              + " (EV Guidelines 5.2.4); another senior officer must decide");
    }
    return Optional.empty();
  }

  @Transactional
  public IssuanceApproval record(long applicationId, String approver, boolean approved, String note) {
    approverRefusal(applicationId, approver)
        .ifPresent(
            refusal -> {
              throw new FourEyesViolationException(refusal);
            });
    return approvals.save(
        new IssuanceApproval(applicationId, approver, approved, note, clock.instant()));
  }
}
