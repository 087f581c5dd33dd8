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
import org.springframework.transaction.support.TransactionOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateIssuerTest {

  private static final Clock CLOCK = TestFixtures.clockAt("2026-01-10T03:00:00Z");

  @TempDir Path dir;
  private CountingAuthority authority;
  private TestFixtures.InMemoryCertificates repository;
  private TestFixtures.InMemorySignings signings;
  private CertificateIssuer issuer;

  @BeforeEach
  void setUp() {
    authority = new CountingAuthority(dir, CLOCK);
    repository = new TestFixtures.InMemoryCertificates();
    signings = new TestFixtures.InMemorySignings();
    issuer = new CertificateIssuer(authority, new PreIssuanceLint(), repository, signings, TransactionOperations.withoutTransaction(), CLOCK);
  }

  @Test
  void theSerialIsRecordedBeforeTheKeySignsAndItsOutcomeAfter() throws Exception {
    IssuanceRequest request = TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of());
    CertificateSigning[] seenWhileSigning = new CertificateSigning[1];
    CountingAuthority watching =
        new CountingAuthority(dir, CLOCK) {
          @Override
          X509Certificate sign(X509v3CertificateBuilder tbs) {
            seenWhileSigning[0] = signings.bySerial.values().iterator().next();
            assertThat(seenWhileSigning[0].state()).isEqualTo(CertificateSigning.State.STARTED);
            return super.sign(tbs);
          }
        };
    issuer = new CertificateIssuer(watching, new PreIssuanceLint(), repository, signings, TransactionOperations.withoutTransaction(), CLOCK);

    IssuedCertificate issued = issuer.issue(request);

    assertThat(seenWhileSigning[0]).isNotNull();
    CertificateSigning record = signings.findBySerial(issued.serial()).orElseThrow();
    assertThat(record.state()).isEqualTo(CertificateSigning.State.ISSUED);
    assertThat(record.applicationId()).isEqualTo(42L);
    X509Certificate certificate = CertificatePem.parse(issued.pem()).get(0);
    assertThat(record.tbsSha256())
        .isEqualTo(java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getTBSCertificate())));
  }

  @Test
  void aCertificateSignedButNotStoredIsStoredByTheRetryNotSignedAgain() throws Exception {
    IssuanceRequest request = TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of());
    repository.failNextSave = true;

    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);
    CertificateSigning kept = signings.bySerial.values().iterator().next();
    assertThat(kept.state()).isEqualTo(CertificateSigning.State.NOT_STORED);
    assertThat(kept.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(kept.detail()).contains("database gone");
    String signedPem = kept.certificatePem();

    IssuedCertificate retried = issuer.issue(request);

    assertThat(retried.serial()).isEqualTo(kept.serial());
    assertThat(retried.pem()).isEqualTo(signedPem);
    assertThat(authority.realSignatures).isEqualTo(1);
    assertThat(kept.state()).isEqualTo(CertificateSigning.State.ISSUED);
    assertThat(kept.certificatePem()).isNull();
  }

  @Test
  void aSigningCutOffByACrashIsMarkedInterruptedAndTheRetrySignsUnderANewSerial() throws Exception {
    IssuanceRequest request = TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of());
    signings.saveAndFlush(new CertificateSigning("7f01", 42L, "00".repeat(32), CLOCK.instant()));

    IssuedCertificate issued = issuer.issue(request);

    assertThat(issued.serial()).isNotEqualTo("7f01");
    CertificateSigning crashed = signings.findBySerial("7f01").orElseThrow();
    assertThat(crashed.state()).isEqualTo(CertificateSigning.State.INTERRUPTED);
    assertThat(crashed.detail()).contains("whether the CA key signed is unknown");
    assertThat(signings.findBySerial(issued.serial()).orElseThrow().state())
        .isEqualTo(CertificateSigning.State.ISSUED);
  }

  @Test
  void theStartUpCheckMarksOnlySigningsLongPastAsInterrupted() {
    signings.saveAndFlush(new CertificateSigning("0a", 1L, "00".repeat(32), CLOCK.instant().minusSeconds(600)));
    signings.saveAndFlush(new CertificateSigning("0b", 2L, "00".repeat(32), CLOCK.instant().minusSeconds(5)));

    assertThat(new InterruptedSignings(signings, new CertificateIssuerTransparencyTest.InMemoryPrecertificateSignings(), CLOCK).reconcile()).isEqualTo(1);

    assertThat(signings.findBySerial("0a").orElseThrow().state()).isEqualTo(CertificateSigning.State.INTERRUPTED);
    assertThat(signings.findBySerial("0b").orElseThrow().state()).isEqualTo(CertificateSigning.State.STARTED);
  }

  @Test
  void aFailedSignatureIsRecordedAsFailed() throws Exception {
    CountingAuthority broken =
        new CountingAuthority(dir, CLOCK) {
          @Override
          X509Certificate sign(X509v3CertificateBuilder tbs) {
            throw new IllegalStateException("HSM unavailable");
          }
        };
    issuer = new CertificateIssuer(broken, new PreIssuanceLint(), repository, signings, TransactionOperations.withoutTransaction(), CLOCK);

    assertThatThrownBy(() -> issuer.issue(TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of())))
        .hasMessageContaining("HSM unavailable");

    CertificateSigning record = signings.bySerial.values().iterator().next();
    assertThat(record.state()).isEqualTo(CertificateSigning.State.FAILED);
    assertThat(record.detail()).isEqualTo("HSM unavailable");
    assertThat(repository.saved).isEmpty();
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
    assertThat(ocsp(certificate)).containsExactly("http://localhost:8080/ocsp");
    assertThat(crlDistributionPoints(certificate)).containsExactly("http://localhost:8080/crl/issuing-ca/0.crl");
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

  /**
   * An ACME order passes no application id: its order id keys the issuance. The order step stores
   * the certificate (committed on its own) and then saves the serial on the order; a crash between
   * the two leaves an order without a serial, and the job's retry must get the same certificate.
   */
  @Test
  void anAcmeOrderRetriedAfterItsCertificateWasStoredGetsThatCertificateNotASecond() throws Exception {
    java.security.KeyPair key = TestFixtures.ec("secp256r1");
    IssuanceRequest order = acmeOrder(501L, key);

    IssuedCertificate first = issuer.issue(order);
    // The crash: the order never learnt the serial. The retry asks again for the same order.
    IssuedCertificate retried = issuer.issue(acmeOrder(501L, key));

    assertThat(retried.serial()).isEqualTo(first.serial());
    assertThat(retried.acmeOrderId()).isEqualTo(501L);
    assertThat(authority.realSignatures).isEqualTo(1);
    assertThat(repository.saved).hasSize(1);
    assertThat(signings.bySerial.values()).singleElement()
        .satisfies(s -> assertThat(s.acmeOrderId()).isEqualTo(501L));

    // Another order for the same key and names is another certificate.
    IssuedCertificate other = issuer.issue(acmeOrder(502L, key));
    assertThat(other.serial()).isNotEqualTo(first.serial());
    assertThat(authority.realSignatures).isEqualTo(2);
  }

  @Test
  void anAcmeOrderSignedButNotStoredIsStoredByTheRetryNotSignedAgain() throws Exception {
    java.security.KeyPair key = TestFixtures.ec("secp256r1");
    repository.failNextSave = true;
    assertThatThrownBy(() -> issuer.issue(acmeOrder(503L, key)))
        .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);

    IssuedCertificate retried = issuer.issue(acmeOrder(503L, key));

    assertThat(authority.realSignatures).isEqualTo(1);
    assertThat(repository.saved).singleElement().isSameAs(retried);
    assertThat(retried.acmeOrderId()).isEqualTo(503L);
  }

  private static IssuanceRequest acmeOrder(long orderId, java.security.KeyPair key) {
    return IssuanceRequest.forAcmeOrder(orderId, 7L, "www.example.jp", List.of("www.example.jp"),
        "Example K.K.", "Chiyoda-ku", "Tokyo", "JP", key.getPublic().getEncoded());
  }

  @Test
  void lifetimeShrinksForCertificatesIssuedFromMarch2026() throws Exception {
    Clock later = TestFixtures.clockAt("2026-03-15T00:00:00Z");
    CertificateIssuer laterIssuer =
        new CertificateIssuer(authority, new PreIssuanceLint(), repository, signings, TransactionOperations.withoutTransaction(), later);

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

  @Test
  void theCertificateNamesTheCrlShardItIsPlacedOnBeforeItIsSigned() throws Exception {
    int[] assigned = {0};
    issuer =
        new CertificateIssuer(
            authority, new PreIssuanceLint(), repository, signings, TransactionOperations.withoutTransaction(),
            Precertificates.notLogged(),
            () -> {
              assigned[0]++;
              return 3;
            },
            CLOCK);

    IssuedCertificate issued = issuer.issue(TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of()));

    assertThat(assigned[0]).isEqualTo(1);
    assertThat(issued.crlShard()).hasValue(3);
    assertThat(crlDistributionPoints(CertificatePem.parse(issued.pem()).get(0)))
        .containsExactly("http://localhost:8080/crl/issuing-ca/3.crl");
  }

  @Test
  void aCertificateSignedButNotStoredKeepsTheShardItNames() throws Exception {
    issuer =
        new CertificateIssuer(
            authority, new PreIssuanceLint(), repository, signings, TransactionOperations.withoutTransaction(), Precertificates.notLogged(), () -> 7, CLOCK);
    IssuanceRequest request = TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.jp", List.of());
    repository.failNextSave = true;
    assertThatThrownBy(() -> issuer.issue(request))
        .isInstanceOf(org.springframework.dao.DataAccessResourceFailureException.class);

    IssuedCertificate stored = issuer.issue(request);

    assertThat(stored.crlShard()).hasValue(7);
  }

  static List<String> crlDistributionPoints(X509Certificate certificate) {
    org.bouncycastle.asn1.x509.CRLDistPoint points =
        org.bouncycastle.asn1.x509.CRLDistPoint.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId()))
                .getOctets());
    return java.util.Arrays.stream(points.getDistributionPoints())
        .flatMap(
            p ->
                java.util.Arrays.stream(
                    ((org.bouncycastle.asn1.x509.GeneralNames) p.getDistributionPoint().getName()).getNames()))
        .map(n -> n.getName().toString())
        .toList();
  }

  private static List<String> ocsp(X509Certificate certificate) {
    AuthorityInformationAccess aia =
        AuthorityInformationAccess.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.authorityInfoAccess.getId()))
                .getOctets());
    return java.util.Arrays.stream(aia.getAccessDescriptions())
        .filter(d -> d.getAccessMethod().equals(AccessDescription.id_ad_ocsp))
        .map(d -> d.getAccessLocation().getName().toString())
        .toList();
  }

  private static String caIssuers(X509Certificate certificate) {
    AuthorityInformationAccess aia =
        AuthorityInformationAccess.getInstance(
            ASN1OctetString.getInstance(certificate.getExtensionValue(Extension.authorityInfoAccess.getId()))
                .getOctets());
    return java.util.Arrays.stream(aia.getAccessDescriptions())
        .filter(d -> d.getAccessMethod().equals(AccessDescription.id_ad_caIssuers))
        .map(d -> d.getAccessLocation().getName().toString())
        .findFirst()
        .orElseThrow();
  }

  /** The development CA, counting how often each key signed. */
  static class CountingAuthority extends CertificateAuthority {
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
