package org.cabackoffice.verification;

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
 * One verification of the applicant organization's identity (BR 3.2.2.1; EV Guidelines 3.2.2):
 * the directory record it was matched with, the source of that record and its date, the officer,
 * and whether the certificate subject agrees with the record. Kept as evidence (BR 5.4.1).
 */
@Entity
@Table(name = "organization_verification")
public class OrganizationVerification {

  /** Whether the officer matched the applicant with a record. */
  public enum Outcome {
    CONFIRMED,
    /** The directory lists no such organization: the registry certificate is asked for. */
    NOT_LISTED
  }

  /** How the record was found. */
  public enum Method {
    CORPORATE_NUMBER,
    NAME,
    /** Not listed: the officer recorded the organization from its 登記事項証明書. */
    REGISTRY_CERTIFICATE,
    /** Not listed: a government body, recorded by the officer from the 職員録 (guide [1-2] ※). */
    STAFF_DIRECTORY,
    /** An earlier verification within the reuse period (BR 4.2.1). */
    REUSED
  }

  /** The sections a verification satisfies, as auditors look them up. */
  static final String OV_SECTION = "BR 3.2.2.1";

  static final String EV_SECTION = "BR 3.2.2.1; EV Guidelines 3.2.2";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Outcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Method method;

  @Column(name = "entry_id")
  private Long entryId;

  private String source;

  @Column(name = "source_date")
  private LocalDate sourceDate;

  @Column(nullable = false)
  private String officer;

  @Column(name = "br_section", nullable = false)
  private String brSection;

  @Column(length = 2000)
  private String note;

  @Column(name = "verified_at", nullable = false)
  private Instant verifiedAt;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  @Column(name = "reused_from")
  private Long reusedFrom;

  @Column(name = "subject_agrees")
  private Boolean subjectAgrees;

  @Column(name = "subject_finding", length = 2000)
  private String subjectFinding;

  @Column(name = "subject_compared_at")
  private Instant subjectComparedAt;

  protected OrganizationVerification() {}

  static OrganizationVerification confirmed(
      long applicationId,
      Method method,
      OrganizationDirectoryEntry entry,
      String officer,
      boolean extendedValidation,
      String note,
      Instant at) {
    OrganizationVerification v = new OrganizationVerification();
    v.applicationId = applicationId;
    v.outcome = Outcome.CONFIRMED;
    v.method = method;
    v.entryId = entry.getId();
    v.source = entry.getSource();
    v.sourceDate = entry.getVerifiedOn();
    v.officer = officer;
    v.brSection = extendedValidation ? EV_SECTION : OV_SECTION;
    v.note = note;
    v.verifiedAt = at;
    v.recordedAt = at;
    return v;
  }

  static OrganizationVerification notListed(long applicationId, String officer, String note, Instant at) {
    OrganizationVerification v = new OrganizationVerification();
    v.applicationId = applicationId;
    v.outcome = Outcome.NOT_LISTED;
    v.method = Method.NAME;
    v.officer = officer;
    v.brSection = OV_SECTION;
    v.note = note;
    v.verifiedAt = at;
    v.recordedAt = at;
    return v;
  }

  /** A record of this verification for another application, naming this one as its source. */
  OrganizationVerification reusedFor(long otherApplicationId, Instant at) {
    OrganizationVerification reuse = new OrganizationVerification();
    reuse.applicationId = otherApplicationId;
    reuse.outcome = Outcome.CONFIRMED;
    reuse.method = Method.REUSED;
    reuse.entryId = entryId;
    reuse.source = source;
    reuse.sourceDate = sourceDate;
    reuse.officer = officer;
    reuse.brSection = brSection;
    reuse.note = "reused: organization verification #" + id + " of application " + applicationId;
    // BR 4.2.1: the period runs from the verification, not from each reuse.
    reuse.verifiedAt = verifiedAt;
    reuse.recordedAt = at;
    reuse.reusedFrom = reusedFrom == null ? id : reusedFrom;
    return reuse;
  }

  void subjectCompared(boolean agrees, String finding, Instant at) {
    this.subjectAgrees = agrees;
    this.subjectFinding = finding;
    this.subjectComparedAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  public Method getMethod() {
    return method;
  }

  public Long getEntryId() {
    return entryId;
  }

  public String getSource() {
    return source;
  }

  public LocalDate getSourceDate() {
    return sourceDate;
  }

  public String getOfficer() {
    return officer;
  }

  public String getBrSection() {
    return brSection;
  }

  public String getNote() {
    return note;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public Long getReusedFrom() {
    return reusedFrom;
  }

  public Boolean getSubjectAgrees() {
    return subjectAgrees;
  }

  public String getSubjectFinding() {
    return subjectFinding;
  }

  public Instant getSubjectComparedAt() {
    return subjectComparedAt;
  }
}
