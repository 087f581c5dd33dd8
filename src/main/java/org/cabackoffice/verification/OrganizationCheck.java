package org.cabackoffice.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the EV Guidelines' checks of an organization verification, with what it relied on. */
@Entity
@Table(name = "organization_check")
public class OrganizationCheck {

  /** The checks that apply to a Japanese private organization (EV Guidelines 3.2.2). */
  public enum Kind {
    LEGAL_EXISTENCE("EVG 3.2.2.2"),
    PHYSICAL_ADDRESS("EVG 3.2.2.4"),
    VERIFIED_METHOD_OF_COMMUNICATION("EVG 3.2.2.5"),
    OPERATIONAL_EXISTENCE("EVG 3.2.2.6");

    private final String guideline;

    Kind(String guideline) {
      this.guideline = guideline;
    }

    public String guideline() {
      return guideline;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "verification_id", nullable = false)
  private long verificationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "check_name", nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private String guideline;

  @Column(nullable = false, length = 500)
  private String basis;

  protected OrganizationCheck() {}

  OrganizationCheck(long verificationId, Kind kind, String basis) {
    this.verificationId = verificationId;
    this.kind = kind;
    this.guideline = kind.guideline();
    this.basis = basis.length() > 500 ? basis.substring(0, 500) : basis;
  }

  OrganizationCheck copyFor(long otherVerificationId) {
    return new OrganizationCheck(otherVerificationId, kind, basis);
  }

  public long getVerificationId() {
    return verificationId;
  }

  public Kind getKind() {
    return kind;
  }

  public String getGuideline() {
    return guideline;
  }

  public String getBasis() {
    return basis;
  }
}
