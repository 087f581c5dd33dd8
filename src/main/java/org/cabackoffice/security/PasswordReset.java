package org.cabackoffice.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One password reset a customer asked for by mail. Only the SHA-256 of the token is stored: the
 * token is a credential, and a copy of the database must not let anyone reset a password.
 */
@Entity
@Table(name = "password_reset")
public class PasswordReset {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "customer_account_id", nullable = false)
  private long customerAccountId;

  @Column(name = "token_sha256", nullable = false, unique = true, length = 64)
  private String tokenSha256;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected PasswordReset() {}

  PasswordReset(long customerAccountId, String tokenSha256, Instant requestedAt, Instant expiresAt) {
    this.customerAccountId = customerAccountId;
    this.tokenSha256 = tokenSha256;
    this.requestedAt = requestedAt;
    this.expiresAt = expiresAt;
  }

  long customerAccountId() {
    return customerAccountId;
  }

  Instant requestedAt() {
    return requestedAt;
  }

  /** Usable once, until it expires. */
  boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  void use(Instant now) {
    usedAt = now;
  }
}
