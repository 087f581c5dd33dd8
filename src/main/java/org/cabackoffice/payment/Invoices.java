package org.cabackoffice.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.application.Product;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the invoice of an application and tells the technical contact where to transfer the
 * money (guide [2-1] 3.: 振り込み専用口座番号、PDF 請求書; [3-2]).
 */
@Service
public class Invoices {

  private final InvoiceRepository invoices;
  private final VirtualAccounts virtualAccounts;
  private final VirtualAccountRepository accountRepository;
  private final PaymentProperties properties;
  private final MailTemplates templates;
  private final Outbox outbox;
  private final Clock clock;

  public Invoices(
      InvoiceRepository invoices,
      VirtualAccounts virtualAccounts,
      VirtualAccountRepository accountRepository,
      PaymentProperties properties,
      MailTemplates templates,
      Outbox outbox,
      Clock clock) {
    this.invoices = invoices;
    this.virtualAccounts = virtualAccounts;
    this.accountRepository = accountRepository;
    this.properties = properties;
    this.templates = templates;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * The application's invoice, issued and mailed on the first call. A retried job gets the
   * existing invoice back and mails nobody again: the first mail was stored in the outbox in the
   * same transaction as the invoice, and its dedup key names the application besides.
   *
   * @param deferred 先行納入手配: the certificate is issued before payment; the guide allows it for
   *     renewals only, which the caller (who knows the application type) decides
   */
  @Transactional
  public Invoice issue(
      long applicationId,
      long customerAccountId,
      String product,
      boolean express,
      boolean deferred,
      String technicalContactEmail) {
    Optional<Invoice> existing = invoices.findByApplicationId(applicationId);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (technicalContactEmail == null || technicalContactEmail.isBlank()) {
      throw new IllegalArgumentException(
          "application " + applicationId + " has no technical contact e-mail to send the invoice to");
    }
    long price = properties.priceOf(product);
    long surcharge = express ? properties.expressSurcharge() : 0L;
    long tax = Math.floorDiv((price + surcharge) * properties.consumptionTaxPercent(), 100L);
    // A Japanese date, like the value dates a transfer is checked against (ValueDates).
    LocalDate today = ValueDates.today(clock);
    VirtualAccount account = virtualAccounts.forCustomer(customerAccountId);
    Invoice invoice =
        invoices.save(
            new Invoice(
                applicationId,
                customerAccountId,
                account.getId(),
                product,
                express,
                deferred,
                price,
                surcharge,
                tax,
                today,
                today.plusDays(properties.dueDays()),
                technicalContactEmail,
                clock.instant()));
    outbox.enqueue(
        templates.compose(
            "invoice:" + applicationId,
            deferred ? "invoice-deferred" : "invoice",
            technicalContactEmail,
            mailModel(invoice, account),
            List.of())
            .about(applicationId));
    return invoice;
  }

  @Transactional(readOnly = true)
  public Optional<Invoice> find(long applicationId) {
    return invoices.findByApplicationId(applicationId);
  }

  /** The transfer account an invoice asks the customer to pay into. */
  @Transactional(readOnly = true)
  public VirtualAccount accountOf(Invoice invoice) {
    return accountRepository
        .findById(invoice.getVirtualAccountId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "invoice " + invoice.getId() + " names a missing virtual account"));
  }

  /**
   * Voids the invoice of a withdrawn or refused application. A paid invoice is not cancelled:
   * that money must be refunded, which is outside this system.
   */
  @Transactional
  public Invoice cancel(long applicationId) {
    Invoice invoice =
        invoices
            .findByApplicationId(applicationId)
            .orElseThrow(
                () ->
                    new PaymentRefused(
                        PaymentRefused.Reason.NO_INVOICE,
                        "no invoice for application " + applicationId));
    switch (invoice.getStatus()) {
      case PAID ->
          throw new PaymentRefused(
              PaymentRefused.Reason.ALREADY_PAID,
              "the invoice of application " + applicationId + " is paid; refund it instead");
      case OPEN -> invoice.cancel(clock.instant());
      case CANCELLED -> {
        // cancelling twice changes nothing, so a retried job succeeds
      }
    }
    return invoice;
  }

  private Map<String, Object> mailModel(Invoice invoice, VirtualAccount account) {
    Map<String, Object> model = new HashMap<>();
    model.put("applicationId", invoice.getApplicationId());
    // The Japanese half names the product as the guide does, the English half for agencies abroad.
    Product product = Product.valueOf(invoice.getProduct());
    model.put("productNameJa", product.nameJa());
    model.put("productNameEn", product.nameEn());
    model.put("price", yen(invoice.getPriceYen()));
    model.put("expressSurcharge", yen(invoice.getExpressSurchargeYen()));
    model.put("taxPercent", properties.consumptionTaxPercent());
    model.put("tax", yen(invoice.getTaxYen()));
    model.put("total", yen(invoice.getTotalYen()));
    model.put("issueDate", invoice.getIssuedOn().toString());
    model.put("dueDate", invoice.getDueOn().toString());
    model.put("bankName", properties.bankName());
    model.put("branchName", properties.branchName());
    model.put("branchCode", properties.branchCode());
    model.put("accountNumber", account.getAccountNumber());
    model.put("accountHolder", properties.accountHolder());
    return model;
  }

  static String yen(long amount) {
    return String.format(Locale.ROOT, "%,d", amount);
  }
}
