package org.cabackoffice.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An annual contract for automated renewals (issue 15): a customer buys, for one validated
 * organization, a number of certificates or of names (FQDNs) for a year, billed with a qualified
 * invoice and paid by transfer like an application (guide [2-1] 3.). Orders consume from it when
 * they are signed; {@code used} is only ever raised by one conditional update
 * ({@link AcmeContractRepository#consume}), and the table's check keeps it within {@code quantity}.
 */
@Entity
@Table(name = "acme_contract")
public class AcmeContract {

  /** What a unit is. */
  public enum Unit {
    /** One unit per signed order, however many names it carries. */
    CERTIFICATES,
    /** One unit per name (FQDN) in a signed order. */
    NAMES;

    int unitsOf(AcmeOrder order) {
      return this == CERTIFICATES ? 1 : order.getDnsNames().size();
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "customer_account_id", nullable = false, updatable = false)
  private long customerAccountId;

  @Column(name = "organization_entry_id", nullable = false, updatable = false)
  private long organizationEntryId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private Unit unit;

  @Column(nullable = false, updatable = false)
  private int quantity;

  @Column(nullable = false, insertable = false, updatable = false)
  private int used;

  @Column(name = "starts_on", nullable = false, updatable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on", nullable = false, updatable = false)
  private LocalDate endsOn;

  @Column(nullable = false, updatable = false, length = 32)
  private String product;

  @Column(name = "invoice_number", nullable = false, updatable = false)
  private long invoiceNumber;

  @Column(name = "virtual_account_id", nullable = false, updatable = false)
  private long virtualAccountId;

  @Column(name = "unit_price_yen", nullable = false, updatable = false)
  private long unitPriceYen;

  @Column(name = "price_yen", nullable = false, updatable = false)
  private long priceYen;

  @Column(name = "tax_percent", nullable = false, updatable = false)
  private int taxPercent;

  @Column(name = "tax_yen", nullable = false, updatable = false)
  private long taxYen;

  @Column(name = "total_yen", nullable = false, updatable = false)
  private long totalYen;

  @Column(name = "invoiced_on", nullable = false, updatable = false)
  private LocalDate invoicedOn;

  @Column(name = "due_on", nullable = false, updatable = false)
  private LocalDate dueOn;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "payment_value_date")
  private LocalDate paymentValueDate;

  @Column(name = "payment_reference", length = 128)
  private String paymentReference;

  @Column(name = "payment_recorded_by", length = 128)
  private String paymentRecordedBy;

  @Column(name = "created_by", nullable = false, updatable = false, length = 128)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected AcmeContract() {}

  AcmeContract(long customerAccountId, long organizationEntryId, Unit unit, int quantity, LocalDate startsOn,
      String product, long invoiceNumber, long virtualAccountId, long unitPriceYen, long priceYen, int taxPercent,
      long taxYen, long totalYen, LocalDate invoicedOn, LocalDate dueOn, String createdBy, Instant createdAt) {
    this.customerAccountId = customerAccountId;
    this.organizationEntryId = organizationEntryId;
    this.unit = unit;
    this.quantity = quantity;
    this.startsOn = startsOn;
    // Annual: the year from the first day, the last day being the day before the anniversary.
    this.endsOn = startsOn.plusYears(1);
    this.product = product;
    this.invoiceNumber = invoiceNumber;
    this.virtualAccountId = virtualAccountId;
    this.unitPriceYen = unitPriceYen;
    this.priceYen = priceYen;
    this.taxPercent = taxPercent;
    this.taxYen = taxYen;
    this.totalYen = totalYen;
    this.invoicedOn = invoicedOn;
    this.dueOn = dueOn;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void paid(LocalDate valueDate, String reference, String officer, Instant at) {
    this.paymentValueDate = valueDate;
    this.paymentReference = reference;
    this.paymentRecordedBy = officer;
    this.paidAt = at;
  }

  /** In force on a Japanese date: from the first day up to the day before {@code endsOn}. */
  boolean inForceOn(LocalDate day) {
    return !day.isBefore(startsOn) && day.isBefore(endsOn);
  }

  public boolean isPaid() {
    return paidAt != null;
  }

  public Long getId() {
    return id;
  }

  public long getCustomerAccountId() {
    return customerAccountId;
  }

  public long getOrganizationEntryId() {
    return organizationEntryId;
  }

  public Unit getUnit() {
    return unit;
  }

  public int getQuantity() {
    return quantity;
  }

  public int getUsed() {
    return used;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public String getProduct() {
    return product;
  }

  public long getInvoiceNumber() {
    return invoiceNumber;
  }

  public long getVirtualAccountId() {
    return virtualAccountId;
  }

  public long getUnitPriceYen() {
    return unitPriceYen;
  }

  public long getPriceYen() {
    return priceYen;
  }

  public int getTaxPercent() {
    return taxPercent;
  }

  public long getTaxYen() {
    return taxYen;
  }

  public long getTotalYen() {
    return totalYen;
  }

  public LocalDate getInvoicedOn() {
    return invoicedOn;
  }

  public LocalDate getDueOn() {
    return dueOn;
  }

  public Instant getPaidAt() {
    return paidAt;
  }

  public LocalDate getPaymentValueDate() {
    return paymentValueDate;
  }

  public String getPaymentReference() {
    return paymentReference;
  }

  public String getPaymentRecordedBy() {
    return paymentRecordedBy;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
