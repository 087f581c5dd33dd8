package org.cabackoffice.issuance;

import java.util.List;

/**
 * What the CA signs once an application has been validated and approved: the subject as
 * validated (BR 7.1.4.2, guide [2]: CN = FQDN, O = official English name, L, ST, C = JP), the
 * names for the subjectAltName and the public key from the CSR.
 *
 * @param applicationId the application this certificate answers; null for ACME orders and imports
 * @param subjectPublicKeyInfo DER SubjectPublicKeyInfo taken from the CSR
 * @param ev the EV subject attributes (EV Guidelines 7.1.4.2); required for {@link
 *     CertificateProfile#EV}, must be null for OV
 * @param acmeOrderId the ACME order this certificate answers, else null: like the application id,
 *     it keys the issuance, so a retried order step gets the certificate already signed
 */
public record IssuanceRequest(
    Long applicationId,
    long customerAccountId,
    CertificateProfile profile,
    String commonName,
    List<String> dnsNames,
    String organization,
    String locality,
    String stateOrProvince,
    String country,
    byte[] subjectPublicKeyInfo,
    EvSubject ev,
    Long acmeOrderId) {

  public IssuanceRequest {
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    subjectPublicKeyInfo = subjectPublicKeyInfo == null ? null : subjectPublicKeyInfo.clone();
  }

  /** A request for an application (or an import), not an ACME order. */
  public IssuanceRequest(
      Long applicationId,
      long customerAccountId,
      CertificateProfile profile,
      String commonName,
      List<String> dnsNames,
      String organization,
      String locality,
      String stateOrProvince,
      String country,
      byte[] subjectPublicKeyInfo,
      EvSubject ev) {
    this(applicationId, customerAccountId, profile, commonName, dnsNames, organization, locality,
        stateOrProvince, country, subjectPublicKeyInfo, ev, null);
  }

  /** An OV request for an ACME order: the order's id keys the issuance as an application's would. */
  public static IssuanceRequest forAcmeOrder(
      long acmeOrderId,
      long customerAccountId,
      String commonName,
      List<String> dnsNames,
      String organization,
      String locality,
      String stateOrProvince,
      String country,
      byte[] subjectPublicKeyInfo) {
    return new IssuanceRequest(null, customerAccountId, CertificateProfile.OV, commonName, dnsNames,
        organization, locality, stateOrProvince, country, subjectPublicKeyInfo, null, acmeOrderId);
  }

  /** An OV request, or an EV request whose EV attributes are not known (lint refuses it). */
  public IssuanceRequest(
      Long applicationId,
      long customerAccountId,
      CertificateProfile profile,
      String commonName,
      List<String> dnsNames,
      String organization,
      String locality,
      String stateOrProvince,
      String country,
      byte[] subjectPublicKeyInfo) {
    this(
        applicationId,
        customerAccountId,
        profile,
        commonName,
        dnsNames,
        organization,
        locality,
        stateOrProvince,
        country,
        subjectPublicKeyInfo,
        null,
        null);
  }

  @Override
  public byte[] subjectPublicKeyInfo() {
    return subjectPublicKeyInfo == null ? null : subjectPublicKeyInfo.clone();
  }

  /**
   * The subject attributes only EV certificates carry (EV Guidelines 7.1.4.2): the business
   * category, the jurisdiction of incorporation and the registration number.
   *
   * @param businessCategory "Private Organization", "Government Entity", "Business Entity" or
   *     "Non-Commercial Entity"
   * @param jurisdictionCountry ISO 3166-1 alpha-2 code of the jurisdiction of incorporation
   * @param jurisdictionStateOrProvince only when incorporation is at state level, else null
   * @param jurisdictionLocality only when incorporation is at locality level, else null
   * @param registrationNumber the registration number (for a Japanese company, the 法人番号 or
   *     registry number)
   */
  public record EvSubject(
      String businessCategory,
      String jurisdictionCountry,
      String jurisdictionStateOrProvince,
      String jurisdictionLocality,
      String registrationNumber) {}
}
