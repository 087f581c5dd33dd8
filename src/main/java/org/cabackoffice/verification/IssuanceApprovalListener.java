package org.cabackoffice.verification;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation shows the approver who validated; on completion records the decision, refusing it
 * when the approver validated the application too (EV Guidelines 5.2.4).
 */
@Component
public class IssuanceApprovalListener implements TaskListener {

  private final IssuanceApprovals approvals;

  public IssuanceApprovalListener(IssuanceApprovals approvals) {
    this.approvals = approvals;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          long applicationId = BusinessKeys.applicationId(task);
          if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariable(Variables.VALIDATED_BY, String.join(", ", approvals.validators(applicationId)));
            return;
          }
          approvals.record(
              applicationId,
              BusinessKeys.officer(task),
              "APPROVE".equals(BusinessKeys.text(task, Variables.ISSUANCE_DECISION)),
              BusinessKeys.text(task, Variables.APPROVAL_NOTE));
        });
  }
}
