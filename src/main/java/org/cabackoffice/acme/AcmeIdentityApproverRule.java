package org.cabackoffice.acme;

import java.util.Optional;
import org.cabackoffice.workflow.TaskDecisionRule;
import org.springframework.stereotype.Component;

/**
 * Only a senior officer who did not make the order's phone call may take its identity approval
 * (EV Guidelines 5.2.4), as {@code ApproverRule} holds it for an application's: refused at the
 * claim, the task stays free for a senior officer who may decide it, rather than waiting on one
 * whose completion {@link AcmeIdentityApprovalListener} would refuse.
 */
@Component
public class AcmeIdentityApproverRule implements TaskDecisionRule {

  private final AcmeIdentitySteps steps;

  public AcmeIdentityApproverRule(AcmeIdentitySteps steps) {
    this.steps = steps;
  }

  @Override
  public Optional<String> refusal(Task task, String userId) {
    if (!task.is(AcmeOrderProcess.PROCESS_KEY, AcmeOrderVariables.Activities.APPROVE_IDENTITY)) {
      return Optional.empty();
    }
    return AcmeOrderVariables.orderId(task.businessKey()).flatMap(orderId -> steps.approverRefusal(orderId, userId));
  }
}
