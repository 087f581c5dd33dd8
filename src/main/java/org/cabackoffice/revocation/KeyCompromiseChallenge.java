package org.cabackoffice.revocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A value the CA gave a reporter to sign with a certificate's key, for one serial. */
@Entity
@Table(name = "key_compromise_challenge")
public class KeyCompromiseChallenge {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 42)
  private String serial;

  @Column(nullable = false, unique = true, length = 64)
  private String challenge;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected KeyCompromiseChallenge() {}

  KeyCompromiseChallenge(String serial, String challenge, Instant issuedAt, Instant expiresAt) {
    this.serial = serial;
    this.challenge = challenge;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  public String serial() {
    return serial;
  }

  public String challenge() {
    return challenge;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
