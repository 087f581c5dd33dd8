package org.cabackoffice.crl;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One use of the root CA's private key: who, when and why (BR 5.4.1, 6.2.7). The root signs
 * nothing but CA certificates and its ARL, so every signature it makes is on this list.
 */
@Entity
@Table(name = "root_key_use")
public class RootKeyUse {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "used_at", nullable = false)
  private Instant usedAt;

  @Column(name = "used_by", nullable = false, length = 128)
  private String usedBy;

  @Column(nullable = false, length = 64)
  private String purpose;

  @Column(nullable = false, length = 2000)
  private String detail;

  protected RootKeyUse() {}

  RootKeyUse(Instant usedAt, String usedBy, String purpose, String detail) {
    this.usedAt = usedAt;
    this.usedBy = usedBy;
    this.purpose = purpose;
    this.detail = detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }

  public Instant usedAt() {
    return usedAt;
  }

  public String usedBy() {
    return usedBy;
  }

  public String purpose() {
    return purpose;
  }

  public String detail() {
    return detail;
  }
}
