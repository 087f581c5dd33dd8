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
  private final InvoiceNumbers numbers;
  private final Clock clock;

  public Invoices(
      InvoiceRepository invoices,
      InvoiceNumbers numbers,
      VirtualAccounts virtualAccounts,
      VirtualAccountRepository accountRepository,
      PaymentProperties properties,
      MailTemplates templates,
      Outbox outbox,
      Clock clock) {
    this.invoices = invoices;
    this.numbers = numbers;
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
    return issue(applicationId, customerAccountId, product, 1, express, deferred, technicalContactEmail);
  }

  /**
   * As above for {@code licences} licences of the product: each licence is priced, the express
   * surcharge is one per application (one issuance, however many servers).
   */
  @Transactional
  public Invoice issue(
      long applicationId,
      long customerAccountId,
      String product,
      int licences,
      boolean express,
      boolean deferred,
      String technicalContactEmail) {
    Optional<Invoice> existing = invoices.findByApplicationId(applicationId);
    if (existing.isPresent()) {
      return existing.get();
    }
    Invoice invoice =
        create(applicationId, customerAccountId, product, licences, express, deferred, technicalContactEmail);
    outbox.enqueue(
        templates.compose(
            "invoice:" + applicationId,
            deferred ? "invoice-deferred" : "invoice",
            technicalContactEmail,
            mailModel(invoice, virtualAccounts.forCustomer(customerAccountId)),
            List.of())
            .about(applicationId));
    return invoice;
  }

  /**
   * Locks the application's invoice for the payment stage's transaction, before the stage reads
   * it. A payment pays an invoice by updating its row, so it either commits before the stage
   * reads (the stage sees the invoice paid and does not wait) or waits for the stage to commit its
   * wait for the money (and then finds the process waiting). Without the lock the stage could read
   * the invoice open, the payment commit and find no process waiting, and the stage then wait for
   * a payment that had come.
   */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
  public void lockForThePaymentStage(long applicationId) {
    invoices.lockByApplicationId(applicationId);
  }

  /**
   * The invoice of an application accepted just now (guide [2-1] 3.: the last screen of the
   * application shows the dedicated account and the PDF invoice), issued in the intake's
   * transaction so its number is drawn only if the application is stored. It mails nothing: the
   * confirmation mail ({@link ConfirmationOnApplying}) names the amount, the account and the due
   * date, and the payment stage later finds this invoice and mails nothing either.
   */
  @Transactional
  public Invoice issueOnApplying(
      long applicationId,
      long customerAccountId,
      String product,
      int licences,
      boolean express,
      boolean deferred,
      String technicalContactEmail) {
    Optional<Invoice> existing = invoices.findByApplicationId(applicationId);
    if (existing.isPresent()) {
      return existing.get();
    }
    return create(applicationId, customerAccountId, product, licences, express, deferred, technicalContactEmail);
  }

  private Invoice create(
      long applicationId,
      long customerAccountId,
      String product,
      int licences,
      boolean express,
      boolean deferred,
      String technicalContactEmail) {
    if (licences < 1) {
      throw new IllegalArgumentException("an invoice is for at least one licence, not " + licences);
    }
    if (technicalContactEmail == null || technicalContactEmail.isBlank()) {
      throw new IllegalArgumentException(
          "application " + applicationId + " has no technical contact e-mail to send the invoice to");
    }
    Charges charges = Charges.of(properties, product, licences, express);
    // A Japanese date, like the value dates a transfer is checked against (ValueDates).
    LocalDate today = ValueDates.today(clock);
    VirtualAccount account = virtualAccounts.forCustomer(customerAccountId);
    return invoices.save(
            new Invoice(
                numbers.next(),
                applicationId,
                customerAccountId,
                account.getId(),
                product,
                express,
                deferred,
                charges.priceYen(),
                charges.expressSurchargeYen(),
                charges.taxPercent(),
                charges.taxYen(),
                today,
                today.plusDays(properties.dueDays()),
                technicalContactEmail,
                clock.instant()));
  }

  /**
   * What an annual ACME contract is billed: its qualified-invoice number, drawn from the same
   * consecutive series as the applications' invoices (one series per issuer), the charges by the
   * same rule (price per unit, tax once on the subtotal) and the customer's dedicated transfer
   * account (guide [2-1] 3.: 振り込み専用口座), which the contract keeps with it.
   */
  public record ContractInvoice(
      long invoiceNumber, long virtualAccountId, String accountNumber, Charges charges, LocalDate issuedOn, LocalDate dueOn) {}

  /** Draws the invoice of a contract for {@code units} of {@code product}, in the caller's transaction. */
  @Transactional
  public ContractInvoice issueForContract(long customerAccountId, String product, int units) {
    Charges charges = Charges.of(properties, product, units, false);
    LocalDate today = ValueDates.today(clock);
    VirtualAccount account = virtualAccounts.forCustomer(customerAccountId);
    return new ContractInvoice(
        numbers.next(), account.getId(), account.getAccountNumber(), charges, today, today.plusDays(properties.dueDays()));
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

  /** What a mail about the invoice names: the amounts, the dates and where to transfer. */
  Map<String, Object> mailModel(Invoice invoice, VirtualAccount account) {
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
