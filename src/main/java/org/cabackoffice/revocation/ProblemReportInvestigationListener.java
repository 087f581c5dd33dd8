package org.cabackoffice.revocation;

import java.util.Map;
import org.cabackoffice.workflow.RevocationProcess;
import org.cabackoffice.workflow.RevocationProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the investigating officer's decision on a problem report (BR 4.9.5) on completion; a
 * proposed revocation gets its BR 4.9.1.1 deadline, which the approval's timer reads.
 */
@Component
public class ProblemReportInvestigationListener implements TaskListener {

  static final String REVOKE = "REVOKE";

  private final RevocationRequests requests;

  public ProblemReportInvestigationListener(RevocationRequests requests) {
    this.requests = requests;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          long requestId = requestId(task);
          boolean revoke = REVOKE.equals(BusinessKeys.text(task, Variables.INVESTIGATION_DECISION));
          Map<String, Object> deadlines =
              requests.recordInvestigation(
                  requestId,
                  BusinessKeys.officer(task),
                  revoke,
                  BusinessKeys.text(task, Variables.INVESTIGATION_REASON),
                  BusinessKeys.text(task, Variables.INVESTIGATION_FINDINGS));
          task.getExecution().setVariables(deadlines);
          task.getExecution().setVariable(Variables.PROPOSED_BY, revoke ? task.getAssignee() : "");
          RevocationRequest request = requests.get(requestId);
          task.getExecution().setVariable(Variables.REASON, request.reason() == null ? "" : request.reason().rfc5280Name());
        });
  }

  static long requestId(DelegateTask task) {
    return RevocationProcess.requestId(task.getExecution().getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("not a revocation request's task"));
  }
}
