package org.cabackoffice.domain;

import org.cabackoffice.input.Truncation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One look for a DNS change challenge's TXT record, with the resolver's answer as it came: the
 * auditors' evidence of each verification step (BR 5.4.1), naming method and BR version (BR
 * 3.2.2.4). Written once, never changed.
 */
@Entity
@Table(name = "dns_check_evidence")
public class DnsCheckEvidence {

  static final int MAX_ANSWER = 65536;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "challenge_id", nullable = false)
  private long challengeId;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(name = "domain_name", nullable = false, length = 253)
  private String domainName;

  /** The FQDN applied for; {@code domainName} is the Authorization Domain Name validated. */
  @Column(length = 253)
  private String fqdn;

  /** The TXT record's name, or the file's URL (BR 3.2.2.4.18). */
  @Column(name = "record_name", nullable = false, length = 512)
  private String recordName;

  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private DnsCheckOutcome.Status outcome;

  @Column(nullable = false, length = 1000)
  private String reason;

  @Column(nullable = false, length = 32)
  private String method;

  @Column(name = "br_version", nullable = false, length = 16)
  private String brVersion;

  @Column(nullable = false, length = 512)
  private String resolver;

  @Column(length = MAX_ANSWER)
  private String answer;

  /** What DNSSEC validation said of the answer (BR 3.2.2.4); null when no answer was validated. */
  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private DnssecStatus dnssec;

  protected DnsCheckEvidence() {}

  DnsCheckEvidence(
      DnsChallenge challenge,
      Instant checkedAt,
      DnsCheckOutcome.Status outcome,
      String reason,
      String method,
      String brVersion,
      String resolver,
      String answer,
      DnssecStatus dnssec) {
    this.challengeId = challenge.getId();
    this.applicationId = challenge.getApplicationId();
    this.domainName = challenge.getDomainName();
    this.fqdn = challenge.getFqdn();
    this.recordName = challenge.getRecordName();
    this.checkedAt = checkedAt;
    this.outcome = outcome;
    this.reason = Truncation.cut(reason, 1000);
    this.method = method;
    this.brVersion = brVersion;
    this.resolver = Truncation.cut(resolver, 512);
    this.answer = Truncation.cut(answer, MAX_ANSWER);
    this.dnssec = dnssec;
  }


  public Long getId() {
    return id;
  }

  public long getChallengeId() {
    return challengeId;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public String getDomainName() {
    return domainName;
  }

  public String getFqdn() {
    return fqdn;
  }

  public String getRecordName() {
    return recordName;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }

  public DnsCheckOutcome.Status getOutcome() {
    return outcome;
  }

  public String getReason() {
    return reason;
  }

  public String getMethod() {
    return method;
  }

  public String getBrVersion() {
    return brVersion;
  }

  public String getResolver() {
    return resolver;
  }

  public DnssecStatus getDnssec() {
    return dnssec;
  }

  /** The resolver's answer (or the failure) as a transcript; null when none was asked. */
  public String getAnswer() {
    return answer;
  }
}
