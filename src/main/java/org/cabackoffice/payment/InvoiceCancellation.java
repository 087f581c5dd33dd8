package org.cabackoffice.payment;

import org.cabackoffice.application.ApplicationRejected;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A refused application owes nothing: its open invoice is cancelled. A paid one stays as it is,
 * since that money is refunded outside this system.
 */
@Component
public class InvoiceCancellation {

  private final Invoices invoices;

  public InvoiceCancellation(Invoices invoices) {
    this.invoices = invoices;
  }

  @EventListener
  public void on(ApplicationRejected rejected) {
    invoices
        .find(rejected.applicationId())
        .filter(invoice -> invoice.getStatus() == InvoiceStatus.OPEN)
        .ifPresent(invoice -> invoices.cancel(rejected.applicationId()));
  }
}
