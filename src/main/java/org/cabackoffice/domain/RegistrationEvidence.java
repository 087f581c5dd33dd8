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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.cabackoffice.calendar.BusinessCalendar;

/**
 * A registry's answer about a domain as it was when checked, with what we read from it and how
 * the applicant's name compared: the auditors' evidence for the guide's [3-1] decision (BR 5.4.1
 * logs every verification step). Written once, never changed.
 *
 * <p>A check answered from an earlier lookup younger than 48 hours (DESIGN.md) is a row of its
 * own: the earlier row's answer and reading, this check's time, names and match, and {@link
 * #getReusedEvidenceId()} naming the lookup the decision rests on.
 */
@Entity
@Table(name = "registration_evidence")
public class RegistrationEvidence {

  private static final String SEPARATOR = "\n";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "domain_name", nullable = false, length = 253)
  private String domainName;

  @Column(nullable = false, length = 8)
  private String source;

  @Column(nullable = false, length = 512)
  private String server;

  /** When the registry answered (for a reuse: when the reused lookup's registry answered). */
  @Column(name = "queried_at", nullable = false)
  private Instant queriedAt;

  /** When this check was made; equals {@link #queriedAt} unless the answer was reused. */
  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  /** The lookup whose answer this check reused, or null when the registry was asked. */
  @Column(name = "reused_evidence_id")
  private Long reusedEvidenceId;

  @Column(nullable = false)
  private boolean registered;

  @Column(name = "raw_response", nullable = false, length = 262144)
  private String rawResponse;

  /** The thin registry that referred us to {@link #server}, and its answer. */
  @Column(name = "registry_server", length = 512)
  private String registryServer;

  @Column(name = "registry_response", length = 262144)
  private String registryResponse;

  /**
   * The contact records asked for the handles the answer named (JPRS organization-type domains),
   * each as {@code > query}, then the answer; null when none was asked.
   */
  @Column(name = "contact_records", length = 262144)
  private String contactRecords;

  /**
   * The referral the registry's answer named but that failed (timeout, no address, refused), so
   * that answer was used as it named the registrant; null when none failed.
   */
  @Column(name = "failed_referral", length = 512)
  private String failedReferral;

  @Column(name = "failed_referral_reason", length = 1000)
  private String failedReferralReason;

  /** The registration's expiry date as the record gave it, or null when it gave none. */
  @Column(name = "registration_expires_on")
  private LocalDate registrationExpiresOn;

  @Column(name = "registrant_organization", length = 512)
  private String registrantOrganization;

  @Column(name = "registrant_names", length = 2000)
  private String registrantNames;

  @Column(name = "contact_emails", length = 2000)
  private String contactEmails;

  @Column(nullable = false)
  private boolean redacted;

  /** The applicant's names the registrant was compared with. */
  @Column(name = "compared_names", length = 1024)
  private String comparedNames;

  @Enumerated(EnumType.STRING)
  @Column(name = "name_match", nullable = false, length = 16)
  private NameMatch nameMatch;

  protected RegistrationEvidence() {}

  public RegistrationEvidence(
      String domainName,
      RegistryAnswer answer,
      Instant queriedAt,
      List<String> comparedNames,
      NameMatch nameMatch) {
    RegistrationRecord record = answer.record();
    this.domainName = domainName;
    this.source = answer.source();
    this.server = Truncation.cut(answer.server(), 512);
    this.queriedAt = queriedAt;
    this.checkedAt = queriedAt;
    this.registered = record.registered();
    this.rawResponse = answer.response();
    if (answer.referredFrom() != null) {
      this.registryServer = Truncation.cut(answer.referredFrom().server(), 512);
      this.registryResponse = answer.referredFrom().response();
    }
    if (!answer.contactRecords().isEmpty()) {
      StringBuilder records = new StringBuilder();
      for (RegistryAnswer.ContactRecord contact : answer.contactRecords()) {
        records.append("> ").append(contact.query()).append('\n').append(contact.response());
        if (!contact.response().endsWith("\n")) {
          records.append('\n');
        }
      }
      this.contactRecords = Truncation.cut(records.toString(), 262144);
    }
    if (answer.failedReferral() != null) {
      this.failedReferral = Truncation.cut(answer.failedReferral().server(), 512);
      this.failedReferralReason = Truncation.cut(answer.failedReferral().reason(), 1000);
    }
    this.registrationExpiresOn = record.expiresOn();
    this.registrantOrganization = Truncation.cut(record.registrantOrganization(), 512);
    this.registrantNames = Truncation.cut(join(record.registrantNames()), 2000);
    this.contactEmails = Truncation.cut(join(record.contactEmails()), 2000);
    this.redacted = record.redacted();
    this.comparedNames = Truncation.cut(join(comparedNames), 1024);
    this.nameMatch = nameMatch;
  }

  /**
   * A check that uses {@code lookup}'s answer instead of asking the registry again.
   *
   * @param lookup a row whose registry was asked ({@link #isReuse()} false)
   */
  public static RegistrationEvidence reuse(
      RegistrationEvidence lookup, Instant checkedAt, List<String> comparedNames, NameMatch nameMatch) {
    if (lookup.isReuse()) {
      throw new IllegalArgumentException(
          "evidence " + lookup.id + " is itself a reuse; reuse the lookup it names");
    }
    RegistrationEvidence reuse = new RegistrationEvidence();
    reuse.domainName = lookup.domainName;
    reuse.source = lookup.source;
    reuse.server = lookup.server;
    reuse.queriedAt = lookup.queriedAt;
    reuse.checkedAt = checkedAt;
    reuse.reusedEvidenceId = lookup.id;
    reuse.registered = lookup.registered;
    reuse.rawResponse = lookup.rawResponse;
    reuse.registryServer = lookup.registryServer;
    reuse.registryResponse = lookup.registryResponse;
    reuse.contactRecords = lookup.contactRecords;
    reuse.registrationExpiresOn = lookup.registrationExpiresOn;
    reuse.failedReferral = lookup.failedReferral;
    reuse.failedReferralReason = lookup.failedReferralReason;
    reuse.registrantOrganization = lookup.registrantOrganization;
    reuse.registrantNames = lookup.registrantNames;
    reuse.contactEmails = lookup.contactEmails;
    reuse.redacted = lookup.redacted;
    reuse.comparedNames = Truncation.cut(join(comparedNames), 1024);
    reuse.nameMatch = nameMatch;
    return reuse;
  }

  /** What was read from the answer when it came, as it was stored. */
  public RegistrationRecord record() {
    return new RegistrationRecord(
        registered, getRegistrantNames(), getContactEmails(), redacted, null, registrationExpiresOn);
  }

  public boolean isReuse() {
    return reusedEvidenceId != null;
  }

  private static String join(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(SEPARATOR, values);
  }

  private static List<String> split(String joined) {
    return joined == null ? List.of() : Arrays.asList(joined.split(SEPARATOR));
  }


  public Long getId() {
    return id;
  }

  public String getDomainName() {
    return domainName;
  }

  public String getSource() {
    return source;
  }

  public String getServer() {
    return server;
  }

  public Instant getQueriedAt() {
    return queriedAt;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }

  public Long getReusedEvidenceId() {
    return reusedEvidenceId;
  }

  public boolean isRegistered() {
    return registered;
  }

  public String getRawResponse() {
    return rawResponse;
  }

  public String getRegistryServer() {
    return registryServer;
  }

  public String getRegistryResponse() {
    return registryResponse;
  }

  public String getContactRecords() {
    return contactRecords;
  }

  public LocalDate getRegistrationExpiresOn() {
    return registrationExpiresOn;
  }

  /** Whether the registration had lapsed when this check was made (in business dates). */
  public boolean isRegistrationExpiredAtCheck() {
    return record().expiredOn(BusinessCalendar.dateOf(checkedAt));
  }

  public String getFailedReferral() {
    return failedReferral;
  }

  public String getFailedReferralReason() {
    return failedReferralReason;
  }

  public String getRegistrantOrganization() {
    return registrantOrganization;
  }

  public List<String> getRegistrantNames() {
    return split(registrantNames);
  }

  public List<String> getContactEmails() {
    return split(contactEmails);
  }

  public boolean isRedacted() {
    return redacted;
  }

  public List<String> getComparedNames() {
    return split(comparedNames);
  }

  public NameMatch getNameMatch() {
    return nameMatch;
  }
}
