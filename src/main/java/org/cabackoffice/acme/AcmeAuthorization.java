package org.cabackoffice.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An ACME authorization (RFC 8555 7.1.4): one account's control of one DNS name. */
@Entity
@Table(name = "acme_authorization")
public class AcmeAuthorization {

  public static final String PENDING = "pending";
  public static final String VALID = "valid";
  public static final String INVALID = "invalid";
  public static final String DEACTIVATED = "deactivated";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "dns_name", nullable = false, length = 253)
  private String dnsName;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "validated_at")
  private Instant validatedAt;

  @Column(name = "validated_by", length = 16)
  private String validatedBy;

  protected AcmeAuthorization() {}

  AcmeAuthorization(long accountId, String dnsName, Instant createdAt, Instant expiresAt) {
    this.accountId = accountId;
    this.dnsName = dnsName;
    this.status = PENDING;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  void validated(String method, Instant at, Instant expiresAt) {
    this.status = VALID;
    this.validatedBy = method;
    this.validatedAt = at;
    this.expiresAt = expiresAt;
  }

  void invalid() {
    this.status = INVALID;
  }

  void deactivate() {
    this.status = DEACTIVATED;
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getDnsName() {
    return dnsName;
  }

  public String getStatus() {
    return status;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getValidatedAt() {
    return validatedAt;
  }

  public String getValidatedBy() {
    return validatedBy;
  }

  /** Valid and not past its expiry at {@code now}. */
  public boolean validAt(Instant now) {
    return VALID.equals(status) && now.isBefore(expiresAt);
  }
}
