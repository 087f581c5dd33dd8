package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateIssuerTest {

  private static final Clock CLOCK = TestFixtures.clockAt("2026-01-10T03:00:00Z");

  @TempDir Path dir;
  private CountingAuthority authority;
  private TestFixtures.InMemoryCertificates repository;
  private CertificateIssuer issuer;

  @BeforeEach
  void setUp() {
    authority = new CountingAuthority(dir, CLOCK);
    repository = new TestFixtures.InMemoryCertificates();
    issuer = new CertificateIssuer(authority, new PreIssuanceLint(), repository, CLOCK);
  }

  @Test
  void issuesAnRsa2048CertificateThatPkixAccepts() throws Exception {
    KeyPair key = TestFixtures.rsa(2048);

    IssuedCertificate issued =
        issuer.issue(TestFixtures.ovRequest(key, "WWW.Example.co.jp", List.of("example.co.jp")));

    X509Certificate certificate = CertificatePem.parse(issued.pem()).get(0);
    TestFixtures.validatePkix(certificate, authority, CLOCK.instant());
    assertThat(certificate.getPublicKey()).isEqualTo(key.getPublic());
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_serverAuth.getId());
    assertThat(sans(certificate)).containsExactly("www.example.co.jp", "example.co.jp");
    // digitalSignature + keyEncipherment for RSA (BR 7.1.2.7.11)
    assertThat(certificate.getKeyUsage()).startsWith(true, false, true, false, false, false, false);
    assertThat(certificate.getSubjectX500Principal().getName())
        .isEqualTo("CN=www.example.co.jp,O=Example K.K.,L=Chiyoda-ku,ST=Tokyo,C=JP");
    assertThat(issued.dnsNames()).containsExactly("www.example.co.jp", "example.co.jp");
    assertThat(issued.imported()).isFalse();
    assertThat(issued.applicationId()).isEqualTo(42L);
    assertThat(issued.customerAccountId()).isEqualTo(7L);
    assertThat(repository.saved).containsExactly(issued);
  }

  @Test
  void issuesAP256CertificateWithTheSubscriberProfile() throws Exception {
    KeyPair key = TestFixtures.ec("secp256r1");

    IssuedCertificate issued =
        issuer.issue(TestFixtures.ovRequest(key, "shop.example.jp", List.of()));

    X509Certificate certificate = CertificatePem.parse(issued.pem()).get(0);
    TestFixtures.validatePkix(certificate, authority, CLOCK.instant());
    assertThat(sans(certificate)).containsExactly("shop.example.jp");
    assertThat(certificate.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_serverAuth.getId());
    assertThat(certificate.getKeyUsage()).startsWith(true, false, false, false, false, false, false);
    assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId(), Extension.basicConstraints.getId());
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getSigAlgName()).isEqualTo("SHA384withECDSA");
    assertThat(policies(certificate)).containsExactly("2.23.140.1.2.2");
    assertThat(caIssuers(certificate)).isEqualTo(TestFixtures.ISSUER_URL);
    // Before 2026-03-15: 398 days, both ends counted (BR 6.3.2).
    assertThat(certificate.getNotBefore().toInstant()).isEqualTo(CLOCK.instant());
    assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2027-02-12T02:59:59Z"));
    assertThat(issued.serial()).isEqualTo(certificate.getSerialNumber().toString(16));
    assertThat(issued.spkiSha256()).hasSize(64);
  }

  @Test
  void retriedIssuanceForTheSameApplicationReturnsTheFirstCertificate() throws Exception {
    IssuanceRequest request = TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of());

    IssuedCertificate first = issuer.issue(request);
    IssuedCertificate retried = issuer.issue(request);

    assertThat(retried).isSameAs(first);
    assertThat(authority.realSignatures).isEqualTo(1);
    assertThat(repository.saved).hasSize(1);
  }

  @Test
  void lifetimeShrinksForCertificatesIssuedFromMarch2026() throws Exception {
    Clock later = TestFixtures.clockAt("2026-03-15T00:00:00Z");
    CertificateIssuer laterIssuer =
        new CertificateIssuer(authority, new PreIssuanceLint(), repository, later);

    IssuedCertificate issued =
        laterIssuer.issue(TestFixtures.ovRequest(TestFixtures.ec("secp384r1"), "a.example.jp", List.of()));

    assertThat(issued.notAfter()).isEqualTo(Instant.parse("2026-09-30T23:59:59Z"));
  }

  @Test
  void evCertificateCarriesTheEvPolicyAndSubject() throws Exception {
    IssuanceRequest request =
        new IssuanceRequest(
            43L, 7L, CertificateProfile.EV, "ev.example.jp", List.of(), "Example K.K.",
            "Chiyoda-ku", "Tokyo", "JP", TestFixtures.ec("secp256r1").getPublic().getEncoded(),
            new IssuanceRequest.EvSubject("Private Organization", "JP", null, null, "0100-01-123456"));

    X509Certificate certificate = CertificatePem.parse(issuer.issue(request).pem()).get(0);

    TestFixtures.validatePkix(certificate, authority, CLOCK.instant());
    assertThat(policies(certificate)).containsExactly("2.23.140.1.1");
    org.bouncycastle.asn1.x500.X500Name subject =
        org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    assertThat(subject.toString())
        .isEqualTo(
            "jurisdictionCountry=JP,BusinessCategory=Private Organization,SERIALNUMBER=0100-01-123456,"
                + "C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,CN=ev.example.jp");
  }

  @Test
  void evWithoutEvSubjectAttributesIsRefusedByLintAndNothingIsSigned() throws Exception {
    IssuanceRequest request =
        new IssuanceRequest(
            43L, 7L, CertificateProfile.EV, "ev.example.jp", List.of(), "Example K.K.",
            "Chiyoda-ku", "Tokyo", "JP", TestFixtures.ec("secp256r1").getPublic().getEncoded());

    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOfSatisfying(
            LintFailedException.class,
            e -> assertThat(e.findings()).extracting(LintFinding::code).contains("e_ev_subject_incomplete"));
    assertThat(authority.realSignatures).isZero();
    assertThat(repository.saved).isEmpty();
  }

  @Test
  void weakSubjectKeyIsRefusedByLintAndNothingIsSignedOrStored() throws Exception {
    IssuanceRequest request =
        TestFixtures.ovRequest(TestFixtures.rsa(1024), "www.example.jp", List.of());

    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOfSatisfying(
            LintFailedException.class,
            e -> {
              assertThat(e.findings()).extracting(LintFinding::code).containsExactly("e_rsa_modulus_size");
              assertThat(e.getMessage()).contains("BR 6.1.5");
            });
    assertThat(authority.lintSignatures).isEqualTo(1);
    assertThat(authority.realSignatures).isZero();
    assertThat(repository.saved).isEmpty();
  }

  @Test
  void invalidDnsNameIsRefusedByLint() throws Exception {
    IssuanceRequest request =
        TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of("bad_name.example.jp"));

    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOfSatisfying(
            LintFailedException.class,
            e -> assertThat(e.findings()).extracting(LintFinding::code).containsExactly("e_san_dns_name_invalid"));
    assertThat(authority.realSignatures).isZero();
  }

  @Test
  void requestWithoutAParsableKeyIsRefusedBeforeAnyTbs() {
    IssuanceRequest request =
        new IssuanceRequest(
            1L, 7L, CertificateProfile.OV, "www.example.jp", List.of(), "Example K.K.",
            "Chiyoda-ku", "Tokyo", "JP", new byte[] {1, 2, 3});

    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SubjectPublicKeyInfo");
    assertThat(authority.lintSignatures).isZero();
  }

  private static List<String> sans(X509Certificate certificate) throws Exception {
    return certificate.getSubjectAlternativeNames().stream()
        .filter(san -> Integer.valueOf(2).equals(san.get(0)))
        .map(san -> (String) san.get(1))
        .toList();
  }

  private static List<String> policies(X509Certificate certificate) {
    CertificatePolicies policies =
        CertificatePolicies.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.certificatePolicies.getId()))
                .getOctets());
    return java.util.Arrays.stream(policies.getPolicyInformation())
        .map(p -> p.getPolicyIdentifier().getId())
        .toList();
  }

  private static String caIssuers(X509Certificate certificate) {
    AuthorityInformationAccess aia =
        AuthorityInformationAccess.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.authorityInfoAccess.getId()))
                .getOctets());
    AccessDescription description = aia.getAccessDescriptions()[0];
    assertThat(description.getAccessMethod()).isEqualTo(AccessDescription.id_ad_caIssuers);
    return description.getAccessLocation().getName().toString();
  }

  /** The development CA, counting how often each key signed. */
  static final class CountingAuthority extends CertificateAuthority {
    int lintSignatures;
    int realSignatures;

    CountingAuthority(Path dir, Clock clock) {
      super(CaProperties.developmentCa(TestFixtures.PASSWORD, null), clock, dir.resolve("ca/dev-ca.p12"), TestFixtures.ISSUER_URL);
    }

    @Override
    X509Certificate signForLint(X509v3CertificateBuilder tbs) {
      lintSignatures++;
      return super.signForLint(tbs);
    }

    @Override
    X509Certificate sign(X509v3CertificateBuilder tbs) {
      realSignatures++;
      return super.sign(tbs);
    }
  }
}
