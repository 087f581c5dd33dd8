package org.cabackoffice.revocation;

import org.cabackoffice.workflow.RevocationProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the second officer's decision on a revocation the CA proposes, refusing it from the
 * officer who proposed it (four eyes, as for issuance: EV Guidelines 5.2.4).
 */
@Component
public class RevocationApprovalListener implements TaskListener {

  static final String APPROVE = "APPROVE";

  private final RevocationRequests requests;

  public RevocationApprovalListener(RevocationRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () ->
            requests.recordApproval(
                ProblemReportInvestigationListener.requestId(task),
                BusinessKeys.officer(task),
                APPROVE.equals(BusinessKeys.text(task, Variables.REVOCATION_DECISION)),
                BusinessKeys.text(task, Variables.REVOCATION_APPROVAL_NOTE)));
  }
}
