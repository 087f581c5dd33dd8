package org.cabackoffice.revocation;

import java.util.Optional;
import org.cabackoffice.workflow.RevocationProcess;
import org.cabackoffice.workflow.TaskDecisionRule;
import org.springframework.stereotype.Component;

/**
 * Only a senior officer who did not propose the revocation may take its approval: refused at the
 * claim, so the task stays free for one who may decide it (as {@code ApproverRule} for issuance).
 */
@Component
public class RevocationApproverRule implements TaskDecisionRule {

  private final RevocationRequests requests;

  public RevocationApproverRule(RevocationRequests requests) {
    this.requests = requests;
  }

  @Override
  public Optional<String> refusal(Task task, String userId) {
    if (!task.is(RevocationProcess.PROCESS_KEY, RevocationProcess.Activities.APPROVE_REVOCATION)) {
      return Optional.empty();
    }
    return RevocationProcess.requestId(task.businessKey()).flatMap(requestId -> requests.approverRefusal(requestId, userId));
  }
}
