package org.cabackoffice.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The bill of one application (guide [2-1] 3.: 決済はご申請毎). Amounts are whole yen; the tax is
 * computed once on the subtotal and rounded down. A deferred invoice (先行納入手配, renewals only,
 * guide [3-2]) lets the certificate be issued before the money arrives.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false, updatable = false, unique = true)
  private long applicationId;

  /** The number printed on the qualified invoice: consecutive, kept when cancelled ({@link InvoiceNumbers}). */
  @Column(name = "invoice_number", nullable = false, updatable = false, unique = true)
  private long invoiceNumber;

  @Column(name = "customer_account_id", nullable = false, updatable = false)
  private long customerAccountId;

  @Column(name = "virtual_account_id", nullable = false, updatable = false)
  private long virtualAccountId;

  @Column(name = "product", nullable = false, updatable = false, length = 32)
  private String product;

  @Column(name = "express", nullable = false, updatable = false)
  private boolean express;

  @Column(name = "deferred_payment", nullable = false, updatable = false)
  private boolean deferred;

  @Column(name = "price_yen", nullable = false, updatable = false)
  private long priceYen;

  @Column(name = "express_surcharge_yen", nullable = false, updatable = false)
  private long expressSurchargeYen;

  @Column(name = "tax_percent", nullable = false, updatable = false)
  private int taxPercent;

  @Column(name = "tax_yen", nullable = false, updatable = false)
  private long taxYen;

  @Column(name = "total_yen", nullable = false, updatable = false)
  private long totalYen;

  @Column(name = "issued_on", nullable = false, updatable = false)
  private LocalDate issuedOn;

  @Column(name = "due_on", nullable = false, updatable = false)
  private LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private InvoiceStatus status;

  @Column(name = "technical_contact_email", nullable = false, updatable = false, length = 254)
  private String technicalContactEmail;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Invoice() {}

  Invoice(
      long invoiceNumber,
      long applicationId,
      long customerAccountId,
      long virtualAccountId,
      String product,
      boolean express,
      boolean deferred,
      long priceYen,
      long expressSurchargeYen,
      int taxPercent,
      long taxYen,
      LocalDate issuedOn,
      LocalDate dueOn,
      String technicalContactEmail,
      Instant issuedAt) {
    this.invoiceNumber = invoiceNumber;
    this.applicationId = applicationId;
    this.customerAccountId = customerAccountId;
    this.virtualAccountId = virtualAccountId;
    this.product = product;
    this.express = express;
    this.deferred = deferred;
    this.priceYen = priceYen;
    this.expressSurchargeYen = expressSurchargeYen;
    this.taxPercent = taxPercent;
    this.taxYen = taxYen;
    this.totalYen = priceYen + expressSurchargeYen + taxYen;
    this.issuedOn = issuedOn;
    this.dueOn = dueOn;
    this.technicalContactEmail = technicalContactEmail;
    this.issuedAt = issuedAt;
    this.status = InvoiceStatus.OPEN;
  }

  void markPaid(Instant when) {
    this.status = InvoiceStatus.PAID;
    this.paidAt = when;
  }

  void cancel(Instant when) {
    this.status = InvoiceStatus.CANCELLED;
    this.cancelledAt = when;
  }

  public Long getId() {
    return id;
  }

  public long getInvoiceNumber() {
    return invoiceNumber;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public long getCustomerAccountId() {
    return customerAccountId;
  }

  public long getVirtualAccountId() {
    return virtualAccountId;
  }

  public String getProduct() {
    return product;
  }

  public boolean isExpress() {
    return express;
  }

  public boolean isDeferred() {
    return deferred;
  }

  public long getPriceYen() {
    return priceYen;
  }

  public long getExpressSurchargeYen() {
    return expressSurchargeYen;
  }

  public long getSubtotalYen() {
    return priceYen + expressSurchargeYen;
  }

  /** The consumption tax rate the tax was computed at (適用税率). */
  public int getTaxPercent() {
    return taxPercent;
  }

  public long getTaxYen() {
    return taxYen;
  }

  public long getTotalYen() {
    return totalYen;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public InvoiceStatus getStatus() {
    return status;
  }

  public String getTechnicalContactEmail() {
    return technicalContactEmail;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Instant getPaidAt() {
    return paidAt;
  }

  public Instant getCancelledAt() {
    return cancelledAt;
  }
}
