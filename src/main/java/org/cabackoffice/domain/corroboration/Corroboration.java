package org.cabackoffice.domain.corroboration;

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
import org.cabackoffice.input.Truncation;

/**
 * One multi-perspective corroboration of a determination of the primary (BR 3.2.2.9) with its
 * quorum result (BR 5.4.1 item 8, e.g. "4/5"); each perspective's attempt is a {@link
 * PerspectiveAttempt}. Written once, never changed.
 */
@Entity
@Table(name = "mpic_corroboration")
public class Corroboration {

  /** What the primary determined and the perspectives were asked to corroborate. */
  public enum Subject {
    /** The DNS change record carries the random value (BR 3.2.2.4.7). */
    DOMAIN_CONTROL,
    /** CAA permits this CA to issue (BR 3.2.2.8). */
    CAA
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "application_id")
  private Long applicationId;

  /** The ACME order whose CAA was corroborated, else null (an ACME authorization's has neither). */
  @Column(name = "acme_order_id")
  private Long acmeOrderId;

  @Column(name = "checked_at", nullable = false)
  private Instant checkedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Subject subject;

  /** The names corroborated, one a line: the record name, or the certificate's names for CAA. */
  @Column(name = "dns_names", nullable = false, length = 8000)
  private String dnsNames;

  @Column(nullable = false, length = 32)
  private String phase;

  @Column(name = "required_perspectives", nullable = false)
  private int requiredPerspectives;

  /** "corroborated/attempted", e.g. "4/5"; "0/0" when nothing was asked. */
  @Column(nullable = false, length = 16)
  private String quorum;

  @Column(nullable = false)
  private boolean met;

  /** Whether issuance waited on this result (MPIC on, and the phase enforces the quorum). */
  @Column(nullable = false)
  private boolean enforced;

  @Column(nullable = false, length = 4000)
  private String summary;

  /** The corroboration relied on instead of asking again (BR 3.2.2.9, CAA only), else null. */
  @Column(name = "reused_from")
  private Long reusedFrom;

  /**
   * CAA only: what the perspectives judged, each name with its requester's account URI and
   * validation method (RFC 8657; {@link JudgedRequesters}); null before V121 and for DNS.
   */
  @Column(name = "caa_requesters", length = 262144)
  private String caaRequesters;

  /** Whose determination was corroborated: an application, an ACME order, or neither. */
  record Owner(Long applicationId, Long acmeOrderId) {

    static final Owner NONE = new Owner(null, null);

    static Owner application(Long applicationId) {
      return new Owner(applicationId, null);
    }

    static Owner acmeOrder(long acmeOrderId) {
      return new Owner(null, acmeOrderId);
    }

    /** How logs name it. */
    String described() {
      return applicationId != null ? "application " + applicationId
          : acmeOrderId != null ? "ACME order " + acmeOrderId : "ACME authorization";
    }
  }

  protected Corroboration() {}

  Corroboration(
      Long applicationId,
      Instant checkedAt,
      Subject subject,
      List<String> dnsNames,
      CorroborationSchedule phase,
      String quorum,
      boolean met,
      boolean enforced,
      String summary,
      Long reusedFrom) {
    this(Owner.application(applicationId), checkedAt, subject, dnsNames, phase, quorum, met, enforced, summary,
        reusedFrom, null);
  }

  Corroboration(
      Owner owner,
      Instant checkedAt,
      Subject subject,
      List<String> dnsNames,
      CorroborationSchedule phase,
      String quorum,
      boolean met,
      boolean enforced,
      String summary,
      Long reusedFrom,
      String caaRequesters) {
    this.applicationId = owner.applicationId();
    this.acmeOrderId = owner.acmeOrderId();
    this.checkedAt = checkedAt;
    this.subject = subject;
    this.dnsNames = Truncation.cut(String.join("\n", dnsNames), 8000);
    this.phase = phase.name();
    this.requiredPerspectives = phase.remotePerspectives();
    this.quorum = quorum;
    this.met = met;
    this.enforced = enforced;
    this.summary = Truncation.cut(summary, 4000);
    this.reusedFrom = reusedFrom;
    this.caaRequesters = caaRequesters;
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

  public Subject getSubject() {
    return subject;
  }

  public List<String> getDnsNames() {
    return Arrays.asList(dnsNames.split("\n"));
  }

  public String getPhase() {
    return phase;
  }

  public int getRequiredPerspectives() {
    return requiredPerspectives;
  }

  public String getQuorum() {
    return quorum;
  }

  public boolean isMet() {
    return met;
  }

  public boolean isEnforced() {
    return enforced;
  }

  public String getSummary() {
    return summary;
  }

  public Long getReusedFrom() {
    return reusedFrom;
  }

  public Long getAcmeOrderId() {
    return acmeOrderId;
  }

  public String getCaaRequesters() {
    return caaRequesters;
  }

  /**
   * How the quorum came out, in words, as the timelines and the auditors' pages say it: reused,
   * not asked (MPIC off), or the quorum met or not with the perspectives the phase required.
   */
  public String outcome() {
    if (reusedFrom != null) {
      return "quorum " + quorum + " reused from mpic_corroboration:" + reusedFrom;
    }
    if (!enforced && "0/0".equals(quorum)) {
      return "not corroborated, multi-perspective corroboration is off (private CA)";
    }
    return "quorum " + quorum + (met ? " met" : " NOT met") + " (at least " + requiredPerspectives
        + " perspectives required)";
  }
}
