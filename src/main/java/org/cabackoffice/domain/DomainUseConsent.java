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
 * One WHOIS contact's answer to "may the applicant use your domain?" (guide [3-1]), reached
 * through a single-use random token mailed to that address. Evidence about the registrant's
 * will, never proof of domain control (BR 3.2.2.4.2 is retired, see DESIGN.md).
 */
@Entity
@Table(name = "domain_use_consent")
public class DomainUseConsent {

  public enum Status {
    PENDING,
    APPROVED,
    DECLINED,
    /** Not answered within its validity, or the process gave up waiting. */
    EXPIRED,
    /** Another contact of the same domain answered first. */
    SUPERSEDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(name = "domain_name", nullable = false, length = 253)
  private String domainName;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "applicant_organization", nullable = false, length = 512)
  private String applicantOrganization;

  @Column(nullable = false, length = 64, unique = true)
  private String token;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "reminders_sent", nullable = false)
  private int remindersSent;

  @Column(name = "decided_at")
  private Instant decidedAt;

  /** The client address the decision came from, beside the mailbox the token went to. */
  @Column(name = "decided_from", length = 64)
  private String decidedFrom;

  @Version
  @Column(nullable = false)
  private long version;

  protected DomainUseConsent() {}

  DomainUseConsent(
      long applicationId,
      String domainName,
      String email,
      String applicantOrganization,
      String token,
      Instant requestedAt,
      Instant expiresAt) {
    this.applicationId = applicationId;
    this.domainName = domainName;
    this.email = email;
    this.applicantOrganization = applicantOrganization;
    this.token = token;
    this.status = Status.PENDING;
    this.requestedAt = requestedAt;
    this.expiresAt = expiresAt;
  }

  /** Pending and within its validity: the token may still be used. */
  public boolean isOpen(Instant now) {
    return status == Status.PENDING && now.isBefore(expiresAt);
  }

  void decide(boolean approved, Instant at, String from) {
    this.status = approved ? Status.APPROVED : Status.DECLINED;
    this.decidedAt = at;
    this.decidedFrom = from;
  }

  void close(Status closing, Instant at) {
    this.status = closing;
    this.decidedAt = at;
  }

  int countReminder() {
    return ++remindersSent;
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

  public String getEmail() {
    return email;
  }

  public String getApplicantOrganization() {
    return applicantOrganization;
  }

  public String getToken() {
    return token;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public int getRemindersSent() {
    return remindersSent;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecidedFrom() {
    return decidedFrom;
  }
}
