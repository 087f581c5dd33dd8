package org.cabackoffice.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A challenge of an authorization (RFC 8555 7.1.5, 8): http-01 or dns-01. */
@Entity
@Table(name = "acme_challenge")
public class AcmeChallenge {

  public static final String HTTP_01 = "http-01";
  public static final String DNS_01 = "dns-01";
  public static final String PENDING = "pending";
  public static final String PROCESSING = "processing";
  public static final String VALID = "valid";
  public static final String INVALID = "invalid";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "authorization_id", nullable = false)
  private long authorizationId;

  @Column(nullable = false, length = 16)
  private String type;

  @Column(nullable = false, length = 64)
  private String token;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(name = "validated_at")
  private Instant validatedAt;

  @Column(length = 4000)
  private String evidence;

  @Column(name = "error_detail", length = 2000)
  private String errorDetail;

  protected AcmeChallenge() {}

  AcmeChallenge(long authorizationId, String type, String token) {
    this.authorizationId = authorizationId;
    this.type = type;
    this.token = token;
    this.status = PENDING;
  }

  void valid(Instant at, String evidence) {
    this.status = VALID;
    this.validatedAt = at;
    this.evidence = clip(evidence, 4000);
  }

  void invalid(String evidence, String error) {
    this.status = INVALID;
    this.evidence = clip(evidence, 4000);
    this.errorDetail = clip(error, 2000);
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public long getAuthorizationId() {
    return authorizationId;
  }

  public String getType() {
    return type;
  }

  public String getToken() {
    return token;
  }

  public String getStatus() {
    return status;
  }

  public Instant getValidatedAt() {
    return validatedAt;
  }

  public String getEvidence() {
    return evidence;
  }

  public String getErrorDetail() {
    return errorDetail;
  }
}
