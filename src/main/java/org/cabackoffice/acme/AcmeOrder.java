package org.cabackoffice.acme;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An ACME order (RFC 8555 7.1.3). Its {@code status} is what the order resource shows once the
 * order is finalized or has failed; before that it is {@code pending} or {@code ready} by its
 * authorizations ({@link AcmeOrders#statusOf}).
 */
// Written by two hands at once: the client (finalize) and the order's process (its steps). Each
// writes only the columns it changed, so a step that read the order before a finalize committed
// does not put the order back to pending and forget its CSR (AcmeOrderWritesIT).
@org.hibernate.annotations.DynamicUpdate
@Entity
@Table(name = "acme_order")
public class AcmeOrder {

  public static final String PENDING = "pending";
  public static final String READY = "ready";
  public static final String PROCESSING = "processing";
  public static final String VALID = "valid";
  public static final String INVALID = "invalid";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(name = "dns_names", nullable = false, length = 8000)
  private String dnsNames;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "csr_pem", length = 16384)
  private String csrPem;

  @Column(name = "finalized_at")
  private Instant finalizedAt;

  @Column(name = "certificate_serial", length = 42)
  private String certificateSerial;

  @Column(name = "identity_basis", length = 2000)
  private String identityBasis;

  @Column(name = "identity_current")
  private Boolean identityCurrent;

  /** The registrants of the order's registrable domains as looked up for stale identity steps. */
  @Column(name = "registrant_evidence", length = 4000)
  private String registrantEvidence;

  @Column(name = "error_type", length = 64)
  private String errorType;

  @Column(name = "error_detail", length = 4000)
  private String errorDetail;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "acme_order_authorization", joinColumns = @JoinColumn(name = "order_id"))
  @Column(name = "authorization_id")
  @OrderBy
  private Set<Long> authorizationIds = new LinkedHashSet<>();

  protected AcmeOrder() {}

  AcmeOrder(long accountId, List<String> dnsNames, Instant createdAt, Instant expiresAt) {
    this.accountId = accountId;
    this.status = PENDING;
    this.dnsNames = String.join("\n", dnsNames);
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  void authorizedBy(List<Long> ids) {
    authorizationIds.addAll(ids);
  }

  void finalizeWith(String csrPem, Instant at) {
    this.csrPem = csrPem;
    this.finalizedAt = at;
    this.status = PROCESSING;
  }

  void registrants(String evidence) {
    this.registrantEvidence = evidence;
  }

  public String getRegistrantEvidence() {
    return registrantEvidence;
  }

  void identity(boolean current, String basis) {
    this.identityCurrent = current;
    this.identityBasis = basis;
  }

  void issued(String serial) {
    this.certificateSerial = serial;
    this.status = VALID;
  }

  void failed(String type, String detail) {
    this.status = INVALID;
    this.errorType = type;
    this.errorDetail = detail == null ? null : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
  }

  public Long getId() {
    return id;
  }

  public long getAccountId() {
    return accountId;
  }

  public String getStatus() {
    return status;
  }

  public List<String> getDnsNames() {
    return new ArrayList<>(Arrays.asList(dnsNames.split("\n")));
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public String getCsrPem() {
    return csrPem;
  }

  public Instant getFinalizedAt() {
    return finalizedAt;
  }

  public String getCertificateSerial() {
    return certificateSerial;
  }

  public String getIdentityBasis() {
    return identityBasis;
  }

  public Boolean getIdentityCurrent() {
    return identityCurrent;
  }

  public String getErrorType() {
    return errorType;
  }

  public String getErrorDetail() {
    return errorDetail;
  }

  public List<Long> getAuthorizationIds() {
    return new ArrayList<>(authorizationIds);
  }
}
