package org.cabackoffice.acme.camunda;

import java.util.HashMap;
import java.util.Map;
import org.cabackoffice.acme.AcmeOrderProcess;
import org.cabackoffice.acme.AcmeOrderVariables;
import org.cabackoffice.documents.AcmeOrderDocumentArrivals;
import org.cabackoffice.workflow.ProcessSignals.NoProcessWaitingException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine side of {@link AcmeOrderProcess}, and of the documents an order's identity steps wait
 * for ({@link AcmeOrderDocumentArrivals}).
 */
@Component
public class CamundaAcmeOrderProcess implements AcmeOrderProcess, AcmeOrderDocumentArrivals {

  private final RuntimeService runtime;

  public CamundaAcmeOrderProcess(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void start(long orderId, String accountUri) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(AcmeOrderVariables.ORDER_ID, orderId);
    variables.put(AcmeOrderVariables.ACCOUNT_URI, accountUri);
    runtime.startProcessInstanceByKey(PROCESS_KEY, AcmeOrderVariables.businessKey(orderId), variables);
  }

  @Override
  public void finalized(long orderId) {
    String businessKey = AcmeOrderVariables.businessKey(orderId);
    boolean waiting =
        runtime.createEventSubscriptionQuery()
                .eventType("message")
                .eventName(FINALIZED_MESSAGE)
                .processInstanceId(
                    runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey, PROCESS_KEY)
                        .list().stream().findFirst().map(p -> p.getId()).orElse("-"))
                .count()
            > 0;
    if (waiting) {
      runtime.createMessageCorrelation(FINALIZED_MESSAGE).processInstanceBusinessKey(businessKey).correlate();
    }
  }

  @Override
  public void arrived(long orderId, String messageName) {
    String businessKey = AcmeOrderVariables.businessKey(orderId);
    // Asked first, as for an application: a correlation that finds nobody is an expected answer
    // (a file uploaded after the order was refused), but the engine logs it at ERROR.
    boolean waiting =
        runtime.createExecutionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(messageName)
                .count()
            > 0;
    if (!waiting) {
      throw new NoProcessWaitingException("ACME order " + orderId + " is not waiting for '" + messageName + "'");
    }
    try {
      runtime.createMessageCorrelation(messageName).processInstanceBusinessKey(businessKey).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      // The wait ended between the look and the correlation (its link expired meanwhile).
      throw new NoProcessWaitingException("ACME order " + orderId + " is not waiting for '" + messageName + "'");
    }
  }
}
