package org.cabackoffice.verification;

import java.util.Optional;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.TaskDecisionRule;
import org.springframework.stereotype.Component;

/**
 * Only a senior officer who validated nothing of the application may take its approval (EV
 * Guidelines 5.2.4): refused at the claim, the officer learns it before opening the form, and
 * the task stays free for a senior officer who may decide it.
 */
@Component
public class ApproverRule implements TaskDecisionRule {

  private final IssuanceApprovals approvals;

  public ApproverRule(IssuanceApprovals approvals) {
    this.approvals = approvals;
  }

  @Override
  public Optional<String> refusal(Task task, String userId) {
    if (!task.is(RenewalProcess.PROCESS_KEY, RenewalProcess.Activities.APPROVE_ISSUANCE)) {
      return Optional.empty();
    }
    return RenewalProcess.applicationId(task.businessKey())
        .flatMap(applicationId -> approvals.approverRefusal(applicationId, userId));
  }
}
