package org.cabackoffice.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * An organization as a qualified independent information source lists it (帝国データバンク,
 * 登記事項証明書). The main phone number here, never the one the applicant typed, is the number
 * officers call (guide [4] 1.).
 */
@Entity
@Table(name = "organization_directory_entry")
public class OrganizationDirectoryEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  @Column(name = "name_ja", nullable = false)
  private String nameJa;

  @Column(name = "corporate_number")
  private String corporateNumber;

  @Column(name = "main_phone", nullable = false)
  private String mainPhone;

  private String locality;

  @Column(name = "state_or_province")
  private String stateOrProvince;

  @Column(nullable = false)
  private String country;

  @Column(nullable = false)
  private String source;

  @Column(name = "verified_on", nullable = false)
  private LocalDate verifiedOn;

  protected OrganizationDirectoryEntry() {}

  public OrganizationDirectoryEntry(
      String nameEn,
      String nameJa,
      String corporateNumber,
      String mainPhone,
      String locality,
      String stateOrProvince,
      String country,
      String source,
      LocalDate verifiedOn) {
    this.nameEn = nameEn;
    this.nameJa = nameJa;
    this.corporateNumber = corporateNumber;
    this.mainPhone = mainPhone;
    this.locality = locality;
    this.stateOrProvince = stateOrProvince;
    this.country = country;
    this.source = source;
    this.verifiedOn = verifiedOn;
  }

  public Long getId() {
    return id;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String getNameJa() {
    return nameJa;
  }

  public String getCorporateNumber() {
    return corporateNumber;
  }

  public String getMainPhone() {
    return mainPhone;
  }

  public String getLocality() {
    return locality;
  }

  public String getStateOrProvince() {
    return stateOrProvince;
  }

  public String getCountry() {
    return country;
  }

  public String getSource() {
    return source;
  }

  public LocalDate getVerifiedOn() {
    return verifiedOn;
  }
}
