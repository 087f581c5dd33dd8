package org.cabackoffice.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationStatus;
import org.cabackoffice.application.ApplicationType;
import org.cabackoffice.application.PaymentMethod;
import org.cabackoffice.application.Product;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.issuance.IssuedCertificates;
import org.cabackoffice.payment.Charges;
import org.cabackoffice.payment.Coupons;
import org.cabackoffice.payment.Invoice;
import org.cabackoffice.payment.InvoiceStatus;
import org.cabackoffice.payment.Invoices;
import org.cabackoffice.payment.Payment;
import org.cabackoffice.payment.PaymentProperties;
import org.cabackoffice.payment.Payments;
import org.cabackoffice.payment.VirtualAccount;
import org.cabackoffice.security.CustomerAccount;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a sale (issue 14; guide [2-1] 3.: PDF 請求書): a quote before applying, the
 * qualified invoice once the process has invoiced, the receipt once paid and the delivery note once
 * the certificate is issued. Every amount comes from the stored invoice or, for a quote, from
 * {@link Charges}, the rule the invoice was computed by; nothing is stored here.
 */
@Service
public class BillingDocuments {

  /** How the customer means to pay, as a quote names it; the storefront offers these. */
  public enum QuotedPayment {
    BANK_TRANSFER,
    /** 先行納入手配: renewals only (guide [3-2]). */
    DEFERRED,
    COUPON
  }

  private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

  private final Invoices invoices;
  private final Payments payments;
  private final IssuedCertificates certificates;
  private final PaymentProperties prices;
  private final BillingProperties billing;
  private final DocumentPdf pdf;
  private final Clock clock;

  public BillingDocuments(
      Invoices invoices,
      Payments payments,
      IssuedCertificates certificates,
      PaymentProperties prices,
      BillingProperties billing,
      DocumentPdf pdf,
      Clock clock) {
    this.invoices = invoices;
    this.payments = payments;
    this.certificates = certificates;
    this.prices = prices;
    this.billing = billing;
    this.pdf = pdf;
    this.clock = clock;
  }

  /** A made document: its file name and bytes. */
  public record Made(String fileName, byte[] pdf) {}

  /** Who a quote before applying is addressed to: the storefront account's company and name. */
  public static List<String> addressee(CustomerAccount customer) {
    List<String> recipient = new ArrayList<>();
    if (customer.getCompanyName() != null && !customer.getCompanyName().isBlank()) {
      recipient.add(customer.getCompanyName() + " 御中");
    }
    recipient.add(nullToEmpty(customer.getDisplayName()) + " 様");
    recipient.add(customer.getEmail());
    return recipient;
  }

  /**
   * A quote before applying.
   *
   * @throws BillingRefused INVALID_ORDER for an unknown product or payment method, a licence count
   *     outside 1..999, or a missing field
   */
  public Made quote(String product, Integer licences, Boolean express, String paymentMethod, List<String> recipient) {
    Product known = enumValue(Product.class, "product", product);
    QuotedPayment payment = enumValue(QuotedPayment.class, "paymentMethod", paymentMethod);
    if (licences == null || licences < 1 || licences > Charges.MOST_LICENCES) {
      throw new BillingRefused(
          BillingRefused.Reason.INVALID_ORDER, "licences must be between 1 and " + Charges.MOST_LICENCES);
    }
    if (express == null) {
      throw new BillingRefused(BillingRefused.Reason.INVALID_ORDER, "express (true or false) is missing");
    }
    LocalDate today = BusinessCalendar.today(clock);
    return quote("Q-" + today.format(COMPACT), today, recipient, known, licences, express, payment, null);
  }

  /** The quote of a submitted application, its licences and payment as the application was made. */
  @Transactional(readOnly = true)
  public Made quote(Application application) {
    LocalDate submitted = dateOf(application.getSubmittedAt());
    QuotedPayment payment =
        switch (application.getPaymentMethod()) {
          case DEFERRED -> QuotedPayment.DEFERRED;
          case COUPON -> QuotedPayment.COUPON;
          case BANK_TRANSFER -> QuotedPayment.BANK_TRANSFER;
        };
    return quote(
        "Q-" + application.getId(),
        submitted,
        recipientOf(application),
        application.getProduct(),
        application.getLicences(),
        application.isExpress(),
        payment,
        application);
  }

  private Made quote(
      String number,
      LocalDate issuedOn,
      List<String> recipient,
      Product product,
      int licences,
      boolean express,
      QuotedPayment payment,
      Application application) {
    Charges charges;
    try {
      charges = Charges.of(prices, product.name(), licences, express);
    } catch (IllegalArgumentException unpriced) {
      throw new BillingRefused(BillingRefused.Reason.INVALID_ORDER, "product " + product + " has no price");
    }
    List<BillingDocument.Fact> facts = new ArrayList<>();
    facts.add(new BillingDocument.Fact("見積番号", number));
    facts.add(new BillingDocument.Fact("見積日", DocumentPdf.date(issuedOn)));
    facts.add(new BillingDocument.Fact("有効期限", DocumentPdf.date(issuedOn.plusDays(billing.quoteValidDays()))));
    if (application != null) {
      facts.add(new BillingDocument.Fact("申請番号", String.valueOf(application.getId())));
    }
    List<BillingDocument.Item> items = new ArrayList<>();
    String what = product.nameJa() + " (" + product.nameEn() + ")";
    if (application != null) {
      what += " " + kind(application) + " " + nullToEmpty(application.getCommonName());
    }
    items.add(new BillingDocument.Item(what, charges.licences(), charges.unitPriceYen(), charges.priceYen()));
    if (express) {
      items.add(express(charges.expressSurchargeYen()));
    }
    List<String> notes = new ArrayList<>();
    notes.add("お支払方法: " + switch (payment) {
      case BANK_TRANSFER -> "銀行振込。お客様専用の振込口座 (振込み専用口座) とお支払期限は請求書に記載します。";
      case DEFERRED -> "先行納入手配 (更新のお申込みのみ)。証明書の発行後、請求書のお支払期限までにお振込みください。";
      case COUPON -> "クーポン。" + product.nameJa() + " 用の有効なクーポンコード 1 つで、このお申込みの代金全額をお支払いいただけます。";
    });
    notes.add("この見積書は適格請求書ではありません。請求書はお申込み後に発行します。");
    notes.add("This quote holds until the date above; the invoice is issued after you apply.");
    BillingDocument document =
        new BillingDocument(
            BillingDocument.Kind.QUOTE,
            number,
            issuedOn,
            recipient,
            facts,
            "御見積金額",
            items,
            charges.subtotalYen(),
            charges.taxPercent(),
            charges.taxYen(),
            charges.totalYen(),
            notes,
            null);
    return new Made(document.fileName(), pdf.render(document));
  }

  /**
   * The qualified invoice (適格請求書) of an invoiced application, with the transfer account and the
   * due date; a cancelled one says so and keeps its number.
   */
  @Transactional(readOnly = true)
  public Made invoice(Application application) {
    Invoice invoice = invoiceOf(application, "the invoice is issued when the application reaches the payment stage");
    VirtualAccount account = invoices.accountOf(invoice);
    List<BillingDocument.Fact> facts = new ArrayList<>();
    facts.add(new BillingDocument.Fact("請求書番号", number(invoice)));
    facts.add(new BillingDocument.Fact("発行日", DocumentPdf.date(invoice.getIssuedOn())));
    facts.add(new BillingDocument.Fact("取引年月日 (お申込日)", DocumentPdf.date(dateOf(application.getSubmittedAt()))));
    facts.add(new BillingDocument.Fact("申請番号", String.valueOf(application.getId())));
    facts.add(new BillingDocument.Fact("お支払期限", DocumentPdf.date(invoice.getDueOn())));
    List<String> notes = new ArrayList<>();
    notes.add(
        "お振込先 (お客様専用の振込口座): "
            + prices.bankName()
            + " "
            + prices.branchName()
            + " (支店番号 "
            + prices.branchCode()
            + ") 普通預金 "
            + account.getAccountNumber()
            + " 口座名義 "
            + prices.accountHolder());
    if (invoice.getStatus() == InvoiceStatus.OPEN) {
      notes.add("お支払期限: " + DocumentPdf.date(invoice.getDueOn()) + " までに請求金額 (税込) をお振込みください。");
      notes.add(
          "Please transfer the total to your dedicated account "
              + account.getAccountNumber()
              + " (branch "
              + prices.branchCode()
              + ") by "
              + invoice.getDueOn()
              + ".");
    }
    if (invoice.isDeferred()) {
      notes.add("先行納入手配: 証明書はご入金の前に発行します (更新のお申込み)。");
    }
    String stamp = null;
    if (invoice.getStatus() == InvoiceStatus.CANCELLED) {
      stamp = "取消 (CANCELLED)";
      notes.add(
          "この請求書は "
              + DocumentPdf.date(dateOf(invoice.getCancelledAt()))
              + " に取り消されました。お支払いは不要です。番号は欠番にせず保存しています。");
    } else if (invoice.getStatus() == InvoiceStatus.PAID) {
      notes.add("ご入金を確認しました (" + DocumentPdf.date(dateOf(invoice.getPaidAt())) + ")。領収書をご利用ください。");
    }
    return made(BillingDocument.Kind.INVOICE, number(invoice), invoice.getIssuedOn(), application, invoice, facts, "ご請求金額", notes, stamp);
  }

  /**
   * What a contract for automated renewals (issue 15) is billed, as its feature keeps it: the
   * invoice's number from the applications' series, the charges computed by {@link Charges} when
   * the contract was made, and the term the units are bought for.
   *
   * @param unitJa what a unit is, in the words the invoice prints ("証明書" or "FQDN")
   * @param paidOn the day the transfer was booked, or null while unpaid
   */
  public record ContractBill(
      long contractId,
      long invoiceNumber,
      LocalDate issuedOn,
      LocalDate dueOn,
      List<String> recipient,
      String product,
      String unitJa,
      int quantity,
      long unitPriceYen,
      long priceYen,
      int taxPercent,
      long taxYen,
      long totalYen,
      LocalDate startsOn,
      LocalDate lastDay,
      String accountNumber,
      LocalDate paidOn) {}

  /**
   * The qualified invoice (適格請求書) of an annual ACME contract: the same document as an
   * application's, its line the contract's units for the year, with the customer's dedicated
   * transfer account (guide [2-1] 3., [3-2]).
   */
  public Made contractInvoice(ContractBill bill) {
    String number = String.format(Locale.ROOT, "%06d", bill.invoiceNumber());
    List<BillingDocument.Fact> facts = new ArrayList<>();
    facts.add(new BillingDocument.Fact("請求書番号", number));
    facts.add(new BillingDocument.Fact("発行日", DocumentPdf.date(bill.issuedOn())));
    facts.add(new BillingDocument.Fact("契約番号 (ACME)", String.valueOf(bill.contractId())));
    facts.add(new BillingDocument.Fact("契約期間", DocumentPdf.date(bill.startsOn()) + " – " + DocumentPdf.date(bill.lastDay())));
    facts.add(new BillingDocument.Fact("お支払期限", DocumentPdf.date(bill.dueOn())));
    Product product = Product.valueOf(bill.product());
    List<BillingDocument.Item> items = List.of(
        new BillingDocument.Item(
            product.nameJa() + " (" + product.nameEn() + ") 自動更新 (ACME) 年間契約 " + bill.unitJa(),
            bill.quantity(), bill.unitPriceYen(), bill.priceYen()));
    List<String> notes = new ArrayList<>();
    notes.add("お振込先 (お客様専用の振込口座): " + prices.bankName() + " " + prices.branchName() + " (支店番号 "
        + prices.branchCode() + ") 普通預金 " + bill.accountNumber() + " 口座名義 " + prices.accountHolder());
    if (bill.paidOn() == null) {
      notes.add("お支払期限: " + DocumentPdf.date(bill.dueOn()) + " までに請求金額 (税込) をお振込みください。"
          + "ご入金の確認後、契約による自動更新の注文を受け付けます。");
      notes.add("Please transfer the total to your dedicated account " + bill.accountNumber() + " (branch "
          + prices.branchCode() + ") by " + bill.dueOn() + "; automated renewals under the contract start once it has arrived.");
    } else {
      notes.add("ご入金を確認しました (" + DocumentPdf.date(bill.paidOn()) + ")。");
    }
    BillingDocument document = new BillingDocument(BillingDocument.Kind.INVOICE, number, bill.issuedOn(),
        bill.recipient(), facts, "ご請求金額", items, bill.priceYen(), bill.taxPercent(), bill.taxYen(),
        bill.totalYen(), notes, null);
    return new Made(document.fileName(), pdf.render(document));
  }

  /** The receipt (領収書) of a paid invoice, dated the day the payment was recorded. */
  @Transactional(readOnly = true)
  public Made receipt(Application application) {
    Invoice invoice = invoiceOf(application, "the receipt is issued once the invoice is paid");
    Payment payment =
        invoice.getStatus() == InvoiceStatus.PAID
            ? payments.ofInvoice(invoice.getId()).orElse(null)
            : null;
    if (payment == null) {
      throw new BillingRefused(
          BillingRefused.Reason.NOT_YET_ISSUED,
          "application " + application.getId() + " is not paid (invoice " + invoice.getStatus()
              + "); the receipt is issued once the invoice is paid");
    }
    LocalDate receivedOn = dateOf(payment.getRecordedAt());
    List<BillingDocument.Fact> facts = new ArrayList<>();
    facts.add(new BillingDocument.Fact("領収書番号", "R-" + number(invoice)));
    facts.add(new BillingDocument.Fact("発行日", DocumentPdf.date(receivedOn)));
    facts.add(new BillingDocument.Fact("請求書番号", number(invoice)));
    facts.add(new BillingDocument.Fact("入金日", DocumentPdf.date(payment.getValueDate())));
    facts.add(new BillingDocument.Fact("申請番号", String.valueOf(application.getId())));
    List<String> notes = new ArrayList<>();
    notes.add("上記の金額を正に領収いたしました。但し " + application.getProduct().nameJa() + " 代として。");
    String reference = payment.getReference();
    notes.add(
        "お支払方法: "
            + (reference.startsWith(Coupons.COUPON_REFERENCE)
                ? "クーポン (" + reference.substring(Coupons.COUPON_REFERENCE.length()) + ")"
                : "銀行振込 (お振込み日 " + DocumentPdf.date(payment.getValueDate()) + ")"));
    notes.add("Received with thanks.");
    return made(BillingDocument.Kind.RECEIPT, "R-" + number(invoice), receivedOn, application, invoice, facts, "領収金額", notes, null);
  }

  /** The delivery note (納品書) of an issued certificate. */
  @Transactional(readOnly = true)
  public Made deliveryNote(Application application) {
    if (application.getStatus() != ApplicationStatus.ISSUED) {
      throw new BillingRefused(
          BillingRefused.Reason.NOT_YET_ISSUED,
          "application " + application.getId() + " has no certificate yet; the delivery note is issued with it");
    }
    Invoice invoice = invoiceOf(application, "an issued application without an invoice has no delivery note");
    LocalDate deliveredOn = dateOf(application.getDecidedAt() == null ? invoice.getIssuedAt() : application.getDecidedAt());
    List<BillingDocument.Fact> facts = new ArrayList<>();
    facts.add(new BillingDocument.Fact("納品書番号", "D-" + number(invoice)));
    facts.add(new BillingDocument.Fact("納品日", DocumentPdf.date(deliveredOn)));
    facts.add(new BillingDocument.Fact("請求書番号", number(invoice)));
    facts.add(new BillingDocument.Fact("申請番号", String.valueOf(application.getId())));
    certificates
        .serialIssuedFor(application.getId())
        .ifPresent(serial -> facts.add(new BillingDocument.Fact("シリアル番号", shorten(serial))));
    List<String> notes = new ArrayList<>();
    notes.add("下記のとおり納品いたしました。証明書は技術担当者様へ電子メールでお送りしています。");
    certificates
        .serialIssuedFor(application.getId())
        .ifPresent(serial -> notes.add("証明書のシリアル番号: " + serial));
    notes.add("Delivered: the certificate was mailed to the technical contact.");
    return made(BillingDocument.Kind.DELIVERY_NOTE, "D-" + number(invoice), deliveredOn, application, invoice, facts, "合計金額", notes, null);
  }

  private Made made(
      BillingDocument.Kind kind,
      String number,
      LocalDate issuedOn,
      Application application,
      Invoice invoice,
      List<BillingDocument.Fact> facts,
      String amountLabel,
      List<String> notes,
      String stamp) {
    Product product = Product.valueOf(invoice.getProduct());
    List<BillingDocument.Item> items = new ArrayList<>();
    items.add(
        new BillingDocument.Item(
            product.nameJa() + " (" + product.nameEn() + ") " + kind(application) + " " + nullToEmpty(application.getCommonName()),
            1,
            invoice.getPriceYen(),
            invoice.getPriceYen()));
    if (invoice.isExpress()) {
      items.add(express(invoice.getExpressSurchargeYen()));
    }
    BillingDocument document =
        new BillingDocument(
            kind,
            number,
            issuedOn,
            recipientOf(application),
            facts,
            amountLabel,
            items,
            invoice.getSubtotalYen(),
            invoice.getTaxPercent(),
            invoice.getTaxYen(),
            invoice.getTotalYen(),
            notes,
            stamp);
    return new Made(document.fileName(), pdf.render(document));
  }

  private Invoice invoiceOf(Application application, String when) {
    return invoices
        .find(application.getId())
        .orElseThrow(
            () ->
                new BillingRefused(
                    BillingRefused.Reason.NOT_YET_ISSUED,
                    "application " + application.getId() + " has no invoice yet; " + when));
  }

  /** The number as printed: six digits at least, so the series sorts as text too. */
  static String number(Invoice invoice) {
    return String.format(Locale.ROOT, "%06d", invoice.getInvoiceNumber());
  }

  /** 書類の交付を受ける事業者: the applicant organization, for the attention of the technical contact. */
  private static List<String> recipientOf(Application application) {
    List<String> lines = new ArrayList<>();
    String organization =
        application.getOrganizationNameJa() != null && !application.getOrganizationNameJa().isBlank()
            ? application.getOrganizationNameJa()
            : application.getOrganizationNameEn();
    lines.add(nullToEmpty(organization) + " 御中");
    if (application.getOrganizationNameJa() != null
        && !application.getOrganizationNameJa().isBlank()
        && application.getOrganizationNameEn() != null) {
      lines.add(application.getOrganizationNameEn());
    }
    String contact = (nullToEmpty(application.getTechnicalCompany()) + " " + nullToEmpty(application.getTechnicalName())).strip();
    if (!contact.isEmpty()) {
      lines.add("ご担当: " + contact + " 様");
    }
    if (application.getTechnicalEmail() != null) {
      lines.add(application.getTechnicalEmail());
    }
    return lines;
  }

  private static BillingDocument.Item express(long surchargeYen) {
    return new BillingDocument.Item("エクスプレスサービス (Express issuance, same business day)", 1, surchargeYen, surchargeYen);
  }

  private static String kind(Application application) {
    return application.getApplicationType() == ApplicationType.RENEWAL ? "更新" : "新規";
  }

  private static LocalDate dateOf(Instant instant) {
    return instant.atZone(BusinessCalendar.ZONE).toLocalDate();
  }

  private static String shorten(String serial) {
    return serial.length() > 20 ? serial.substring(0, 17) + "…" : serial;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      throw new BillingRefused(BillingRefused.Reason.INVALID_ORDER, field + " is missing");
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BillingRefused(
          BillingRefused.Reason.INVALID_ORDER,
          field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
