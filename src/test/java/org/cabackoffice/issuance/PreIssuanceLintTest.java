package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliberately bad TBSs, built by hand and signed with the throwaway key only. */
class PreIssuanceLintTest {

  private static final Clock CLOCK = TestFixtures.clockAt("2026-01-10T03:00:00Z");
  private static final BigInteger SERIAL = new BigInteger("7fd2a1c3b4e5f60718293a4b5c6d7e8f", 16);

  @TempDir Path dir;
  private CertificateIssuerTest.CountingAuthority authority;
  private final PreIssuanceLint lint = new PreIssuanceLint();
  private KeyPair subjectKey;

  @BeforeEach
  void setUp() throws Exception {
    authority = new CertificateIssuerTest.CountingAuthority(dir, CLOCK);
    subjectKey = TestFixtures.ec("secp256r1");
  }

  @Test
  void wellFormedSubscriberTbsHasNoFindings() {
    X509Certificate candidate = authority.signForLint(tbs(SERIAL, 398, false, authority.issuerName()));

    assertThat(lint.check(candidate, authority.issuingCertificate(), CertificateProfile.OV)).isEmpty();
  }

  @Test
  void caFlagInASubscriberCertificateIsAnError() {
    X509Certificate candidate = authority.signForLint(tbs(SERIAL, 398, true, authority.issuerName()));

    List<LintFinding> findings = lint.check(candidate, authority.issuingCertificate(), CertificateProfile.OV);

    assertThat(findings).extracting(LintFinding::code).containsExactly("e_ca_flag_set");
    assertThat(findings.get(0).citation()).isEqualTo("BR 7.1.2.7.8");
    assertThat(PreIssuanceLint.hasErrors(findings)).isTrue();
    assertThat(authority.realSignatures).isZero();
  }

  @Test
  void validityOneSecondTooLongIsAnError() {
    X509v3CertificateBuilder tbs =
        builder(
            SERIAL,
            CLOCK.instant(),
            CLOCK.instant().plus(Duration.ofDays(398)), // 398 days + 1 s counted inclusively
            authority.issuerName());
    extensions(tbs, false);

    List<LintFinding> findings =
        lint.check(authority.signForLint(tbs), authority.issuingCertificate(), CertificateProfile.OV);

    assertThat(findings).extracting(LintFinding::code).containsExactly("e_validity_too_long");
  }

  @Test
  void twoHundredDayLimitAppliesFromMarch2026() {
    Instant notBefore = Instant.parse("2026-03-15T00:00:00Z");
    X509v3CertificateBuilder tbs =
        builder(SERIAL, notBefore, notBefore.plus(Duration.ofDays(201)), authority.issuerName());
    extensions(tbs, false);

    assertThat(lint.check(authority.signForLint(tbs), authority.issuingCertificate(), CertificateProfile.OV))
        .extracting(LintFinding::code)
        .containsExactly("e_validity_too_long");
  }

  @Test
  void shortSerialAndForeignIssuerAreErrors() {
    X509Certificate candidate =
        authority.signForLint(tbs(BigInteger.valueOf(12345), 90, false, new X500Name("CN=Someone Else")));

    assertThat(lint.check(candidate, authority.issuingCertificate(), CertificateProfile.OV))
        .extracting(LintFinding::code)
        .containsExactlyInAnyOrder("e_serial_low_entropy", "e_issuer_dn_mismatch");
  }

  @Test
  void aCrlDistributionPointThatIsNoHttpUrlIsAnError() throws Exception {
    X509v3CertificateBuilder tbs = tbs(SERIAL, 90, false, authority.issuerName());
    tbs.replaceExtension(
        Extension.cRLDistributionPoints, false, CertificateAuthority.distributionPoints("ldap://ldap.example/crl"));

    assertThat(lint.check(authority.signForLint(tbs), authority.issuingCertificate(), CertificateProfile.OV))
        .extracting(LintFinding::code)
        .containsExactly("e_crl_dp_not_http");
  }

  @Test
  void wrongPolicyForTheProfileIsAnError() {
    X509Certificate candidate = authority.signForLint(tbs(SERIAL, 90, false, authority.issuerName()));

    assertThat(lint.check(candidate, authority.issuingCertificate(), CertificateProfile.EV))
        .extracting(LintFinding::code)
        .contains("e_policy_oid_missing", "e_policy_oid_conflict", "e_ev_subject_incomplete");
  }

  @Test
  void aWildcardIsAnErrorInAnEvCertificateOnly() throws Exception {
    X509v3CertificateBuilder tbs = tbs(SERIAL, 90, false, authority.issuerName());
    tbs.replaceExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.dNSName, "www.example.jp"), new GeneralName(GeneralName.dNSName, "*.example.jp")
        }));
    X509Certificate candidate = authority.signForLint(tbs);

    assertThat(lint.check(candidate, authority.issuingCertificate(), CertificateProfile.EV))
        .extracting(LintFinding::code)
        .contains("e_ev_not_wildcard");
    assertThat(lint.check(candidate, authority.issuingCertificate(), CertificateProfile.OV))
        .extracting(LintFinding::code)
        .doesNotContain("e_ev_not_wildcard");
  }

  @Test
  void aPrecertificateWithItsCriticalNullPoisonPassesBothLints() throws Exception {
    X509v3CertificateBuilder tbs = tbs(SERIAL, 200, false, authority.issuerName());
    tbs.addExtension(Precertificates.POISON, true, DERNull.INSTANCE);
    X509Certificate precertificate = authority.signForLint(tbs);

    assertThat(lint.check(precertificate, authority.issuingCertificate(), CertificateProfile.OV)).isEmpty();
    assertThat(PrecertificateLint.checkPrecertificate(precertificate)).isEmpty();
  }

  @Test
  void aPrecertificateWhosePoisonIsNotCriticalIsRefused() throws Exception {
    X509v3CertificateBuilder tbs = tbs(SERIAL, 200, false, authority.issuerName());
    tbs.addExtension(Precertificates.POISON, false, DERNull.INSTANCE);

    assertThat(PrecertificateLint.checkPrecertificate(authority.signForLint(tbs)))
        .extracting(LintFinding::code)
        .containsExactly("e_precert_poison_not_critical");
  }

  @Test
  void aPrecertificateWithoutPoisonOrWithAnSctListIsRefused() throws Exception {
    X509v3CertificateBuilder tbs = tbs(SERIAL, 200, false, authority.issuerName());
    tbs.addExtension(Precertificates.SCT_LIST, false, new DEROctetString(new byte[] {0, 0}));

    assertThat(PrecertificateLint.checkPrecertificate(authority.signForLint(tbs)))
        .extracting(LintFinding::code)
        .containsExactly("e_precert_poison_missing", "e_precert_with_sct_list");
  }

  @Test
  void theFinalCertificateMustBeThePrecertificateWithoutPoisonPlusTheScts() throws Exception {
    byte[] scts = {0, 3, 1, 2, 3};
    X509v3CertificateBuilder tbs = tbs(SERIAL, 200, false, authority.issuerName());
    tbs.addExtension(Precertificates.POISON, true, DERNull.INSTANCE);
    X509Certificate precertificate = authority.signForLint(tbs);
    tbs.removeExtension(Precertificates.POISON);
    tbs.addExtension(Precertificates.SCT_LIST, false, new DEROctetString(scts));

    assertThat(PrecertificateLint.checkFinalAgainstPrecertificate(authority.signForLint(tbs), precertificate, scts))
        .isEmpty();

    // One day less than the precertificate said: the SCTs would sign something else.
    X509v3CertificateBuilder shorter =
        builder(SERIAL, CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(199)), authority.issuerName());
    extensions(shorter, false);
    shorter.addExtension(Precertificates.SCT_LIST, false, new DEROctetString(scts));
    assertThat(PrecertificateLint.checkFinalAgainstPrecertificate(authority.signForLint(shorter), precertificate, scts))
        .extracting(LintFinding::code)
        .containsExactly("e_final_tbs_differs_from_precert");
    assertThat(PrecertificateLint.checkFinalAgainstPrecertificate(precertificate, precertificate, scts))
        .extracting(LintFinding::code)
        .containsExactly("e_final_with_poison", "e_final_sct_list_not_the_logs", "e_final_tbs_differs_from_precert");
  }

  @Test
  void clientAuthBesideServerAuthOrNoExtendedKeyUsageIsAnError() throws Exception {
    // BR 7.1.2.7.10 allows clientAuth; Chrome's policy 1.8 forbids it from 2027-03-15. This CA
    // issues serverAuth only, whatever the date.
    X509v3CertificateBuilder both = tbs(SERIAL, 90, false, authority.issuerName());
    both.replaceExtension(Extension.extendedKeyUsage, false,
        new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    assertThat(codes(authority.signForLint(both))).containsExactly("e_eku_not_server_auth_only");

    X509v3CertificateBuilder none = builder(
        SERIAL, CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(90)), authority.issuerName());
    none.addExtension(Extension.authorityKeyIdentifier, false, authority.authorityKeyIdentifier());
    none.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    none.addExtension(Extension.certificatePolicies, false,
        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.2"))));
    none.addExtension(Extension.cRLDistributionPoints, false,
        CertificateAuthority.distributionPoints("http://localhost:8080/crl/issuing-ca/0.crl"));
    none.addExtension(Extension.subjectAlternativeName, false,
        new GeneralNames(new GeneralName(GeneralName.dNSName, "www.example.jp")));
    assertThat(codes(authority.signForLint(none))).contains("e_eku_not_server_auth_only");
  }

  // BR 7.1.3.2 (SC-097): the signature algorithm, byte for byte, and the issuing key's.

  /** The well-formed TBS signed by a throwaway key of {@code keyPair}'s type with {@code algorithm}. */
  private X509Certificate signedWith(KeyPair keyPair, String algorithm) throws Exception {
    return signedWith(tbs(SERIAL, 90, false, authority.issuerName()), keyPair, algorithm);
  }

  private static X509Certificate signedWith(X509v3CertificateBuilder tbs, KeyPair keyPair, String algorithm)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(tbs.build(new JcaContentSignerBuilder(algorithm).build(keyPair.getPrivate())));
  }

  private List<String> codes(X509Certificate candidate) {
    return lint.check(candidate, authority.issuingCertificate(), CertificateProfile.OV).stream()
        .map(LintFinding::code)
        .toList();
  }

  @Test
  void aSha1SignatureIsAnErrorOnTheLintedAndOnTheSignedCertificate() throws Exception {
    X509Certificate sha1 = signedWith(TestFixtures.ec("secp256r1"), "SHA1withECDSA");

    assertThat(codes(sha1)).containsExactly("e_signature_algorithm_not_supported");
    assertThat(PreIssuanceLint.checkSignedCertificate(sha1, authority.issuingCertificate()))
        .extracting(LintFinding::code)
        .containsExactly("e_signature_algorithm_not_supported");
    assertThat(PreIssuanceLint.checkSignedCertificate(
            signedWith(TestFixtures.rsa(2048), "SHA1withRSA"), authority.issuingCertificate()))
        .extracting(LintFinding::code)
        .containsExactly("e_signature_algorithm_not_supported");
  }

  @Test
  void aPermittedAlgorithmThatIsNotTheIssuingKeysIsAnError() throws Exception {
    // The issuing key is EC: an RSA signature, or ECDSA with another hash than its curve's.
    assertThat(codes(signedWith(TestFixtures.rsa(2048), "SHA256withRSA")))
        .containsExactly("e_signature_algorithm_not_for_issuing_key");
    assertThat(codes(signedWith(TestFixtures.ec("secp521r1"), "SHA512withECDSA")))
        .containsExactly("e_signature_algorithm_not_for_issuing_key");
  }

  @Test
  void anRsaAlgorithmIdentifierWithoutItsNullParametersIsNotThePermittedEncoding() throws Exception {
    KeyPair rsa = TestFixtures.rsa(2048);
    ContentSigner real = new JcaContentSignerBuilder("SHA256withRSA").build(rsa.getPrivate());
    ContentSigner absentParameters = new ContentSigner() {
      @Override
      public AlgorithmIdentifier getAlgorithmIdentifier() {
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption);
      }

      @Override
      public java.io.OutputStream getOutputStream() {
        return real.getOutputStream();
      }

      @Override
      public byte[] getSignature() {
        return real.getSignature();
      }
    };
    X509Certificate candidate = new JcaX509CertificateConverter()
        .getCertificate(tbs(SERIAL, 90, false, authority.issuerName()).build(absentParameters));

    assertThat(PreIssuanceLint.checkSignedCertificate(candidate, authority.issuingCertificate()))
        .extracting(LintFinding::code)
        .containsExactly("e_signature_algorithm_not_supported");
  }

  @Test
  void theIssuingKeysOwnAlgorithmPasses() {
    X509Certificate candidate = authority.signForLint(tbs(SERIAL, 90, false, authority.issuerName()));

    assertThat(PreIssuanceLint.checkSignedCertificate(candidate, authority.issuingCertificate())).isEmpty();
  }

  // Subject attributes as they will be signed (BR 7.1.2.7.4, 7.1.4.2; RFC 5280 Appendix A).

  private X509Certificate withSubject(X500Name subject) {
    X509v3CertificateBuilder tbs =
        new X509v3CertificateBuilder(
            authority.issuerName(),
            SERIAL,
            Date.from(CLOCK.instant()),
            Date.from(CLOCK.instant().plus(Duration.ofDays(90))),
            subject,
            SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded()));
    extensions(tbs, false);
    return authority.signForLint(tbs);
  }

  private static X500Name subject(ASN1Encodable country, String organization, String locality) {
    return new X500NameBuilder()
        .addRDN(BCStyle.C, country)
        .addRDN(BCStyle.L, new DERUTF8String(locality))
        .addRDN(BCStyle.O, new DERUTF8String(organization))
        .addRDN(BCStyle.CN, new DERUTF8String("www.example.jp"))
        .build();
  }

  @Test
  void aCountryThatIsNoIso3166CodeIsAnError() {
    assertThat(codes(withSubject(subject(new DERPrintableString("JP"), "Example K.K.", "Chiyoda-ku")))).isEmpty();
    assertThat(codes(withSubject(subject(new DERPrintableString("XX"), "Example K.K.", "Chiyoda-ku")))).isEmpty();
    assertThat(codes(withSubject(subject(new DERPrintableString("ZZ"), "Example K.K.", "Chiyoda-ku"))))
        .containsExactly("e_subject_country_not_iso");
    assertThat(codes(withSubject(subject(new DERPrintableString("jp"), "Example K.K.", "Chiyoda-ku"))))
        .containsExactly("e_subject_country_not_iso");
    assertThat(codes(withSubject(subject(new DERUTF8String("JP"), "Example K.K.", "Chiyoda-ku"))))
        .containsExactly("e_subject_country_not_printable_string");
  }

  @Test
  void anEvJurisdictionCountryIsCheckedLikeTheCountry() {
    X500Name subject = new X500NameBuilder()
        .addRDN(BCStyle.JURISDICTION_C, new DERPrintableString("JPN"))
        .addRDN(BCStyle.C, new DERPrintableString("JP"))
        .addRDN(BCStyle.L, new DERUTF8String("Chiyoda-ku"))
        .addRDN(BCStyle.O, new DERUTF8String("Example K.K."))
        .addRDN(BCStyle.CN, new DERUTF8String("www.example.jp"))
        .build();

    assertThat(codes(withSubject(subject))).contains("e_subject_country_not_iso", "e_subject_attribute_too_long");
  }

  @Test
  void subjectAttributesLongerThanTheirUpperBoundAreErrors() {
    String o64 = "O".repeat(64);
    String l128 = "L".repeat(128);
    assertThat(codes(withSubject(subject(new DERPrintableString("JP"), o64, l128)))).isEmpty();

    List<LintFinding> findings =
        lint.check(withSubject(subject(new DERPrintableString("JP"), o64 + "x", l128 + "x")),
            authority.issuingCertificate(), CertificateProfile.OV);
    assertThat(findings).extracting(LintFinding::code)
        .containsExactly("e_subject_attribute_too_long", "e_subject_attribute_too_long");
    assertThat(findings).extracting(LintFinding::message)
        .anyMatch(m -> m.startsWith("O has 65 characters"))
        .anyMatch(m -> m.startsWith("L has 129 characters"));
    // Characters, not bytes: 64 kanji are 192 UTF-8 bytes and within the bound.
    assertThat(codes(withSubject(subject(new DERPrintableString("JP"), "株".repeat(64), "Chiyoda-ku")))).isEmpty();
  }

  @Test
  void anExtensionThatAppearsTwiceIsAnError() throws Exception {
    // Bouncy Castle will not build such a TBS nor the JDK parse it, so the DER is made by hand.
    X509Certificate candidate = authority.signForLint(tbs(SERIAL, 90, false, authority.issuerName()));
    ASN1Sequence tbs = ASN1Sequence.getInstance(candidate.getTBSCertificate());
    ASN1EncodableVector fields = new ASN1EncodableVector();
    for (ASN1Encodable field : tbs) {
      if (field instanceof ASN1TaggedObject tagged && tagged.getTagNo() == 3) {
        ASN1Sequence extensions = ASN1Sequence.getInstance(tagged.getExplicitBaseObject());
        ASN1EncodableVector repeated = new ASN1EncodableVector();
        extensions.forEach(repeated::add);
        repeated.add(extensions.getObjectAt(3));
        field = new DERTaggedObject(true, 3, new DERSequence(repeated));
      }
      fields.add(field);
    }
    List<LintFinding> findings = new java.util.ArrayList<>();
    PreIssuanceLint.checkExtensionsUnique(new DERSequence(fields).getEncoded(), findings);

    assertThat(findings).extracting(LintFinding::code).containsExactly("e_ext_duplicate_extension");
    assertThat(findings.get(0).message()).contains(Extension.extendedKeyUsage.getId());

    List<LintFinding> once = new java.util.ArrayList<>();
    PreIssuanceLint.checkExtensionsUnique(candidate.getTBSCertificate(), once);
    assertThat(once).isEmpty();
  }

  private X509v3CertificateBuilder tbs(BigInteger serial, int days, boolean ca, X500Name issuer) {
    X509v3CertificateBuilder tbs =
        builder(serial, CLOCK.instant(), CLOCK.instant().plus(Duration.ofDays(days)).minusSeconds(1), issuer);
    extensions(tbs, ca);
    return tbs;
  }

  private X509v3CertificateBuilder builder(BigInteger serial, Instant notBefore, Instant notAfter, X500Name issuer) {
    return new X509v3CertificateBuilder(
        issuer,
        serial,
        Date.from(notBefore),
        Date.from(notAfter),
        new X500Name("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=www.example.jp"),
        SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded()));
  }

  private void extensions(X509v3CertificateBuilder tbs, boolean ca) {
    try {
      AuthorityKeyIdentifier aki = authority.authorityKeyIdentifier();
      tbs.addExtension(Extension.authorityKeyIdentifier, false, aki);
      tbs.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      tbs.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      tbs.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      tbs.addExtension(
          Extension.certificatePolicies,
          false,
          new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier("2.23.140.1.2.2"))));
      tbs.addExtension(
          Extension.authorityInfoAccess,
          false,
          new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
              org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers,
              new GeneralName(GeneralName.uniformResourceIdentifier, TestFixtures.ISSUER_URL)));
      tbs.addExtension(
          Extension.cRLDistributionPoints,
          false,
          CertificateAuthority.distributionPoints("http://localhost:8080/crl/issuing-ca/0.crl"));
      tbs.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.dNSName, "www.example.jp")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
