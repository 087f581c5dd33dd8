package org.cabackoffice.acme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cabackoffice.application.Product;
import org.cabackoffice.billing.BillingDocuments;
import org.cabackoffice.billing.DocumentsUnavailable;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.Outbox;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.payment.Charges;
import org.cabackoffice.payment.ContractInvoices;
import org.cabackoffice.payment.Invoices;
import org.cabackoffice.payment.PaymentProperties;
import org.cabackoffice.payment.Payments;
import org.cabackoffice.payment.VirtualAccount;
import org.cabackoffice.payment.VirtualAccountRepository;
import org.cabackoffice.security.CustomerAccount;
import org.cabackoffice.security.CustomerAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment for automated renewals (issue 15): annual contracts per customer and validated
 * organization, billed and paid as the guide's applications are (a qualified invoice from the same
 * series, a transfer to the customer's dedicated account, recorded by an officer), and each signed
 * order's consumption from them, exactly once per order.
 */
@Service
public class AcmeContracts implements ContractInvoices {

  private static final Logger log = LoggerFactory.getLogger(AcmeContracts.class);

  /** ACME issues OV certificates here (CertificateProfile.OV): the OV products are sold for it. */
  static final List<String> PRODUCTS = List.of("SECURE_SERVER_ID", "GLOBAL_SERVER_ID");

  /** Whether an order is paid for by a contract, and if not, why (for the officer's form). */
  public record Coverage(boolean covered, String reason) {}

  /** A request the API refuses, with the reason the caller can act on. */
  public static class Refused extends RuntimeException {
    /** What was wrong. */
    public enum Kind {
      INVALID,
      UNKNOWN_CUSTOMER,
      NOT_VALIDATED,
      NOT_FOUND,
      ALREADY_PAID
    }

    private final Kind kind;

    Refused(Kind kind, String message) {
      super(message);
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  private final AcmeContractRepository contracts;
  private final AcmeContractUseRepository uses;
  private final AcmeOrderRepository orders;
  private final AcmeAccountRepository accounts;
  private final CustomerAccounts customers;
  private final ValidatedOrganizations organizations;
  private final Invoices invoices;
  private final Payments payments;
  private final Billing billing;
  private final Clock clock;

  /**
   * What billing a contract takes besides the invoice number: the transfer account's details, the
   * PDF invoice and the mail that carries it (through the outbox, in the contract's transaction).
   */
  record Billing(
      VirtualAccountRepository virtualAccounts,
      PaymentProperties bank,
      BillingDocuments documents,
      MailTemplates templates,
      Outbox outbox) {}

  public AcmeContracts(
      AcmeContractRepository contracts,
      AcmeContractUseRepository uses,
      AcmeOrderRepository orders,
      AcmeAccountRepository accounts,
      CustomerAccounts customers,
      ValidatedOrganizations organizations,
      Invoices invoices,
      Payments payments,
      VirtualAccountRepository virtualAccounts,
      PaymentProperties bank,
      BillingDocuments documents,
      MailTemplates templates,
      Outbox outbox,
      Clock clock) {
    this.contracts = contracts;
    this.uses = uses;
    this.orders = orders;
    this.accounts = accounts;
    this.customers = customers;
    this.organizations = organizations;
    this.invoices = invoices;
    this.payments = payments;
    this.billing = new Billing(virtualAccounts, bank, documents, templates, outbox);
    this.clock = clock;
  }

  // --- officers and operations ---------------------------------------------------------------

  /**
   * A contract for the customer's validated organization from {@code startsOn} (today in Japan
   * when null) for a year, with its invoice drawn now.
   */
  @Transactional
  public AcmeContract create(String customerEmail, String unit, Integer quantity, LocalDate startsOn, String product,
      String officer) {
    CustomerAccount customer = customers.byEmail(customerEmail == null ? "" : customerEmail.strip())
        .orElseThrow(() -> new Refused(Refused.Kind.UNKNOWN_CUSTOMER,
            "no storefront account " + customerEmail + "; name the customer by its user ID (e-mail)"));
    ValidatedOrganizations.Validated validated = organizations.ofCustomer(customer.getId())
        .orElseThrow(() -> new Refused(Refused.Kind.NOT_VALIDATED,
            "the customer " + customer.getEmail() + " has no organization validated by officers;"
                + " automated renewal is for validated organizations"));
    AcmeContract.Unit parsedUnit = unit(unit);
    if (quantity == null || quantity < 1 || quantity > Charges.MOST_LICENCES) {
      throw new Refused(Refused.Kind.INVALID, "quantity must be between 1 and " + Charges.MOST_LICENCES);
    }
    String productCode = product == null ? "GLOBAL_SERVER_ID" : product.strip().toUpperCase(Locale.ROOT);
    if (!PRODUCTS.contains(productCode)) {
      throw new Refused(Refused.Kind.INVALID, "product must be one of " + PRODUCTS + " (ACME issues OV certificates)");
    }
    LocalDate today = today();
    LocalDate first = startsOn == null ? today : startsOn;
    if (first.isBefore(today) || first.isAfter(today.plusYears(1))) {
      throw new Refused(Refused.Kind.INVALID, "startsOn must be between today (" + today + ") and a year from now");
    }
    Invoices.ContractInvoice invoice = invoices.issueForContract(customer.getId(), productCode, quantity);
    Charges charges = invoice.charges();
    AcmeContract contract = contracts.save(new AcmeContract(customer.getId(), validated.entry().getId(), parsedUnit,
        quantity, first, productCode, invoice.invoiceNumber(), invoice.virtualAccountId(), charges.unitPriceYen(),
        charges.priceYen(), charges.taxPercent(), charges.taxYen(), charges.totalYen(), invoice.issuedOn(),
        invoice.dueOn(), officer, clock.instant()));
    log.info("ACME contract {} for customer #{} (organization record #{}): {} {} from {}, invoice No. {} of {} yen, by {}",
        contract.getId(), customer.getId(), validated.entry().getId(), quantity, parsedUnit, first,
        invoice.invoiceNumber(), charges.totalYen(), officer);
    billing.outbox().enqueue(invoiceMail(contract, customer, invoice.accountNumber()));
    return contract;
  }

  /**
   * The invoice mail to the customer's user ID (guide [2-1] 3.: the dedicated account and the PDF
   * invoice), stored in the outbox with the contract, so a contract whose transaction rolls back
   * mails nobody. The PDF is attached when this machine can make it (a font is installed); else
   * the mail says where the storefront keeps it, as the amounts and the account are in the mail.
   */
  private OutgoingMail invoiceMail(AcmeContract contract, CustomerAccount customer, String accountNumber) {
    Map<String, Object> model = new HashMap<>();
    Product product = Product.valueOf(contract.getProduct());
    model.put("contractId", contract.getId());
    model.put("invoiceNumber", String.format(Locale.ROOT, "%06d", contract.getInvoiceNumber()));
    model.put("productNameJa", product.nameJa());
    model.put("productNameEn", product.nameEn());
    model.put("quantity", contract.getQuantity());
    model.put("unitJa", unitJa(contract.getUnit()));
    model.put("unitEn", contract.getUnit() == AcmeContract.Unit.CERTIFICATES ? "certificates" : "names (FQDNs)");
    model.put("startsOn", contract.getStartsOn().toString());
    model.put("lastDay", contract.getEndsOn().minusDays(1).toString());
    model.put("price", yen(contract.getPriceYen()));
    model.put("taxPercent", contract.getTaxPercent());
    model.put("tax", yen(contract.getTaxYen()));
    model.put("total", yen(contract.getTotalYen()));
    model.put("issueDate", contract.getInvoicedOn().toString());
    model.put("dueDate", contract.getDueOn().toString());
    model.put("bankName", billing.bank().bankName());
    model.put("branchName", billing.bank().branchName());
    model.put("branchCode", billing.bank().branchCode());
    model.put("accountNumber", accountNumber);
    model.put("accountHolder", billing.bank().accountHolder());
    List<OutgoingMail.Attachment> attachments = new ArrayList<>();
    try {
      BillingDocuments.Made pdf = billing.documents().contractInvoice(bill(contract, customer, accountNumber));
      attachments.add(new OutgoingMail.Attachment(pdf.fileName(), "application/pdf", pdf.pdf()));
    } catch (DocumentsUnavailable noFont) {
      log.warn("ACME contract {}: the invoice mail goes without its PDF: {}", contract.getId(), noFont.getMessage());
    }
    return billing.templates().compose("acme-contract-invoice:" + contract.getId(), "acme-contract-invoice",
        customer.getEmail(), model, attachments);
  }

  private BillingDocuments.ContractBill bill(AcmeContract c, CustomerAccount customer, String accountNumber) {
    return new BillingDocuments.ContractBill(c.getId(), c.getInvoiceNumber(), c.getInvoicedOn(), c.getDueOn(),
        BillingDocuments.addressee(customer), c.getProduct(), unitJa(c.getUnit()), c.getQuantity(), c.getUnitPriceYen(),
        c.getPriceYen(), c.getTaxPercent(), c.getTaxYen(), c.getTotalYen(), c.getStartsOn(), c.getEndsOn().minusDays(1),
        accountNumber, c.getPaymentValueDate());
  }

  /** The contract's invoice as a PDF, as it was mailed, marked paid once it is. */
  @Transactional(readOnly = true)
  public BillingDocuments.Made invoicePdf(AcmeContract contract) {
    CustomerAccount customer = customers.byId(contract.getCustomerAccountId()).orElseThrow();
    String accountNumber = billing.virtualAccounts().findById(contract.getVirtualAccountId())
        .map(VirtualAccount::getAccountNumber).orElseThrow();
    return billing.documents().contractInvoice(bill(contract, customer, accountNumber));
  }

  private static String unitJa(AcmeContract.Unit unit) {
    return unit == AcmeContract.Unit.CERTIFICATES ? "証明書 (1 注文 1 件)" : "FQDN (1 名前 1 件)";
  }

  private static String yen(long amount) {
    return String.format(Locale.ROOT, "%,d", amount);
  }

  // --- the bank statement's deposits (payment.ContractDeposits) ------------------------------

  @Override
  @Transactional(readOnly = true)
  public java.util.Collection<Long> accountsWithOpenInvoices() {
    return contracts.unpaidVirtualAccountIds();
  }

  @Override
  @Transactional(readOnly = true)
  public List<ContractInvoices.Open> openOf(long virtualAccountId) {
    return contracts.findByVirtualAccountIdAndPaidAtIsNull(virtualAccountId).stream()
        .map(c -> new ContractInvoices.Open(c.getId(), c.getInvoiceNumber(), c.getTotalYen(), c.getInvoicedOn()))
        .toList();
  }

  @Override
  @Transactional
  public boolean pay(long contractId, LocalDate valueDate, String reference, String recordedBy) {
    boolean recorded = contracts.pay(contractId, valueDate, reference, recordedBy, clock.instant()) == 1;
    if (recorded) {
      log.info("ACME contract {} paid by transfer: value date {}, recorded by {}", contractId, valueDate, recordedBy);
    }
    return recorded;
  }

  // --- the customer's own (storefront) -------------------------------------------------------

  /** The customer's contracts, the newest first. */
  @Transactional(readOnly = true)
  public List<AcmeContract> ofCustomer(long customerAccountId) {
    List<AcmeContract> held = new ArrayList<>(contracts.findByCustomerAccountIdOrderByIdAsc(customerAccountId));
    java.util.Collections.reverse(held);
    return held;
  }

  /** One of the customer's contracts; another customer's is as unknown as a missing one. */
  @Transactional(readOnly = true)
  public AcmeContract ofCustomer(long customerAccountId, long id) {
    return contracts.findById(id)
        .filter(c -> c.getCustomerAccountId() == customerAccountId)
        .orElseThrow(() -> new Refused(Refused.Kind.NOT_FOUND, "no ACME contract " + id + " of yours"));
  }

  private static AcmeContract.Unit unit(String unit) {
    try {
      return AcmeContract.Unit.valueOf(unit == null ? "" : unit.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Refused(Refused.Kind.INVALID, "unit must be CERTIFICATES or NAMES");
    }
  }

  @Transactional(readOnly = true)
  public List<AcmeContract> all() {
    return contracts.findAllByOrderByIdAsc();
  }

  @Transactional(readOnly = true)
  public AcmeContract byId(long id) {
    return contracts.findById(id).orElseThrow(() -> new Refused(Refused.Kind.NOT_FOUND, "no ACME contract " + id));
  }

  /** The storefront account's e-mail of a contract's customer, for the list. */
  @Transactional(readOnly = true)
  public String customerOf(AcmeContract contract) {
    return customers.byId(contract.getCustomerAccountId()).map(CustomerAccount::getEmail).orElse(null);
  }

  /**
   * Records the transfer that paid a contract's invoice, with the checks an application's payment
   * gets (exactly the total, value date, reference; {@link Payments#checkTransfer}).
   */
  @Transactional
  public AcmeContract recordPayment(long id, Long amountYen, LocalDate valueDate, String reference, String officer) {
    AcmeContract contract = byId(id);
    if (contract.isPaid()) {
      throw new Refused(Refused.Kind.ALREADY_PAID, "the invoice No. " + contract.getInvoiceNumber()
          + " of ACME contract " + id + " was already paid at " + contract.getPaidAt());
    }
    String cleanReference = payments.checkTransfer("the invoice No. " + contract.getInvoiceNumber()
        + " of ACME contract " + id, contract.getTotalYen(), contract.getInvoicedOn(),
        amountYen == null ? 0 : amountYen, valueDate, reference, officer);
    // The same conditional update as a bank statement's deposit: of an officer and an import
    // recording the same invoice at once, one records it and the other is told it is paid.
    if (contracts.pay(id, valueDate, cleanReference, officer, clock.instant()) == 0) {
      throw new Refused(Refused.Kind.ALREADY_PAID, "the invoice No. " + contract.getInvoiceNumber()
          + " of ACME contract " + id + " was paid at this moment by another record");
    }
    log.info("ACME contract {} paid: {} yen, value date {}, recorded by {}", id, amountYen, valueDate, officer);
    return byId(id);
  }

  // --- the order's step ----------------------------------------------------------------------

  /**
   * Takes the order's units from the organization's contract in force, paid and with enough left
   * (the one ending first), once: a retried step finds the use it recorded. When none can pay,
   * says why, for the officer who may approve the order over the contract.
   */
  @Transactional
  public Coverage consume(long orderId) {
    Optional<AcmeContractUse> earlier = uses.findByOrderId(orderId);
    if (earlier.isPresent()) {
      return new Coverage(true, null);
    }
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    AcmeAccount account = accounts.findById(order.getAccountId()).orElseThrow();
    List<AcmeContract> held = contracts.findByCustomerAccountIdAndOrganizationEntryIdOrderByEndsOnAscIdAsc(
        account.getCustomerAccountId(), account.getOrganizationEntryId());
    LocalDate today = today();
    for (AcmeContract contract : held) {
      int units = contract.getUnit().unitsOf(order);
      if (contract.isPaid() && contract.inForceOn(today) && contracts.consume(contract.getId(), units) == 1) {
        uses.saveAndFlush(AcmeContractUse.fromContract(orderId, contract.getId(), units, clock.instant()));
        log.info("ACME order {} paid by contract {}: {} {}", orderId, contract.getId(), units, contract.getUnit());
        return new Coverage(true, null);
      }
    }
    String reason = beyond(held, today, order);
    log.info("ACME order {} is beyond the organization's contract: {}", orderId, reason);
    return new Coverage(false, reason);
  }

  private static String beyond(List<AcmeContract> held, LocalDate today, AcmeOrder order) {
    if (held.isEmpty()) {
      return "no ACME contract for this organization / この組織の ACME 契約がありません";
    }
    List<AcmeContract> inForce = held.stream().filter(c -> c.inForceOn(today)).toList();
    if (inForce.isEmpty()) {
      AcmeContract last = held.get(held.size() - 1);
      return today.isBefore(last.getStartsOn())
          ? "the contract starts on " + last.getStartsOn() + " / 契約開始前です"
          : "the contract ended on " + last.getEndsOn().minusDays(1) + " / 契約期間が終了しています";
    }
    List<AcmeContract> paid = inForce.stream().filter(AcmeContract::isPaid).toList();
    if (paid.isEmpty()) {
      AcmeContract unpaid = inForce.get(0);
      return "the invoice No. " + unpaid.getInvoiceNumber() + " (" + String.format(Locale.ROOT, "%,d", unpaid.getTotalYen())
          + " yen, due " + unpaid.getDueOn() + ") is unpaid / 請求書が未入金です";
    }
    AcmeContract first = paid.get(0);
    return "the contract is used up: " + first.getUsed() + " of " + first.getQuantity() + " "
        + first.getUnit().name().toLowerCase(Locale.ROOT) + " used, the order needs "
        + first.getUnit().unitsOf(order) + " / 契約数量を使い切っています";
  }

  /** An officer's approval of an order beyond the contract: who and why, kept with the order. */
  @Transactional
  public void approveBeyond(long orderId, String beyondReason, String officer, String why) {
    if (uses.findByOrderId(orderId).isPresent()) {
      return;
    }
    AcmeOrder order = orders.findById(orderId).orElseThrow();
    uses.saveAndFlush(AcmeContractUse.approvedBeyond(orderId, order.getDnsNames().size(), beyondReason, officer, why,
        clock.instant()));
    log.info("ACME order {} approved beyond the contract by {}: {}", orderId, officer, why);
  }

  /** Gives back what an order refused after consumption (CAA, signing) had taken. */
  @Transactional
  public void giveBack(long orderId) {
    uses.findByOrderId(orderId)
        .filter(u -> u.getReleasedAt() == null)
        .ifPresent(use -> {
          if (use.getContractId() != null) {
            contracts.giveBack(use.getContractId(), use.getUnits());
          }
          use.released(clock.instant());
          uses.save(use);
        });
  }

  /** Its term starts after today (a Japanese date). */
  public boolean startsLater(AcmeContract contract) {
    return today().isBefore(contract.getStartsOn());
  }

  /** In force today (a Japanese date). */
  public boolean inForce(AcmeContract contract) {
    return contract.inForceOn(today());
  }

  @Transactional(readOnly = true)
  public Optional<AcmeContractUse> useOf(long orderId) {
    return uses.findByOrderId(orderId);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(BusinessCalendar.ZONE));
  }
}
