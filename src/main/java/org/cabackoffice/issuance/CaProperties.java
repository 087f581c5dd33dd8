package org.cabackoffice.issuance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CA's keys and names ({@code backoffice.ca.*}).
 *
 * @param keystorePassword password of the keystore and its key entries (the PIN for PKCS#11);
 *     required, never logged
 * @param keystoreType {@code PKCS12} for the development CA; {@code PKCS11} puts the keys in an
 *     HSM without a code change
 * @param keystorePath file of a file-based keystore; empty means {@code
 *     ${backoffice.data-dir}/ca/dev-ca.p12}
 * @param pkcs11Config the SunPKCS11 configuration file naming the HSM's library and slot, used
 *     when the type is {@code PKCS11}
 * @param createIfMissing whether a missing file keystore is created as a new development CA on
 *     start; a production CA turns this off so a wrong path fails instead of minting a new root
 * @param issuerUrl the caIssuers URL put in subscriber certificates (BR 7.1.2.7.7); empty means
 *     {@code ${backoffice.base-url}/ca/issuing-ca.crt}
 * @param rootSubject distinguished name of a newly created root CA
 * @param issuingSubject distinguished name of a newly created issuing CA
 * @param crlUrl where the CRLs are published over plain HTTP (RFC 5280 4.2.1.13, BR 7.1.2.11.2);
 *     a certificate names {@code <crl-url>/issuing-ca/<shard>.crl}; empty means {@code
 *     ${backoffice.base-url}/crl}
 * @param ocspUrl the OCSP responder's URL for AIA (BR 7.1.2.7.7); empty means {@code
 *     ${backoffice.base-url}/ocsp}
 * @param ocspInCertificates whether new certificates name the OCSP responder (OCSP is optional
 *     per BR 4.9.10; the CRL distribution point is always there)
 * @param crlShardSize how many certificates one partitioned CRL covers before the next shard is
 *     opened, so a CRL stays small at millions of certificates
 */
@ConfigurationProperties("backoffice.ca")
public record CaProperties(
    String keystorePassword,
    @DefaultValue("PKCS12") String keystoreType,
    String keystorePath,
    String pkcs11Config,
    @DefaultValue("true") boolean createIfMissing,
    String issuerUrl,
    @DefaultValue("CN=CA Back Office Development Root CA,O=CA Back Office,C=JP")
        String rootSubject,
    @DefaultValue("CN=CA Back Office Development Issuing CA,O=CA Back Office,C=JP")
        String issuingSubject,
    String crlUrl,
    String ocspUrl,
    @DefaultValue("true") boolean ocspInCertificates,
    @DefaultValue("100000") int crlShardSize) {

  public CaProperties {
    if (crlShardSize < 1) {
      throw new IllegalArgumentException("backoffice.ca.crl-shard-size must be at least 1");
    }
  }

  /** Properties for a development CA in a file, with the default names. */
  public static CaProperties developmentCa(String keystorePassword, String keystorePath) {
    return new CaProperties(
        keystorePassword,
        "PKCS12",
        keystorePath,
        null,
        true,
        null,
        "CN=CA Back Office Development Root CA,O=CA Back Office,C=JP",
        "CN=CA Back Office Development Issuing CA,O=CA Back Office,C=JP",
        null,
        null,
        true,
        100000);
  }
}
