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

  /** @param requestId for the revocation process's tasks, the revocation request's id */
  @Override
  public Optional<String> refusal(String taskKey, long requestId, String userId) {
    if (!RevocationProcess.Activities.APPROVE_REVOCATION.equals(taskKey)) {
      return Optional.empty();
    }
    return requests.approverRefusal(requestId, userId);
  }
}
