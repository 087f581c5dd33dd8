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
import java.util.Arrays;
import java.util.List;

/**
 * A registry's answer about a domain as it was when checked, with what we read from it and how
 * the applicant's name compared: the auditors' evidence for the guide's [3-1] decision (BR 5.4.1
 * logs every verification step). Written once, never changed.
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

  @Column(name = "queried_at", nullable = false)
  private Instant queriedAt;

  @Column(nullable = false)
  private boolean registered;

  @Column(name = "raw_response", nullable = false, length = 262144)
  private String rawResponse;

  /** The thin registry that referred us to {@link #server}, and its answer. */
  @Column(name = "registry_server", length = 512)
  private String registryServer;

  @Column(name = "registry_response", length = 262144)
  private String registryResponse;

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
    this.server = truncate(answer.server(), 512);
    this.queriedAt = queriedAt;
    this.registered = record.registered();
    this.rawResponse = answer.response();
    if (answer.referredFrom() != null) {
      this.registryServer = truncate(answer.referredFrom().server(), 512);
      this.registryResponse = answer.referredFrom().response();
    }
    this.registrantOrganization = truncate(record.registrantOrganization(), 512);
    this.registrantNames = truncate(join(record.registrantNames()), 2000);
    this.contactEmails = truncate(join(record.contactEmails()), 2000);
    this.redacted = record.redacted();
    this.comparedNames = truncate(join(comparedNames), 1024);
    this.nameMatch = nameMatch;
  }

  private static String join(List<String> values) {
    return values == null || values.isEmpty() ? null : String.join(SEPARATOR, values);
  }

  private static List<String> split(String joined) {
    return joined == null ? List.of() : Arrays.asList(joined.split(SEPARATOR));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
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
