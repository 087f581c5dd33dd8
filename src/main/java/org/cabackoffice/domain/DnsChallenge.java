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
 * What one application's customer publishes in a TXT record to show control of a domain, and,
 * once found, the record of that validation (BR 3.2.2.4, SC-099): the FQDN applied for, the
 * Authorization Domain Name validated ({@code domainName}), the method by BR section, the BR
 * version and the time. By DNS change (BR 3.2.2.4.7) the value is a random value; by persistent
 * DNS TXT record (BR 3.2.2.4.22) it is the applicant's account URI the record must name.
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

  /** The Authorization Domain Name validated (BR 3.2.2.4, SC-101). */
  @Column(name = "domain_name", nullable = false, length = 253)
  private String domainName;

  /** The FQDN (or Wildcard Domain Name) applied for; null on records older than V106. */
  @Column(length = 253)
  private String fqdn;

  /** The TXT record's name, or the file's URL (BR 3.2.2.4.18). */
  @Column(name = "record_name", nullable = false, length = 512)
  private String recordName;

  @Column(name = "random_value", nullable = false, length = 512)
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
      AuthorizationDomainName adn,
      String recordName,
      String value,
      Instant issuedAt,
      Instant expiresAt) {
    this.applicationId = applicationId;
    this.domainName = adn.adn();
    this.fqdn = adn.fqdn();
    this.method = adn.method().section();
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

  /** The Authorization Domain Name validated. */
  public String getDomainName() {
    return domainName;
  }

  /** The name applied for; null on records older than the ADN was kept apart. */
  public String getFqdn() {
    return fqdn;
  }

  /** The method by BR section; records written before V106 name DNS change as "BR 3.2.2.4.7". */
  public DomainValidationMethod validationMethod() {
    return DomainValidationMethod.of(method).orElse(DomainValidationMethod.DNS_CHANGE);
  }

  /** Where the TXT record goes: {@code _pki-validation.<ADN>} or {@code _validation-persist.<ADN>}. */
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
