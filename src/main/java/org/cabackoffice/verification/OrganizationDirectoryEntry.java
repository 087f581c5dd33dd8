package org.cabackoffice.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "name_ja", nullable = false)
  private String nameJa;

  @Column(name = "corporate_number")
  private String corporateNumber;

  @Column(name = "main_phone")
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

  @Enumerated(EnumType.STRING)
  @Column(name = "business_category")
  private BusinessCategory businessCategory;

  @Column(name = "closed_on")
  private LocalDate closedOn;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected OrganizationDirectoryEntry() {}

  /** A listing as an import or a correction gives it; null fields of {@code values} are kept. */
  OrganizationDirectoryEntry(DirectoryValues values) {
    this.country = "JP";
    apply(values);
  }

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

  /**
   * Takes every value {@code values} gives and keeps the others.
   *
   * @return whether anything changed
   */
  boolean apply(DirectoryValues values) {
    Map<String, Object> before = state();
    if (values.nameEn() != null) {
      nameEn = values.nameEn();
    }
    if (values.nameJa() != null) {
      nameJa = values.nameJa();
    }
    if (values.corporateNumber() != null) {
      corporateNumber = values.corporateNumber();
    }
    if (values.mainPhone() != null) {
      mainPhone = values.mainPhone();
    }
    if (values.locality() != null) {
      locality = values.locality();
    }
    if (values.stateOrProvince() != null) {
      stateOrProvince = values.stateOrProvince();
    }
    if (values.country() != null) {
      country = values.country();
    }
    if (values.source() != null) {
      source = values.source();
    }
    if (values.verifiedOn() != null) {
      verifiedOn = values.verifiedOn();
    }
    if (values.businessCategory() != null) {
      businessCategory = values.businessCategory();
    }
    if (values.closedOn() != null) {
      closedOn = values.closedOn();
    }
    return !Objects.equals(before, state());
  }

  void touched(Instant at) {
    updatedAt = at;
  }

  /** What the change record keeps as before and after. */
  Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("corporateNumber", corporateNumber);
    state.put("nameJa", nameJa);
    state.put("nameEn", nameEn);
    state.put("stateOrProvince", stateOrProvince);
    state.put("locality", locality);
    state.put("country", country);
    state.put("mainPhone", mainPhone);
    state.put("businessCategory", businessCategory == null ? null : businessCategory.name());
    state.put("closedOn", closedOn == null ? null : closedOn.toString());
    state.put("source", source);
    state.put("verifiedOn", verifiedOn == null ? null : verifiedOn.toString());
    return state;
  }

  public BusinessCategory getBusinessCategory() {
    return businessCategory;
  }

  public LocalDate getClosedOn() {
    return closedOn;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
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
