package org.cabackoffice.payment;

import java.util.Date;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.Applications;
import org.cabackoffice.application.PaymentMethod;
import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Guide [2-1] 3. and [3-2]: the invoice names the customer's dedicated virtual account. */
@Component
public class IssueInvoiceDelegate implements JavaDelegate {

  private final Applications applications;
  private final Invoices invoices;

  public IssueInvoiceDelegate(Applications applications, Invoices invoices) {
    this.applications = applications;
    this.invoices = invoices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Application application = applications.get(BusinessKeys.applicationId(execution));
    boolean deferred = application.getPaymentMethod() == PaymentMethod.DEFERRED;
    Invoice invoice =
        invoices.issue(
            application.getId(),
            application.getCustomerAccountId(),
            application.getProduct().name(),
            application.isExpress(),
            deferred,
            application.getTechnicalEmail());
    execution.setVariable(Variables.PAYMENT_DEFERRED, deferred);
    // Money that arrives on the due date still counts: the timer fires when the next day begins.
    execution.setVariable(
        Variables.PAYMENT_DUE_AT,
        Date.from(invoice.getDueOn().plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant()));
  }
}
