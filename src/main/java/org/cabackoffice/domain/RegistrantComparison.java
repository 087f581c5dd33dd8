package org.cabackoffice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An officer's verdict that a close registrant name is, or is not, the applicant. */
@Entity
@Table(name = "registrant_comparison")
public class RegistrantComparison {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(name = "domain_name", nullable = false)
  private String domainName;

  @Column(name = "registrant_name")
  private String registrantName;

  @Column(name = "applicant_names", nullable = false)
  private String applicantNames;

  @Column(name = "same_organization", nullable = false)
  private boolean sameOrganization;

  @Column(nullable = false)
  private String officer;

  @Column(length = 2000)
  private String note;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected RegistrantComparison() {}

  RegistrantComparison(
      long applicationId,
      String domainName,
      String registrantName,
      String applicantNames,
      boolean sameOrganization,
      String officer,
      String note,
      Instant decidedAt) {
    this.applicationId = applicationId;
    this.domainName = domainName;
    this.registrantName = registrantName;
    this.applicantNames = applicantNames;
    this.sameOrganization = sameOrganization;
    this.officer = officer;
    this.note = note;
    this.decidedAt = decidedAt;
  }

  public boolean isSameOrganization() {
    return sameOrganization;
  }

  public String getOfficer() {
    return officer;
  }

  public String getRegistrantName() {
    return registrantName;
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

  public String getApplicantNames() {
    return applicantNames;
  }

  public String getNote() {
    return note;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }
}
