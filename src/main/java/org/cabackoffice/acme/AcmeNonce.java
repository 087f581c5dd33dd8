package org.cabackoffice.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A nonce handed out in Replay-Nonce (RFC 8555 6.5), in the database so every node accepts it. */
@Entity
@Table(name = "acme_nonce")
class AcmeNonce {

  @Id
  @Column(length = 64)
  private String nonce;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected AcmeNonce() {}

  AcmeNonce(String nonce, Instant expiresAt) {
    this.nonce = nonce;
    this.expiresAt = expiresAt;
  }

  Instant getExpiresAt() {
    return expiresAt;
  }
}
