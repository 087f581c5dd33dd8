package org.cabackoffice.payment;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.cabackoffice.application.ApplicationRejected;
import org.cabackoffice.application.RejectionReason;
import org.junit.jupiter.api.Test;

class InvoiceCancellationTest {

  final Invoices invoices = mock(Invoices.class);
  final InvoiceCancellation cancellation = new InvoiceCancellation(invoices);

  private void invoiceIn(InvoiceStatus status) {
    Invoice invoice = mock(Invoice.class);
    when(invoice.getStatus()).thenReturn(status);
    when(invoices.find(3)).thenReturn(Optional.of(invoice));
  }

  @Test
  void aRefusedApplicationsOpenInvoiceIsCancelled() {
    invoiceIn(InvoiceStatus.OPEN);
    cancellation.on(new ApplicationRejected(3, RejectionReason.PHONE_VERIFICATION_REFUSED));
    verify(invoices).cancel(3);
  }

  @Test
  void aPaidInvoiceIsLeftForARefund() {
    invoiceIn(InvoiceStatus.PAID);
    cancellation.on(new ApplicationRejected(3, RejectionReason.ISSUANCE_NOT_APPROVED));
    verify(invoices, never()).cancel(3);
  }

  @Test
  void anApplicationRefusedBeforeItsInvoiceHasNothingToCancel() {
    when(invoices.find(3)).thenReturn(Optional.empty());
    cancellation.on(new ApplicationRejected(3, RejectionReason.CSR_REFUSED));
    verify(invoices, never()).cancel(3);
  }
}
