package org.cabackoffice.csr;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One key on the CA's blocklist (V9__key_blocklist.sql): its fingerprint, why it is there, and
 * which officer put it there when (BR 5.4.1: such decisions are logged).
 */
@Entity
@Table(name = "key_blocklist")
public class BlockedKey {

  static final int MAX_REASON = 2000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "spki_sha256", nullable = false, unique = true, length = 64)
  private String spkiSha256;

  @Column(nullable = false, length = MAX_REASON)
  private String reason;

  @Column(name = "added_by", nullable = false, length = 256)
  private String addedBy;

  @Column(name = "added_at", nullable = false)
  private Instant addedAt;

  protected BlockedKey() {}

  BlockedKey(String spkiSha256, String reason, String addedBy, Instant addedAt) {
    this.spkiSha256 = spkiSha256;
    this.reason = reason;
    this.addedBy = addedBy;
    this.addedAt = addedAt;
  }

  public Long id() {
    return id;
  }

  /** Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo. */
  public String spkiSha256() {
    return spkiSha256;
  }

  public String reason() {
    return reason;
  }

  /** The user ID of the officer who listed the key. */
  public String addedBy() {
    return addedBy;
  }

  public Instant addedAt() {
    return addedAt;
  }
}
