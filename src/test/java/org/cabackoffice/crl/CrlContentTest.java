package org.cabackoffice.crl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.cabackoffice.issuance.CaProperties;
import org.cabackoffice.issuance.CertificateAuthority;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrlContentTest {

  static final Instant NOW = Instant.parse("2026-10-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @TempDir Path dir;
  CertificateAuthority authority;

  @BeforeEach
  void setUp() {
    authority =
        new CertificateAuthority(
            CaProperties.developmentCa("test-only", null), CLOCK, dir.toString(), "http://127.0.0.1:8080");
  }

  @Test
  void aShardCrlIsSignedByTheIssuingCaAndNamesItsPartition() throws Exception {
    CrlContent content =
        new CrlContent(
            authority.issuingCertificate(),
            BigInteger.valueOf(42),
            NOW,
            NOW.plus(Duration.ofDays(7)),
            Optional.of(authority.publicationUrls().crl(2)),
            List.of(
                new CrlContent.Entry(BigInteger.valueOf(0x1234), NOW.minusSeconds(60), 1),
                new CrlContent.Entry(BigInteger.valueOf(0x5678), NOW.minusSeconds(30), 0)));

    X509CRL crl = parse(authority.signCrl(content.unsigned()).getEncoded());

    crl.verify(authority.issuingCertificate().getPublicKey());
    // No SHA-1 anywhere (SC-097): the issuing key's own algorithm.
    assertThat(crl.getSigAlgName()).isEqualTo("SHA384withECDSA");
    assertThat(crl.getVersion()).isEqualTo(2);
    assertThat(crl.getIssuerX500Principal()).isEqualTo(authority.issuingCertificate().getSubjectX500Principal());
    assertThat(crl.getThisUpdate().toInstant()).isEqualTo(NOW);
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(CRLNumber.getInstance(octets(crl.getExtensionValue(Extension.cRLNumber.getId()))).getCRLNumber())
        .isEqualTo(42);
    // BR 7.2.2.1 / SC-058: a partition's IDP is critical and names the URL its certificates name.
    assertThat(crl.getCriticalExtensionOIDs()).contains(Extension.issuingDistributionPoint.getId());
    IssuingDistributionPoint idp =
        IssuingDistributionPoint.getInstance(octets(crl.getExtensionValue(Extension.issuingDistributionPoint.getId())));
    assertThat(idp.onlyContainsUserCerts()).isTrue();
    assertThat(((GeneralNames) idp.getDistributionPoint().getName()).getNames()[0].getName().toString())
        .isEqualTo("http://127.0.0.1:8080/crl/issuing-ca/2.crl");

    X509CRLEntry keyCompromise = crl.getRevokedCertificate(BigInteger.valueOf(0x1234));
    assertThat(ASN1Enumerated.getInstance(octets(keyCompromise.getExtensionValue(Extension.reasonCode.getId()))).intValueExact())
        .isEqualTo(1);
    // BR 7.2.2: unspecified is shown by leaving the reasonCode out.
    assertThat(crl.getRevokedCertificate(BigInteger.valueOf(0x5678)).getExtensionValue(Extension.reasonCode.getId()))
        .isNull();
  }

  @Test
  void nextUpdateMustFollowThisUpdate() {
    assertThatThrownBy(
            () ->
                new CrlContent(
                    authority.issuingCertificate(), BigInteger.ONE, NOW, NOW, Optional.empty(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theRootSignsTheArlOfItsIntermediates() throws Exception {
    CrlContent arl =
        new CrlContent(
            authority.rootCertificate(), BigInteger.ONE, NOW, NOW.plus(Duration.ofDays(180)), Optional.empty(), List.of());

    X509CRL crl = parse(authority.signArl(arl.unsigned()).orElseThrow().getEncoded());

    crl.verify(authority.rootCertificate().getPublicKey());
    assertThat(crl.getIssuerX500Principal()).isEqualTo(authority.rootCertificate().getSubjectX500Principal());
    assertThat(crl.getExtensionValue(Extension.issuingDistributionPoint.getId())).isNull();
    // The development issuing CA names the ARL (BR 7.1.2.6).
    assertThat(authority.issuingCertificate().getExtensionValue(Extension.cRLDistributionPoints.getId())).isNotNull();
  }

  @Test
  void propertiesHoldTheBaselineRequirementsLimits() {
    assertThatThrownBy(() -> new CrlProperties(Duration.ofDays(11), Duration.ofDays(3), Duration.ofMinutes(5), Duration.ofDays(180), Duration.ofDays(90)))
        .hasMessageContaining("10 days");
    assertThatThrownBy(() -> new CrlProperties(Duration.ofDays(7), Duration.ofDays(5), Duration.ofMinutes(5), Duration.ofDays(180), Duration.ofDays(90)))
        .hasMessageContaining("4 days");
  }

  static X509CRL parse(byte[] der) throws Exception {
    return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new java.io.ByteArrayInputStream(der));
  }

  private static byte[] octets(byte[] extensionValue) {
    return ASN1OctetString.getInstance(extensionValue).getOctets();
  }
}
