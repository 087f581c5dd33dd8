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
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
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
