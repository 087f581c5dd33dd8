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

/**
 * Guide [2-1] 3. and [3-2]: the invoice names the customer's dedicated virtual account. Invoices
 * are issued on applying (ConfirmationOnApplying); this finds that one, or issues it for an
 * application accepted before that, and tells the stage whether the money is in already.
 */
@Component
public class IssueInvoiceDelegate implements JavaDelegate {

  private final Applications applications;
  private final Invoices invoices;
  private final Payments payments;

  public IssueInvoiceDelegate(Applications applications, Invoices invoices, Payments payments) {
    this.applications = applications;
    this.invoices = invoices;
    this.payments = payments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Application application = applications.get(BusinessKeys.applicationId(execution));
    // Before anything reads the invoice: a payment committing now is either seen or waits for us.
    invoices.lockForThePaymentStage(application.getId());
    boolean deferred = application.getPaymentMethod() == PaymentMethod.DEFERRED;
    Invoice invoice =
        invoices.issue(
            application.getId(),
            application.getCustomerAccountId(),
            application.getProduct().name(),
            application.getLicences(),
            application.isExpress(),
            deferred,
            application.getTechnicalEmail());
    execution.setVariable(Variables.PAYMENT_DEFERRED, deferred);
    // Paid before the stage began: no message will come, so the stage must not wait for one.
    boolean paid = invoice.getStatus() == InvoiceStatus.PAID;
    execution.setVariable(Variables.INVOICE_PAID, paid);
    if (paid) {
      payments.takenOnReachingThePaymentStage(invoice.getId());
    }
    // Money that arrives on the due date still counts: the timer fires when the next day begins.
    execution.setVariable(
        Variables.PAYMENT_DUE_AT,
        Date.from(invoice.getDueOn().plusDays(1).atStartOfDay(BusinessCalendar.ZONE).toInstant()));
  }
}
