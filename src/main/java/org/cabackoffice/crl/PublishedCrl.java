package org.cabackoffice.crl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A CRL as signed and published: the DER bytes every node serves, and what operators list. Kept,
 * not replaced, so the history of what was published stays on record.
 */
@Entity
@Table(name = "crl")
public class PublishedCrl {

  /** Whose key signed it. */
  public enum Issuer {
    /** A shard of the issuing CA's CRL of subscriber certificates. */
    ISSUING_CA,
    /** The root's CRL of the CA certificates it signed (the ARL). */
    ROOT_CA
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Issuer issuer;

  /** The signing CA certificate's subjectKeyIdentifier, hex. */
  @Column(name = "issuer_key_id", nullable = false, length = 128)
  private String issuerKeyId;

  /** The shard of the issuing CA's CRL; null for the ARL. */
  private Integer shard;

  @Column(name = "crl_number", nullable = false)
  private long crlNumber;

  @Column(name = "this_update", nullable = false)
  private Instant thisUpdate;

  @Column(name = "next_update", nullable = false)
  private Instant nextUpdate;

  @Column(nullable = false)
  private int entries;

  @Column(name = "size_bytes", nullable = false)
  private int sizeBytes;

  @Column(nullable = false)
  private byte[] der;

  protected PublishedCrl() {}

  PublishedCrl(
      Issuer issuer, String issuerKeyId, Integer shard, long crlNumber, Instant thisUpdate, Instant nextUpdate, int entries, byte[] der) {
    this.issuer = issuer;
    this.issuerKeyId = issuerKeyId;
    this.shard = shard;
    this.crlNumber = crlNumber;
    this.thisUpdate = thisUpdate;
    this.nextUpdate = nextUpdate;
    this.entries = entries;
    this.sizeBytes = der.length;
    this.der = der.clone();
  }

  public Long id() {
    return id;
  }

  public Issuer issuer() {
    return issuer;
  }

  public Integer shard() {
    return shard;
  }

  public long crlNumber() {
    return crlNumber;
  }

  public Instant thisUpdate() {
    return thisUpdate;
  }

  public Instant nextUpdate() {
    return nextUpdate;
  }

  public int entries() {
    return entries;
  }

  public int sizeBytes() {
    return sizeBytes;
  }

  public byte[] der() {
    return der.clone();
  }
}
