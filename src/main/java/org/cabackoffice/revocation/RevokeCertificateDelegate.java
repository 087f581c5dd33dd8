package org.cabackoffice.revocation;

import org.cabackoffice.workflow.RevocationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Revokes the request's certificate (and, for a key compromise, every one with its key). */
@Component
public class RevokeCertificateDelegate implements JavaDelegate {

  private final RevocationRequests requests;

  public RevokeCertificateDelegate(RevocationRequests requests) {
    this.requests = requests;
  }

  @Override
  public void execute(DelegateExecution execution) {
    requests.carryOut(requestId(execution));
  }

  static long requestId(DelegateExecution execution) {
    return RevocationProcess.requestId(execution.getProcessBusinessKey())
        .orElseThrow(() -> new IllegalStateException("not a revocation request's process: " + execution.getProcessBusinessKey()));
  }
}
