package org.cabackoffice.domain;

import org.cabackoffice.input.Truncation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One CAA check before issuance (BR 3.2.2.8): the names, this CA's issuer domains, the verdict
 * per name and every resolver answer seen while climbing (BR 5.4.1). Written once, never changed.
 */
@Entity
@Table(name = "caa_evidence")
public class CaaEvidence {

  private static final String SEPARATOR = "\n";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** The application checked for; null for a check made outside an application. */
  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  @Column(name = "dns_names", nullable = false, length = 8000)
  private String dnsNames;

  @Column(name = "issuer_domains", nullable = false, length = 1000)
  private String issuerDomains;

  @Column(nullable = false)
  private boolean permitted;

  /** One line per name: name, PERMITTED or REFUSED, the reason. */
  @Column(nullable = false, length = 65536)
  private String findings;

  @Column(nullable = false, length = 512)
  private String resolver;

  /** The resolver's answers, as transcripts, in the order asked. */
  @Column(nullable = false, length = 262144)
  private String answers;

  /**
   * One line per answer: the name and type asked and what DNSSEC validation said of it (BR
   * 3.2.2.8.1), e.g. "sample.co.jp CAA SECURE".
   */
  @Column(length = 8000)
  private String dnssec;

  protected CaaEvidence() {}

  CaaEvidence(
      Long applicationId,
      Instant checkedAt,
      List<String> dnsNames,
      List<String> issuerDomains,
      boolean permitted,
      List<String> findings,
      String resolver,
      String answers,
      List<String> dnssec) {
    this.applicationId = applicationId;
    this.checkedAt = checkedAt;
    this.dnsNames = Truncation.cut(String.join(SEPARATOR, dnsNames), 8000);
    this.issuerDomains = Truncation.cut(String.join(SEPARATOR, issuerDomains), 1000);
    this.permitted = permitted;
    this.findings = Truncation.cut(String.join(SEPARATOR, findings), 65536);
    this.resolver = Truncation.cut(resolver, 512);
    this.answers = Truncation.cut(answers, 262144);
    this.dnssec = dnssec.isEmpty() ? null : Truncation.cut(String.join(SEPARATOR, dnssec), 8000);
  }


  public Long getId() {
    return id;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public Instant getCheckedAt() {
    return checkedAt;
  }

  public List<String> getDnsNames() {
    return Arrays.asList(dnsNames.split(SEPARATOR));
  }

  public List<String> getIssuerDomains() {
    return Arrays.asList(issuerDomains.split(SEPARATOR));
  }

  public boolean isPermitted() {
    return permitted;
  }

  public List<String> getFindings() {
    return Arrays.asList(findings.split(SEPARATOR));
  }

  public String getResolver() {
    return resolver;
  }

  public String getAnswers() {
    return answers;
  }

  /** What DNSSEC validation said per answer; empty when nothing was looked up. */
  public List<String> getDnssec() {
    return dnssec == null ? List.of() : Arrays.asList(dnssec.split(SEPARATOR));
  }
}
