package org.cabackoffice.domain;

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
 * How the domain stage established control of an application's domain, written when it decides
 * (SC-099, BR 5.4.1: the method and the BR version used), so an auditor need not infer it from
 * the configuration of the day.
 */
@Entity
@Table(name = "domain_control_decision")
public class DomainControlDecision {

  public enum Method {
    /** Private CA only: the guide's registrant match or consent counts as control. */
    REGISTRANT_EVIDENCE,
    /** BR 4.2.1: a completed validation of the same applicant within its reuse period. */
    REUSED_VALIDATION,
    /** BR 3.2.2.4.7: a DNS change challenge was issued; dns_check_evidence holds its outcome. */
    DNS_CHANGE_CHALLENGE,
    /** BR 3.2.2.4.22: the persistent DNS TXT record was asked for; dns_check_evidence holds each look. */
    PERSISTENT_DNS_TXT_REQUEST,
    /** BR 3.2.2.4.18: a file under /.well-known/pki-validation/ was asked for on the FQDN. */
    WEBSITE_FILE_REQUEST
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(name = "domain_name", nullable = false, length = 253)
  private String domainName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 32)
  private Method method;

  @Column(nullable = false, length = 2000)
  private String detail;

  @Column(name = "br_version", length = 16)
  private String brVersion;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected DomainControlDecision() {}

  DomainControlDecision(
      long applicationId, String domainName, Method method, String detail, String brVersion, Instant decidedAt) {
    this.applicationId = applicationId;
    this.domainName = domainName;
    this.method = method;
    this.detail = detail.length() > 2000 ? detail.substring(0, 2000) : detail;
    this.brVersion = brVersion;
    this.decidedAt = decidedAt;
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

  public Method getMethod() {
    return method;
  }

  public String getDetail() {
    return detail;
  }

  public String getBrVersion() {
    return brVersion;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
