package org.cabackoffice.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A transfer received for an invoice (guide [3-2]). One invoice takes one payment of exactly its
 * total: the unique invoice_id keeps a transfer from being counted twice even when two officers
 * record it at the same moment.
 */
@Entity
@Table(name = "payment")
public class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "invoice_id", nullable = false, updatable = false, unique = true)
  private long invoiceId;

  @Column(name = "application_id", nullable = false, updatable = false)
  private long applicationId;

  @Column(name = "amount_yen", nullable = false, updatable = false)
  private long amountYen;

  @Column(name = "value_date", nullable = false, updatable = false)
  private LocalDate valueDate;

  /** The bank's reference for the transfer, e.g. the remitter name or transaction number. */
  @Column(name = "bank_reference", nullable = false, updatable = false, length = 128)
  private String reference;

  @Column(name = "recorded_by", nullable = false, updatable = false, length = 128)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  /**
   * Whether the application's process took the payment. False when it was not waiting (e.g. a
   * deferred invoice, or a payment arriving after the process moved on), so an officer can see
   * which payments no process has acted on.
   */
  @Column(name = "process_notified", nullable = false)
  private boolean processNotified;

  protected Payment() {}

  Payment(
      long invoiceId,
      long applicationId,
      long amountYen,
      LocalDate valueDate,
      String reference,
      String recordedBy,
      Instant recordedAt) {
    this.invoiceId = invoiceId;
    this.applicationId = applicationId;
    this.amountYen = amountYen;
    this.valueDate = valueDate;
    this.reference = reference;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  void markProcessNotified() {
    this.processNotified = true;
  }

  public Long getId() {
    return id;
  }

  public long getInvoiceId() {
    return invoiceId;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public long getAmountYen() {
    return amountYen;
  }

  public LocalDate getValueDate() {
    return valueDate;
  }

  public String getReference() {
    return reference;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public boolean isProcessNotified() {
    return processNotified;
  }
}
