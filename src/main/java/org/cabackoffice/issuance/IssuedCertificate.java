package org.cabackoffice.issuance;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate this CA signed, or one of its previous system's that was imported so renewals
 * (guide [1]: same CN as before, window from 30 days after issuance) can find it. Kept at least as
 * long as the records of its validation (BR 5.4.3, 5.5.2).
 */
@Entity
@Table(name = "issued_certificate")
public class IssuedCertificate {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Lower-case hex, no separators or leading zeros ({@link CertificateSerial#hex}). */
  @Column(nullable = false, unique = true, length = 42)
  private String serial;

  @Column(name = "application_id")
  private Long applicationId;

  /** The ACME order it answers; unique, so one order never stores two certificates. */
  @Column(name = "acme_order_id", unique = true)
  private Long acmeOrderId;

  @Column(name = "customer_account_id", nullable = false)
  private long customerAccountId;

  @Column(name = "common_name", length = 253)
  private String commonName;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(
      name = "issued_certificate_dns_name",
      joinColumns = @JoinColumn(name = "issued_certificate_id"))
  @Column(name = "dns_name", nullable = false, length = 253)
  private List<String> dnsNames = new ArrayList<>();

  /** SHA-256 of the DER SubjectPublicKeyInfo, hex: finds certificates sharing a key (BR 4.9.1.1). */
  @Column(name = "spki_sha256", nullable = false, length = 64)
  private String spkiSha256;

  @Column(name = "not_before", nullable = false)
  private Instant notBefore;

  @Column(name = "not_after", nullable = false)
  private Instant notAfter;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(nullable = false, length = 16384)
  private String pem;

  @Column(nullable = false)
  private boolean imported;

  /**
   * The partitioned CRL that lists this certificate once revoked, named in its CRL distribution
   * point; null for an imported certificate (its issuer is the previous system's CA).
   */
  @Column(name = "crl_shard")
  private Integer crlShard;

  protected IssuedCertificate() {}

  IssuedCertificate(
      String serial,
      Long applicationId,
      long customerAccountId,
      String commonName,
      List<String> dnsNames,
      String spkiSha256,
      Instant notBefore,
      Instant notAfter,
      Instant issuedAt,
      String pem,
      boolean imported,
      Integer crlShard) {
    this.serial = serial;
    this.applicationId = applicationId;
    this.customerAccountId = customerAccountId;
    this.commonName = commonName;
    this.dnsNames = new ArrayList<>(dnsNames);
    this.spkiSha256 = spkiSha256;
    this.notBefore = notBefore;
    this.notAfter = notAfter;
    this.issuedAt = issuedAt;
    this.pem = pem;
    this.imported = imported;
    this.crlShard = crlShard;
  }

  public Long id() {
    return id;
  }

  public String serial() {
    return serial;
  }

  public Long applicationId() {
    return applicationId;
  }

  public Long acmeOrderId() {
    return acmeOrderId;
  }

  IssuedCertificate answering(Long order) {
    this.acmeOrderId = order;
    return this;
  }

  public long customerAccountId() {
    return customerAccountId;
  }

  public String commonName() {
    return commonName;
  }

  public List<String> dnsNames() {
    return List.copyOf(dnsNames);
  }

  public String spkiSha256() {
    return spkiSha256;
  }

  public Instant notBefore() {
    return notBefore;
  }

  public Instant notAfter() {
    return notAfter;
  }

  /** When this CA signed it; for an imported certificate, its notBefore. */
  public Instant issuedAt() {
    return issuedAt;
  }

  public String pem() {
    return pem;
  }

  /** True for certificates issued by the CA's previous system and imported here. */
  public boolean imported() {
    return imported;
  }

  /** The shard of the issuing CA's CRL this certificate is listed on; empty when imported. */
  public java.util.OptionalInt crlShard() {
    return crlShard == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(crlShard);
  }
}
