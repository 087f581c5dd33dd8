package org.cabackoffice.acme;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * External account binding credentials (RFC 8555 7.3.4): a key identifier and MAC key an officer
 * gave a customer whose organization is validated. Used once: the account it created is bound to
 * the customer and the organization named here.
 */
@Entity
@Table(name = "acme_eab_credential")
public class EabCredential {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String kid;

  @Column(name = "hmac_key", nullable = false, length = 128)
  private String hmacKey;

  @Column(name = "customer_account_id", nullable = false)
  private long customerAccountId;

  @Column(name = "organization_entry_id", nullable = false)
  private long organizationEntryId;

  @Column(name = "issued_by", nullable = false, length = 128)
  private String issuedBy;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "account_id")
  private Long accountId;

  protected EabCredential() {}

  EabCredential(
      String kid, String hmacKey, long customerAccountId, long organizationEntryId, String issuedBy, Instant issuedAt) {
    this.kid = kid;
    this.hmacKey = hmacKey;
    this.customerAccountId = customerAccountId;
    this.organizationEntryId = organizationEntryId;
    this.issuedBy = issuedBy;
    this.issuedAt = issuedAt;
  }

  void usedFor(long accountId, Instant at) {
    this.accountId = accountId;
    this.usedAt = at;
  }

  public String getKid() {
    return kid;
  }

  String getHmacKey() {
    return hmacKey;
  }

  public long getCustomerAccountId() {
    return customerAccountId;
  }

  public long getOrganizationEntryId() {
    return organizationEntryId;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
