package org.cabackoffice.issuance;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The development hierarchy made on a first start ({@code backoffice.ca.create-if-missing}): a
 * root CA following the BR 7.1.2.1 profile and an issuing CA following the TLS subordinate CA
 * profile of BR 7.1.2.6, both EC P-384 signed with SHA384withECDSA (BR 6.1.5, 7.1.3.2). A
 * production CA's keys come from a key ceremony instead and are only loaded ({@link CaKeyStore}).
 */
final class DevelopmentCa {

  static final int ROOT_YEARS = 20;
  static final int ISSUING_YEARS = 5;

  private DevelopmentCa() {}

  /** Puts a new root and issuing CA, keys and certificates, into the empty {@code keyStore}. */
  static void createIn(
      KeyStore keyStore, CaProperties properties, Clock clock, char[] password, String arlUrl)
      throws GeneralSecurityException {
    createIn(keyStore, properties, clock, password, arlUrl, null);
  }

  /**
   * As above with the key pairs made by {@code keyProvider}: a PKCS#11 provider generates them
   * inside the token, so the private keys are never outside it (a key ceremony on an HSM); {@code
   * null} is the JDK's default.
   */
  static void createIn(
      KeyStore keyStore,
      CaProperties properties,
      Clock clock,
      char[] password,
      String arlUrl,
      java.security.Provider keyProvider)
      throws GeneralSecurityException {
    SecureRandom random = new SecureRandom();
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);

    KeyPair rootKeys = p384(keyProvider);
    X500Name rootName = CertificateAuthority.name(properties.rootSubject());
    X509v3CertificateBuilder rootTbs =
        new X509v3CertificateBuilder(
            rootName,
            CertificateSerial.random(random),
            Date.from(now),
            Date.from(yearsLater(now, ROOT_YEARS)),
            rootName,
            SubjectPublicKeyInfo.getInstance(rootKeys.getPublic().getEncoded()));
    // BR 7.1.2.1: basicConstraints cA critical without pathLen, keyUsage keyCertSign + cRLSign
    // critical, subjectKeyIdentifier; no EKU and no certificatePolicies in a root.
    CertificateAuthority.add(rootTbs, Extension.basicConstraints, true, new BasicConstraints(true));
    CertificateAuthority.add(
        rootTbs, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    CertificateAuthority.add(
        rootTbs,
        Extension.subjectKeyIdentifier,
        false,
        // RFC 7093 2 method 1 (SHA-256), as the OCSP responder's: no SHA-1 anywhere (SC-097).
        new SubjectKeyIdentifier(OcspResponderProfile.keyIdentifier(rootKeys.getPublic())));
    X509Certificate rootCertificate = signedBy(rootTbs, rootKeys.getPrivate());

    KeyPair issuingKeys = p384(keyProvider);
    X509v3CertificateBuilder issuingTbs =
        new X509v3CertificateBuilder(
            rootName,
            CertificateSerial.random(random),
            Date.from(now),
            Date.from(yearsLater(now, ISSUING_YEARS)),
            CertificateAuthority.name(properties.issuingSubject()),
            SubjectPublicKeyInfo.getInstance(issuingKeys.getPublic().getEncoded()));
    // BR 7.1.2.6 (TLS subordinate CA): cA with pathLen 0 (it signs only end-entity certificates),
    // keyUsage keyCertSign + cRLSign critical, EKU serverAuth, AKI keyIdentifier only
    // (7.1.2.11.1), SKI, and the reserved policy OIDs of what it issues (7.1.2.10.5).
    CertificateAuthority.add(issuingTbs, Extension.basicConstraints, true, new BasicConstraints(0));
    CertificateAuthority.add(
        issuingTbs, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    CertificateAuthority.add(
        issuingTbs, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    CertificateAuthority.add(
        issuingTbs,
        Extension.authorityKeyIdentifier,
        false,
        new AuthorityKeyIdentifier(CertificateAuthority.subjectKeyIdentifier(rootCertificate)));
    CertificateAuthority.add(
        issuingTbs,
        Extension.subjectKeyIdentifier,
        false,
        new SubjectKeyIdentifier(OcspResponderProfile.keyIdentifier(issuingKeys.getPublic())));
    CertificateAuthority.add(
        issuingTbs,
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(
            new PolicyInformation[] {
              new PolicyInformation(new ASN1ObjectIdentifier(CertificateProfile.OV.policyOid())),
              new PolicyInformation(new ASN1ObjectIdentifier(CertificateProfile.EV.policyOid()))
            }));
    // BR 7.1.2.6: the root's CRL for the CA certificates it signed (the ARL), over HTTP.
    CertificateAuthority.add(
        issuingTbs,
        Extension.cRLDistributionPoints,
        false,
        CertificateAuthority.distributionPoints(arlUrl));
    X509Certificate issuingCertificate = signedBy(issuingTbs, rootKeys.getPrivate());

    keyStore.setKeyEntry(
        CaKeyStore.ROOT_ALIAS, rootKeys.getPrivate(), password, new Certificate[] {rootCertificate});
    keyStore.setKeyEntry(
        CaKeyStore.ISSUING_ALIAS,
        issuingKeys.getPrivate(),
        password,
        new Certificate[] {issuingCertificate, rootCertificate});
  }

  private static X509Certificate signedBy(X509v3CertificateBuilder tbs, PrivateKey key) {
    try {
      return CertificateSigner.toCertificate(tbs.build(new JcaContentSignerBuilder("SHA384withECDSA").build(key)));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with SHA384withECDSA", e);
    }
  }

  private static Instant yearsLater(Instant from, int years) {
    return from.atOffset(ZoneOffset.UTC).plusYears(years).minusSeconds(1).toInstant();
  }

  private static KeyPair p384(java.security.Provider keyProvider) throws GeneralSecurityException {
    KeyPairGenerator generator =
        keyProvider == null
            ? KeyPairGenerator.getInstance("EC")
            : KeyPairGenerator.getInstance("EC", keyProvider);
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    return generator.generateKeyPair();
  }
}
