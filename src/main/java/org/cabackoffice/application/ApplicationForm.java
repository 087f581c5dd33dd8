package org.cabackoffice.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cabackoffice.input.PlainText;
import org.cabackoffice.input.SingleLine;

/**
 * What the technical contact enters on the storefront (guide [2-1] 2.): the product, the CSR,
 * and the people and organization behind the application.
 *
 * <p>Names are single lines without bidi controls ({@link SingleLine}); their lengths follow the
 * X.520 upper bounds where the name goes into a certificate (RFC 5280 Appendix A:
 * ub-organization-name 64, ub-organizational-unit-name 64, ub-locality-name 128,
 * ub-state-name 128, ub-title 64) and the same 64 for the other names of people and companies.
 */
public record ApplicationForm(
    @NotNull(message = "choose SECURE_SERVER_ID, GLOBAL_SERVER_ID or EV") Product product,
    @NotNull(message = "choose NEW or RENEWAL") ApplicationType applicationType,
    @NotBlank(message = "paste the CSR (PEM)")
        @Size(max = 65536, message = "the CSR is larger than 64 KiB")
        @PlainText
        String csr,
    Boolean express,
    @NotNull(message = "choose BANK_TRANSFER, COUPON or DEFERRED") PaymentMethod paymentMethod,
    @NotNull(message = "the applicant organization is required") @Valid Organization organization,
    @NotNull(message = "the responsible person is required") @Valid ResponsiblePerson responsiblePerson,
    @NotNull(message = "the technical contact is required") @Valid TechnicalContact technicalContact,
    @Size(max = 64) @SingleLine String renewedCertificateSerial,
    @Min(value = 1, message = "at least one licence") @Max(value = 999, message = "at most 999 licences")
        Integer licences,
    ServerSoftware serverSoftware,
    @Size(max = 64, message = "a coupon code is 16 letters and digits") @SingleLine String couponCode) {

  /** Without a coupon, as before coupons could pay on applying. */
  public ApplicationForm(
      Product product,
      ApplicationType applicationType,
      String csr,
      Boolean express,
      PaymentMethod paymentMethod,
      Organization organization,
      ResponsiblePerson responsiblePerson,
      TechnicalContact technicalContact,
      String renewedCertificateSerial,
      Integer licences,
      ServerSoftware serverSoftware) {
    this(product, applicationType, csr, express, paymentMethod, organization, responsiblePerson,
        technicalContact, renewedCertificateSerial, licences, serverSoftware, null);
  }

  /** As before the storefront (issue 14): one licence, server software not named. */
  public ApplicationForm(
      Product product,
      ApplicationType applicationType,
      String csr,
      Boolean express,
      PaymentMethod paymentMethod,
      Organization organization,
      ResponsiblePerson responsiblePerson,
      TechnicalContact technicalContact,
      String renewedCertificateSerial) {
    this(product, applicationType, csr, express, paymentMethod, organization, responsiblePerson,
        technicalContact, renewedCertificateSerial, null, null, null);
  }

  /** How many servers the certificate is licensed for; one when the form leaves it out. */
  public int licenceCount() {
    return licences == null ? 1 : licences;
  }

  /** 申請団体 (guide [1-1]); the English name carries the legal form, as in the CSR's O. */
  public record Organization(
      @NotBlank(message = "the official English name with legal form is required")
          @Size(max = 64, message = "must be at most 64 characters (X.520 ub-organization-name)")
          @SingleLine
          String nameEn,
      @NotBlank(message = "the Japanese name is required")
          @Size(max = 64, message = "must be at most 64 characters")
          @SingleLine
          String nameJa,
      @Size(max = 64) @SingleLine String unit,
      @Size(max = 128) @SingleLine String locality,
      @Size(max = 128) @SingleLine String stateOrProvince,
      @NotBlank(message = "the country code is required")
          @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter ISO 3166 code such as JP")
          String country,
      @Pattern(regexp = "\\s*[0-9]{13}\\s*", message = "must be the 13 digits of the corporate number (法人番号)")
          String corporateNumber) {

    /** Without the optional corporate number, as before issue 16. */
    public Organization(
        String nameEn, String nameJa, String unit, String locality, String stateOrProvince, String country) {
      this(nameEn, nameJa, unit, locality, stateOrProvince, country, null);
    }
  }

  /** 申請責任者: a full-time employee of the applicant, phoned before issuance (guide [1-3]). */
  public record ResponsiblePerson(
      @NotBlank(message = "the responsible person's name is required") @Size(max = 64) @SingleLine
          String name,
      @Size(max = 64) @SingleLine String title,
      @NotBlank(message = "the responsible person's e-mail is required")
          @Email(message = "is not an e-mail address")
          @Size(max = 254)
          @SingleLine
          String email,
      @Size(max = 32) @SingleLine String phone) {}

  /** 技術担当者: fills in the application and receives the certificate (guide [1-3]). */
  public record TechnicalContact(
      @NotBlank(message = "the technical contact's company is required") @Size(max = 64) @SingleLine
          String company,
      @NotBlank(message = "the technical contact's name is required") @Size(max = 64) @SingleLine
          String name,
      @NotBlank(message = "the technical contact's e-mail is required")
          @Email(message = "is not an e-mail address")
          @Size(max = 254)
          @SingleLine
          String email,
      @Size(max = 32) @SingleLine String phone) {}
}
