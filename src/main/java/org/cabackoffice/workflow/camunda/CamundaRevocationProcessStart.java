package org.cabackoffice.workflow.camunda;

import java.util.Map;
import org.cabackoffice.workflow.RevocationProcess;
import org.cabackoffice.workflow.RevocationProcessStart;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The engine side of {@link RevocationProcessStart}. */
@Component
public class CamundaRevocationProcessStart implements RevocationProcessStart {

  private final RuntimeService runtime;

  public CamundaRevocationProcessStart(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(long requestId, Map<String, Object> variables) {
    runtime.startProcessInstanceByKey(
        RevocationProcess.PROCESS_KEY, RevocationProcess.businessKey(requestId), variables);
  }
}
