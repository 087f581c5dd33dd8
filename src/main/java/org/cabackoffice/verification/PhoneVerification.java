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

/**
 * One phone call to the responsible person, or to the technical contact standing in for an absent
 * one (guide [4]), kept as evidence (BR 5.4.1).
 */
@Entity
@Table(name = "phone_verification")
public class PhoneVerification {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id", nullable = false)
  private long applicationId;

  @Column(nullable = false)
  private String officer;

  @Column(name = "called_number")
  private String calledNumber;

  @Column(name = "directory_source")
  private String directorySource;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private PhoneOutcome outcome;

  @Column(name = "spoke_with")
  private String spokeWith;

  @Column(name = "product_and_type_confirmed", nullable = false)
  private boolean productAndTypeConfirmed;

  @Column(name = "organization_and_cn_confirmed", nullable = false)
  private boolean organizationAndCommonNameConfirmed;

  @Column(name = "technical_contact_confirmed", nullable = false)
  private boolean technicalContactConfirmed;

  @Column(name = "intent_confirmed", nullable = false)
  private boolean intentConfirmed;

  @Column(length = 2000)
  private String note;

  @Column(name = "verified_at", nullable = false)
  private Instant verifiedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "phoned_person", nullable = false)
  private PhonedPerson phonedPerson = PhonedPerson.RESPONSIBLE_PERSON;

  /** How the technical contact's employment by the applicant was confirmed; null otherwise. */
  @Enumerated(EnumType.STRING)
  @Column(name = "employment_basis")
  private EmploymentBasis employmentBasis;

  @Column(name = "employment_basis_note", length = 2000)
  private String employmentBasisNote;

  /** The call this record reuses (guide [4]); null for a call an officer made. */
  @Column(name = "reused_from")
  private Long reusedFrom;

  protected PhoneVerification() {}

  PhoneVerification(
      long applicationId,
      String officer,
      PhoneCallSheet sheet,
      PhoneCallReport report,
      Instant verifiedAt) {
    this.applicationId = applicationId;
    this.officer = officer;
    this.calledNumber = sheet.mainPhone();
    this.directorySource = sheet.source();
    this.outcome = report.outcome();
    this.spokeWith = report.spokeWith();
    this.productAndTypeConfirmed = report.productAndTypeConfirmed();
    this.organizationAndCommonNameConfirmed = report.organizationAndCommonNameConfirmed();
    this.technicalContactConfirmed = report.technicalContactConfirmed();
    this.intentConfirmed = report.intentConfirmed();
    this.note = report.note();
    this.phonedPerson = report.phonedPerson();
    if (report.phonedPerson() == PhonedPerson.TECHNICAL_CONTACT) {
      this.employmentBasis = report.employmentBasis();
      this.employmentBasisNote = report.employmentBasisNote();
    }
    this.verifiedAt = verifiedAt;
  }

  /** A copy for another application, naming this call as its source (guide [4]). */
  PhoneVerification reusedFor(long otherApplicationId, Instant at) {
    PhoneVerification reuse = new PhoneVerification();
    reuse.applicationId = otherApplicationId;
    reuse.officer = officer;
    reuse.calledNumber = calledNumber;
    reuse.directorySource = directorySource;
    reuse.outcome = PhoneOutcome.CONFIRMED;
    reuse.spokeWith = spokeWith;
    reuse.productAndTypeConfirmed = productAndTypeConfirmed;
    reuse.organizationAndCommonNameConfirmed = organizationAndCommonNameConfirmed;
    reuse.technicalContactConfirmed = technicalContactConfirmed;
    reuse.intentConfirmed = intentConfirmed;
    reuse.phonedPerson = phonedPerson;
    reuse.employmentBasis = employmentBasis;
    reuse.employmentBasisNote = employmentBasisNote;
    reuse.note =
        "reused on " + at + ": phone verification #" + id + " of application " + applicationId;
    // The call's own time: the reuse period runs from the call, not from each reuse.
    reuse.verifiedAt = verifiedAt;
    reuse.reusedFrom = id;
    return reuse;
  }

  public Long getReusedFrom() {
    return reusedFrom;
  }

  public Long getId() {
    return id;
  }

  public long getApplicationId() {
    return applicationId;
  }

  public String getOfficer() {
    return officer;
  }

  public String getCalledNumber() {
    return calledNumber;
  }

  public PhoneOutcome getOutcome() {
    return outcome;
  }

  public Instant getVerifiedAt() {
    return verifiedAt;
  }

  public String getDirectorySource() {
    return directorySource;
  }

  public String getSpokeWith() {
    return spokeWith;
  }

  public String getNote() {
    return note;
  }

  public PhonedPerson getPhonedPerson() {
    return phonedPerson;
  }

  public EmploymentBasis getEmploymentBasis() {
    return employmentBasis;
  }

  public String getEmploymentBasisNote() {
    return employmentBasisNote;
  }
}
