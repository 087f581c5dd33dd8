package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {

  private final Clock clock = TestFixtures.clockAt("2026-01-10T03:00:00Z");

  @Test
  void firstStartCreatesTheKeystoreAndLaterStartsLoadTheSameCertificates(@TempDir Path dir)
      throws Exception {
    CertificateAuthority first = TestFixtures.authority(dir, clock);
    assertThat(dir.resolve("ca/dev-ca.p12")).exists();
    long size = Files.size(dir.resolve("ca/dev-ca.p12"));
    if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("ca/dev-ca.p12"))))
          .isEqualTo("rw-------");
    }

    CertificateAuthority second =
        TestFixtures.authority(dir, TestFixtures.clockAt("2027-06-01T00:00:00Z"));

    assertThat(second.rootCertificate()).isEqualTo(first.rootCertificate());
    assertThat(second.issuingCertificate()).isEqualTo(first.issuingCertificate());
    assertThat(second.chain()).containsExactly(first.issuingCertificate(), first.rootCertificate());
    assertThat(Files.size(dir.resolve("ca/dev-ca.p12"))).isEqualTo(size);
  }

  @Test
  void rootFollowsTheRootCaProfile(@TempDir Path dir) throws Exception {
    X509Certificate root = TestFixtures.authority(dir, clock).rootCertificate();

    assertThat(root.getSubjectX500Principal().getName())
        .isEqualTo("CN=CA Back Office Development Root CA,O=CA Back Office,C=JP");
    assertThat(root.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
    root.verify(root.getPublicKey());
    assertThat(root.getSigAlgName()).isEqualTo("SHA384withECDSA");
    assertThat(((ECPublicKey) root.getPublicKey()).getParams().getOrder().bitLength()).isEqualTo(384);
    assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE); // CA, no pathLen
    assertThat(root.getCriticalExtensionOIDs())
        .contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
    assertThat(root.getKeyUsage()).startsWith(false, false, false, false, false, true, true);
    assertThat(root.getExtendedKeyUsage()).isNull();
    assertThat(root.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();
    assertThat(root.getNotBefore().toInstant()).isEqualTo(clock.instant());
    assertThat(root.getNotAfter().toInstant()).isEqualTo(Instant.parse("2046-01-10T02:59:59Z"));
  }

  @Test
  void issuingCaFollowsTheTlsSubordinateProfile(@TempDir Path dir) throws Exception {
    CertificateAuthority authority = TestFixtures.authority(dir, clock);
    X509Certificate issuing = authority.issuingCertificate();

    issuing.verify(authority.rootCertificate().getPublicKey());
    assertThat(issuing.getSubjectX500Principal().getName())
        .isEqualTo("CN=CA Back Office Development Issuing CA,O=CA Back Office,C=JP");
    assertThat(issuing.getBasicConstraints()).isZero();
    assertThat(issuing.getKeyUsage()).startsWith(false, false, false, false, false, true, true);
    assertThat(issuing.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
    assertThat(issuing.getExtendedKeyUsage()).containsExactly(KeyPurposeId.id_kp_serverAuth.getId());
    AuthorityKeyIdentifier aki =
        AuthorityKeyIdentifier.getInstance(
            ASN1OctetString.getInstance(
                    issuing.getExtensionValue(Extension.authorityKeyIdentifier.getId()))
                .getOctets());
    assertThat(aki.getKeyIdentifier())
        .isEqualTo(CertificateAuthority.subjectKeyIdentifier(authority.rootCertificate()));
    assertThat(aki.getAuthorityCertIssuer()).isNull();
    CertificatePolicies policies =
        CertificatePolicies.getInstance(
            ASN1OctetString.getInstance(issuing.getExtensionValue(Extension.certificatePolicies.getId()))
                .getOctets());
    assertThat(policies.getPolicyInformation())
        .extracting(p -> p.getPolicyIdentifier().getId())
        .containsExactly("2.23.140.1.2.2", "2.23.140.1.1");
    assertThat(issuing.getNotAfter().toInstant()).isEqualTo(Instant.parse("2031-01-10T02:59:59Z"));
  }

  @Test
  void missingPasswordIsAClearStartupError(@TempDir Path dir) {
    assertThatThrownBy(
            () ->
                new CertificateAuthority(
                    CaProperties.developmentCa(null, null), clock, dir.resolve("ca.p12"), "http://x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("backoffice.ca.keystore-password is required");
    assertThat(dir.resolve("ca.p12")).doesNotExist();
  }

  @Test
  void wrongPasswordDoesNotOpenTheKeystoreNorReplaceIt(@TempDir Path dir) throws Exception {
    TestFixtures.authority(dir, clock);
    byte[] before = Files.readAllBytes(dir.resolve("ca/dev-ca.p12"));

    assertThatThrownBy(
            () ->
                new CertificateAuthority(
                    CaProperties.developmentCa("wrong", null),
                    clock,
                    dir.resolve("ca/dev-ca.p12"),
                    "http://x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot open the CA keystore")
        .hasMessageNotContaining("wrong");
    assertThat(Files.readAllBytes(dir.resolve("ca/dev-ca.p12"))).isEqualTo(before);
  }

  @Test
  void productionSettingRefusesToMintANewCa(@TempDir Path dir) {
    CaProperties production =
        new CaProperties(TestFixtures.PASSWORD, "PKCS12", null, null, false, null, "CN=R", "CN=I", null, null, true, 100000);

    assertThatThrownBy(() -> new CertificateAuthority(production, clock, dir.resolve("missing.p12"), "http://x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("create-if-missing is false");
  }

  @Test
  void productionSettingLoadsAKeystoreMadeElsewhereAndSignsWithItsIssuingKey(@TempDir Path dir)
      throws Exception {
    // A key ceremony's PKCS#12 (here: one the development CA made) is only loaded, never changed.
    CertificateAuthority made = TestFixtures.authority(dir, clock);
    byte[] before = Files.readAllBytes(dir.resolve("ca/dev-ca.p12"));
    CaProperties production =
        new CaProperties(TestFixtures.PASSWORD, "PKCS12", null, null, false, null, "CN=R", "CN=I", null, null, true, 100000);

    CertificateAuthority loaded =
        new CertificateAuthority(production, clock, dir.resolve("ca/dev-ca.p12"), "http://x");

    assertThat(loaded.rootCertificate()).isEqualTo(made.rootCertificate());
    assertThat(loaded.issuingCertificate()).isEqualTo(made.issuingCertificate());
    assertThat(loaded.signatureAlgorithm()).isEqualTo("SHA384withECDSA");
    assertThat(Files.readAllBytes(dir.resolve("ca/dev-ca.p12"))).isEqualTo(before);
  }

  // Issue 12: the check after signing uses Bouncy Castle's ECDSA; it must still refuse a
  // signature by any other key (a faulty or swapped HSM key), and the lint certificate's signature.
  @Test
  void onlyTheIssuingKeysSignatureVerifiesAndALintedCertificateIsTheSameTbsSignedByNoCaKey(@TempDir Path dir)
      throws Exception {
    CertificateAuthority authority = TestFixtures.authority(dir, clock);
    org.bouncycastle.cert.X509v3CertificateBuilder tbs =
        OcspResponderProfile.tbs(
            authority.issuingCertificate(),
            TestFixtures.ec("secp256r1").getPublic(),
            CertificateSerial.random(new java.security.SecureRandom()),
            clock.instant());
    X509Certificate signed = authority.sign(tbs);
    X509Certificate linted = authority.signForLint(tbs);
    X509Certificate otherKey =
        CertificateSigner.toCertificate(
            tbs.build(
                new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA384withECDSA")
                    .build(TestFixtures.ec("secp384r1").getPrivate())));

    assertThat(authority.signedByIssuingKey(signed)).isTrue();
    signed.verify(authority.issuingCertificate().getPublicKey());
    assertThat(authority.signedByIssuingKey(otherKey)).isFalse();
    assertThat(authority.signedByIssuingKey(linted)).isFalse();
    assertThat(linted.getTBSCertificate()).isEqualTo(signed.getTBSCertificate());
    assertThat(linted.getSigAlgName()).isEqualTo(signed.getSigAlgName());
    CertificateIssuer.confirmSignedAsLinted(signed, linted, authority);
    assertThatThrownBy(() -> CertificateIssuer.confirmSignedAsLinted(otherKey, linted, authority))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not verify");
  }
}
