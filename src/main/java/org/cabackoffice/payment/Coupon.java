package org.cabackoffice.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A prepaid code for one product (issue 14, "Coupons"), issued by operations: redeeming it pays one
 * application's invoice in full, recorded as a {@link Payment} like a matched transfer. Used once:
 * {@link Coupons#redeem} takes the row's lock, and the version stops a writer that skipped it.
 */
@Entity
@Table(name = "coupon")
public class Coupon {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, updatable = false, unique = true, length = 32)
  private String code;

  @Column(name = "product", nullable = false, updatable = false, length = 32)
  private String product;

  /** The last Japanese date on which the code pays. */
  @Column(name = "expires_on", nullable = false, updatable = false)
  private LocalDate expiresOn;

  @Column(name = "issued_by", nullable = false, updatable = false, length = 128)
  private String issuedBy;

  @Column(name = "issued_at", nullable = false, updatable = false)
  private Instant issuedAt;

  @Column(name = "used_by_application")
  private Long usedByApplication;

  @Column(name = "used_at")
  private Instant usedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  protected Coupon() {}

  Coupon(String code, String product, LocalDate expiresOn, String issuedBy, Instant issuedAt) {
    this.code = code;
    this.product = product;
    this.expiresOn = expiresOn;
    this.issuedBy = issuedBy;
    this.issuedAt = issuedAt;
  }

  void use(long applicationId, Instant when) {
    if (usedByApplication != null) {
      throw new IllegalStateException("coupon " + code + " is used already");
    }
    this.usedByApplication = applicationId;
    this.usedAt = when;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getProduct() {
    return product;
  }

  public LocalDate getExpiresOn() {
    return expiresOn;
  }

  public String getIssuedBy() {
    return issuedBy;
  }

  public Instant getIssuedAt() {
    return issuedAt;
  }

  public Long getUsedByApplication() {
    return usedByApplication;
  }

  public Instant getUsedAt() {
    return usedAt;
  }
}
