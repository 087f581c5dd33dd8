package org.cabackoffice.verification;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.cabackoffice.documents.DocumentKind;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.DocumentRequests;
import org.cabackoffice.security.Roles;
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
  private final Clock clock;

  public IssuanceApprovals(
      PhoneVerifications phoneVerifications,
      DocumentRequests documents,
      IssuanceApprovalRepository approvals,
      StaffDirectory staff,
      Clock clock) {
    this.phoneVerifications = phoneVerifications;
    this.documents = documents;
    this.approvals = approvals;
    this.staff = staff;
    this.clock = clock;
  }

  /** Everyone who took a validation decision on the application. */
  @Transactional(readOnly = true)
  public Set<String> validators(long applicationId) {
    Set<String> validators = new LinkedHashSet<>();
    phoneVerifications.of(applicationId).forEach(call -> validators.add(call.getOfficer()));
    for (DocumentKind kind : DocumentKind.values()) {
      documents
          .latest(applicationId, kind)
          .map(DocumentRequest::getReviewer)
          .ifPresent(validators::add);
    }
    return validators;
  }

  @Transactional
  public IssuanceApproval record(long applicationId, String approver, boolean approved, String note) {
    if (approver == null || approver.isBlank()) {
      throw new FourEyesViolationException("claim the task before deciding: the approver must be known");
    }
    // The engine does not enforce candidate groups on completion; the rule holds here.
    if (!staff.hasRole(approver, Roles.SENIOR_OFFICER)) {
      throw new FourEyesViolationException(
          approver + " is not a senior officer; only a senior officer approves issuance");
    }
    if (validators(applicationId).contains(approver)) {
      throw new FourEyesViolationException(
          approver
              + " validated this application and may not also approve its issuance"
              + " (EV Guidelines 5.2.4); another senior officer must decide");
    }
    return approvals.save(
        new IssuanceApproval(applicationId, approver, approved, note, clock.instant()));
  }
}
