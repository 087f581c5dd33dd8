package org.cabackoffice.payment;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cabackoffice.timeline.TimelineContributor;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.cabackoffice.timeline.TimelineOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The payment stage (guide [3-2]): the invoice, its cancellation, and the payment recorded. */
@Component
@Order(TimelineOrder.PAYMENT)
class PaymentTimeline implements TimelineContributor {

  private final InvoiceRepository invoices;
  private final PaymentRepository payments;

  PaymentTimeline(InvoiceRepository invoices, PaymentRepository payments) {
    this.invoices = invoices;
    this.payments = payments;
  }

  @Override
  public List<TimelineEntry> entriesOf(long applicationId) {
    List<TimelineEntry> entries = new ArrayList<>();
    invoices
        .findByApplicationId(applicationId)
        .ifPresent(
            invoice -> {
              entries.addAll(invoice(invoice));
              payments.findByInvoiceId(invoice.getId()).ifPresent(p -> entries.add(payment(p)));
            });
    return entries;
  }

  private static List<TimelineEntry> invoice(Invoice i) {
    String reference = "invoice:" + i.getId();
    List<TimelineEntry> entries = new ArrayList<>();
    entries.add(
        new TimelineEntry(
            i.getIssuedAt(),
            TimelineKind.INVOICE_ISSUED,
            TimelineEntry.SYSTEM,
            "Invoice issued: "
                + yen(i.getTotalYen())
                + " (price "
                + yen(i.getPriceYen())
                + ", express surcharge "
                + yen(i.getExpressSurchargeYen())
                + ", tax "
                + yen(i.getTaxYen())
                + "), due "
                + i.getDueOn()
                + (i.isDeferred() ? ", deferred payment: issuance does not wait for it" : ""),
            reference));
    if (i.getCancelledAt() != null) {
      entries.add(
          new TimelineEntry(
              i.getCancelledAt(), TimelineKind.INVOICE_CANCELLED, TimelineEntry.SYSTEM, "Invoice cancelled", reference));
    }
    return entries;
  }

  private static TimelineEntry payment(Payment p) {
    if (p.getReference().startsWith(Coupons.COUPON_REFERENCE)) {
      return new TimelineEntry(
          p.getRecordedAt(),
          TimelineKind.PAYMENT_RECORDED,
          p.getRecordedBy(),
          "Paid "
              + yen(p.getAmountYen())
              + " with coupon "
              + p.getReference().substring(Coupons.COUPON_REFERENCE.length())
              + (p.isProcessNotified() ? "" : " (no process was waiting for it)"),
          "payment:" + p.getId());
    }
    return new TimelineEntry(
        p.getRecordedAt(),
        TimelineKind.PAYMENT_RECORDED,
        p.getRecordedBy(),
        "Payment of "
            + yen(p.getAmountYen())
            + " recorded, value date "
            + p.getValueDate()
            + ", bank reference '"
            + p.getReference()
            + "'"
            + (p.isProcessNotified() ? "" : " (no process was waiting for it)"),
        "payment:" + p.getId());
  }

  private static String yen(long amount) {
    return NumberFormat.getIntegerInstance(Locale.ROOT).format(amount) + " yen";
  }
}
