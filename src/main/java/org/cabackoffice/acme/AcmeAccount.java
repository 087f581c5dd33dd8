package org.cabackoffice.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An ACME account (RFC 8555 7.1.2), bound through EAB to a customer and its validated organization. */
@Entity
@Table(name = "acme_account")
public class AcmeAccount {

  public static final String VALID = "valid";
  public static final String DEACTIVATED = "deactivated";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "key_thumbprint", nullable = false, unique = true, length = 64)
  private String keyThumbprint;

  @Column(nullable = false, length = 8000)
  private String jwk;

  @Column(name = "customer_account_id", nullable = false)
  private long customerAccountId;

  @Column(name = "organization_entry_id", nullable = false)
  private long organizationEntryId;

  @Column(name = "eab_kid", nullable = false, length = 64)
  private String eabKid;

  @Column(nullable = false, length = 16)
  private String status;

  @Column(length = 2000)
  private String contact;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "deactivated_at")
  private Instant deactivatedAt;

  protected AcmeAccount() {}

  AcmeAccount(
      String keyThumbprint, String jwk, EabCredential eab, String contact, Instant createdAt) {
    this.keyThumbprint = keyThumbprint;
    this.jwk = jwk;
    this.customerAccountId = eab.getCustomerAccountId();
    this.organizationEntryId = eab.getOrganizationEntryId();
    this.eabKid = eab.getKid();
    this.status = VALID;
    this.contact = contact;
    this.createdAt = createdAt;
  }

  void deactivate(Instant at) {
    status = DEACTIVATED;
    deactivatedAt = at;
  }

  void changeKey(String thumbprint, String newJwk) {
    this.keyThumbprint = thumbprint;
    this.jwk = newJwk;
  }

  void contact(String contact) {
    this.contact = contact;
  }

  public Long getId() {
    return id;
  }

  public String getKeyThumbprint() {
    return keyThumbprint;
  }

  public String getJwk() {
    return jwk;
  }

  public long getCustomerAccountId() {
    return customerAccountId;
  }

  public long getOrganizationEntryId() {
    return organizationEntryId;
  }

  public String getEabKid() {
    return eabKid;
  }

  public String getStatus() {
    return status;
  }

  public boolean isValid() {
    return VALID.equals(status);
  }

  public String getContact() {
    return contact;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
