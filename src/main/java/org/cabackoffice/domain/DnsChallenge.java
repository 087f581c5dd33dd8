package org.cabackoffice.domain;

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

/**
 * The random value one application's customer publishes in a TXT record to show control of a
 * domain (BR 3.2.2.4.7), and, once found, the record of that validation: method, BR version and
 * time, per name (BR 3.2.2.4).
 */
@Entity
@Table(name = "dns_challenge")
public class DnsChallenge {

  public enum Status {
    /** Issued, not yet found in the DNS, still usable. */
    PENDING,
    /** Found: the domain is validated by {@link #getMethod()} at {@link #getValidatedAt()}. */
    VALIDATED,
    /** Not found within its validity; the value may no longer be used (BR 3.2.2.4.7). */
    EXPIRED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(name = "domain_name", nullable = false, length = 253)
  private String domainName;

  @Column(name = "record_name", nullable = false, length = 253)
  private String recordName;

  @Column(name = "random_value", nullable = false, length = 64, unique = true)
  private String value;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "validated_at")
  private Instant validatedAt;

  @Column(length = 32)
  private String method;

  @Column(name = "br_version", length = 16)
  private String brVersion;

  @Column(name = "last_checked_at")
  private Instant lastCheckedAt;

  @Column(name = "last_check_reason", length = 1000)
  private String lastCheckReason;

  @Version
  @Column(nullable = false)
  private long version;

  protected DnsChallenge() {}

  DnsChallenge(
      long applicationId,
      String domainName,
      String recordName,
      String value,
      Instant issuedAt,
      Instant expiresAt) {
    this.applicationId = applicationId;
    this.domainName = domainName;
    this.recordName = recordName;
    this.value = value;
    this.status = Status.PENDING;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  /** Pending and within its validity: the value may still be looked for. */
  public boolean isOpen(Instant now) {
    return status == Status.PENDING && now.isBefore(expiresAt);
  }

  /** The status as of {@code now}: a pending value past its expiry counts as expired. */
  public Status statusAt(Instant now) {
    return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
  }

  void checked(Instant at, String reason) {
    this.lastCheckedAt = at;
    this.lastCheckReason = reason;
  }

  void validate(Instant at, String method, String brVersion) {
    this.status = Status.VALIDATED;
    this.validatedAt = at;
    this.method = method;
    this.brVersion = brVersion;
  }

  void expire() {
    this.status = Status.EXPIRED;
  }

  public Long getId() {
    return id;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public String getDomainName() {
    return domainName;
  }

  /** Where the TXT record goes: {@code _pki-validation.<domain>}. */
  public String getRecordName() {
    return recordName;
  }

  public String getValue() {
    return value;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public Instant getValidatedAt() {
    return validatedAt;
  }

  public String getMethod() {
    return method;
  }

  public String getBrVersion() {
    return brVersion;
  }

  public Instant getLastCheckedAt() {
    return lastCheckedAt;
  }

  public String getLastCheckReason() {
    return lastCheckReason;
  }
}
