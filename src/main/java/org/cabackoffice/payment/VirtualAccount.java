package org.cabackoffice.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The dedicated transfer account (振込み専用口座) of one storefront user ID: created the first time
 * the customer is invoiced and reused for every later application (guide [3-2]), so an incoming
 * transfer names its payer by the account it arrives on.
 */
@Entity
@Table(name = "virtual_account")
public class VirtualAccount {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "customer_account_id", nullable = false, updatable = false, unique = true)
  private long customerAccountId;

  /** Seven digits: a six-digit serial and its check digit. */
  @Column(name = "account_number", nullable = false, updatable = false, unique = true, length = 7)
  private String accountNumber;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected VirtualAccount() {}

  VirtualAccount(long customerAccountId, String accountNumber, Instant createdAt) {
    this.customerAccountId = customerAccountId;
    this.accountNumber = accountNumber;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public long getCustomerAccountId() {
    return customerAccountId;
  }

  public String getAccountNumber() {
    return accountNumber;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
