package org.cabackoffice.acme.camunda;

import java.util.HashMap;
import java.util.Map;
import org.cabackoffice.acme.AcmeOrderProcess;
import org.cabackoffice.acme.AcmeOrderVariables;
import org.cabackoffice.documents.AcmeOrderDocumentArrivals;
import org.cabackoffice.workflow.camunda.WaitingMessage;
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
    WaitingMessage.deliver(
        runtime, PROCESS_KEY, AcmeOrderVariables.businessKey(orderId), messageName, Map.of(), "ACME order " + orderId);
  }
}
