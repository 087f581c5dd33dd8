package org.cabackoffice.crl;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.cabackoffice.issuance.CaProperties;
import org.cabackoffice.issuance.CertificateAuthority;
import org.cabackoffice.issuance.LintFinding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each CRL check with a CRL as this CA signs it (no findings) and one broken on purpose. */
class CrlLintTest {

  static final Instant NOW = CrlContentTest.NOW;

  @TempDir Path dir;
  CertificateAuthority authority;
  String partition;

  @BeforeEach
  void setUp() {
    authority =
        new CertificateAuthority(
            CaProperties.developmentCa("test-only", null), CrlContentTest.CLOCK, dir.toString(), "http://127.0.0.1:8080");
    partition = authority.publicationUrls().crl(2);
  }

  private CrlLint.Scope shardScope(Optional<BigInteger> previous) {
    return new CrlLint.Scope(authority.issuingCertificate(), true, Optional.of(partition), previous, NOW);
  }

  private List<String> errors(X509CRLHolder crl, CrlLint.Scope scope) {
    return CrlLint.check(crl, scope).stream()
        .filter(f -> f.severity() == LintFinding.Severity.ERROR)
        .map(LintFinding::code)
        .toList();
  }

  private CrlContent shard(BigInteger number, Duration validity, List<CrlContent.Entry> entries) {
    return new CrlContent(authority.issuingCertificate(), number, NOW, NOW.plus(validity), Optional.of(partition), entries);
  }

  @Test
  void aShardCrlAsThisCaSignsItPasses() {
    CrlContent content =
        shard(BigInteger.valueOf(42), Duration.ofDays(7), List.of(
            new CrlContent.Entry(BigInteger.valueOf(0x1234), NOW.minusSeconds(60), 1),
            new CrlContent.Entry(BigInteger.valueOf(0x5678), NOW.minusSeconds(30), 0)));

    assertThat(CrlLint.check(authority.signCrlForLint(content.unsigned()), shardScope(Optional.of(BigInteger.valueOf(41)))))
        .isEmpty();
    assertThat(CrlLint.check(authority.signCrl(content.unsigned()), shardScope(Optional.empty()))).isEmpty();
  }

  @Test
  void theRootsArlAsThisCaSignsItPasses() {
    CrlContent arl =
        new CrlContent(authority.rootCertificate(), BigInteger.ONE, NOW, NOW.plus(Duration.ofDays(180)), Optional.empty(), List.of());

    assertThat(CrlLint.check(authority.signArl(arl.unsigned()).orElseThrow(),
            new CrlLint.Scope(authority.rootCertificate(), false, Optional.empty(), Optional.empty(), NOW)))
        .isEmpty();
  }

  @Test
  void aCrlNumberThatDoesNotRiseIsRefused() {
    X509CRLHolder crl = authority.signCrlForLint(shard(BigInteger.valueOf(42), Duration.ofDays(7), List.of()).unsigned());

    assertThat(errors(crl, shardScope(Optional.of(BigInteger.valueOf(42))))).containsExactly("e_crl_number_not_increasing");
  }

  @Test
  void nextUpdateBeyondTenDaysIsRefusedForSubscriberCrlsButNotForTheArl() {
    X509CRLHolder crl = authority.signCrlForLint(shard(BigInteger.TEN, Duration.ofDays(10).plusSeconds(1), List.of()).unsigned());

    assertThat(errors(crl, shardScope(Optional.empty()))).containsExactly("e_crl_next_update_invalid");
    CrlLint.Scope arlLike = new CrlLint.Scope(authority.issuingCertificate(), false, Optional.of(partition), Optional.empty(), NOW);
    assertThat(errors(crl, arlLike)).isEmpty();
  }

  @Test
  void unspecifiedAsAReasonCodeAndCertificateHoldAreRefused() throws Exception {
    X509v2CRLBuilder builder = bare(authority.issuingCertificate(), NOW.plus(Duration.ofDays(7)));
    builder.addCRLEntry(BigInteger.valueOf(0x10), Date.from(NOW.minusSeconds(5)), reason(CRLReason.unspecified, false));
    builder.addCRLEntry(BigInteger.valueOf(0x11), Date.from(NOW.minusSeconds(5)), reason(CRLReason.certificateHold, false));
    builder.addCRLEntry(BigInteger.valueOf(0x12), Date.from(NOW.minusSeconds(5)), reason(CRLReason.keyCompromise, true));
    standardExtensions(builder, BigInteger.TEN, false);

    assertThat(errors(authority.signCrlForLint(builder), shardScope(Optional.empty())))
        .containsExactly(
            "e_crl_has_valid_reason_code", "e_cab_crl_has_valid_reason_code", "e_cab_crl_reason_code_not_critical");
  }

  @Test
  void aSerialListedTwiceAndARevocationAfterThisUpdateAreRefused() {
    X509v2CRLBuilder builder = bare(authority.issuingCertificate(), NOW.plus(Duration.ofDays(7)));
    builder.addCRLEntry(BigInteger.valueOf(0x10), Date.from(NOW.minusSeconds(5)), (Extensions) null);
    builder.addCRLEntry(BigInteger.valueOf(0x10), Date.from(NOW.plusSeconds(5)), (Extensions) null);
    standardExtensions(builder, BigInteger.TEN, false);

    assertThat(errors(authority.signCrlForLint(builder), shardScope(Optional.empty())))
        .containsExactly("e_crl_unique_revoked_certificate", "e_crl_revocation_time_after_this_update");
  }

  @Test
  void aCrlWithoutNumberAkiOrPartitionIsRefused() {
    X509v2CRLBuilder builder = bare(authority.issuingCertificate(), NOW.plus(Duration.ofDays(7)));

    assertThat(errors(authority.signCrlForLint(builder), shardScope(Optional.empty())))
        .containsExactly("e_crl_missing_crl_number", "e_crl_has_authority_key_identifier");
  }

  @Test
  void aPartitionedCrlWithoutItsIssuingDistributionPointIsRefused() throws Exception {
    X509v2CRLBuilder builder = bare(authority.issuingCertificate(), NOW.plus(Duration.ofDays(7)));
    builder.addExtension(Extension.authorityKeyIdentifier, false, akiOf(authority.issuingCertificate()));
    builder.addExtension(Extension.cRLNumber, true, new CRLNumber(BigInteger.TEN));

    assertThat(errors(authority.signCrlForLint(builder), shardScope(Optional.empty())))
        .containsExactly("e_crl_extensions_validity", "e_crl_idp_missing_partitioned");
  }

  @Test
  void anotherCasNameAsIssuerIsRefused() {
    X509CRLHolder crl = authority.signCrlForLint(shard(BigInteger.TEN, Duration.ofDays(7), List.of()).unsigned());
    CrlLint.Scope rootScope = new CrlLint.Scope(authority.rootCertificate(), true, Optional.of(partition), Optional.empty(), NOW);

    assertThat(errors(crl, rootScope)).containsExactly("e_crl_issuer_mismatch", "e_crl_aki_mismatch");
  }

  @Test
  void aPermittedAlgorithmTheIssuingKeyDoesNotSignWithIsRefused() throws Exception {
    // BR 7.1.3.2.2: the issuing CA's P-384 key signs with SHA-384; ecdsa-with-SHA256 is a
    // permitted encoding, but not for that key.
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    X509CRLHolder crl =
        shard(BigInteger.TEN, Duration.ofDays(7), List.of()).unsigned()
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(generator.generateKeyPair().getPrivate()));

    assertThat(errors(crl, shardScope(Optional.empty()))).containsExactly("e_crl_signature_algorithm_not_for_issuing_key");
  }

  @Test
  void anEcdsaIdentifierWithParametersIsNotThePermittedEncoding() throws Exception {
    // BR 7.1.3.2 lists the encodings byte for byte: ecdsa-with-SHA384 carries no parameters, so
    // the same OID with a NULL is none of them (an OID check let it through).
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    org.bouncycastle.operator.ContentSigner real =
        new JcaContentSignerBuilder("SHA384withECDSA").build(generator.generateKeyPair().getPrivate());
    org.bouncycastle.operator.ContentSigner withNull =
        new org.bouncycastle.operator.ContentSigner() {
          @Override
          public org.bouncycastle.asn1.x509.AlgorithmIdentifier getAlgorithmIdentifier() {
            return new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                org.bouncycastle.asn1.x9.X9ObjectIdentifiers.ecdsa_with_SHA384, org.bouncycastle.asn1.DERNull.INSTANCE);
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
    X509CRLHolder crl = shard(BigInteger.TEN, Duration.ofDays(7), List.of()).unsigned().build(withNull);

    assertThat(errors(crl, shardScope(Optional.empty()))).containsExactly("e_crl_signature_algorithm_not_supported");
  }

  @Test
  void aSha1SignatureIsRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    X509CRLHolder crl =
        shard(BigInteger.TEN, Duration.ofDays(7), List.of()).unsigned()
            .build(new JcaContentSignerBuilder("SHA1withECDSA").build(generator.generateKeyPair().getPrivate()));

    assertThat(errors(crl, shardScope(Optional.empty()))).containsExactly("e_crl_signature_algorithm_not_supported");
  }

  private static X509v2CRLBuilder bare(java.security.cert.X509Certificate issuer, Instant nextUpdate) {
    X509v2CRLBuilder builder =
        new X509v2CRLBuilder(X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()), Date.from(NOW));
    builder.setNextUpdate(Date.from(nextUpdate));
    return builder;
  }

  private void standardExtensions(X509v2CRLBuilder builder, BigInteger number, boolean numberCritical) {
    try {
      builder.addExtension(Extension.authorityKeyIdentifier, false, akiOf(authority.issuingCertificate()));
      builder.addExtension(Extension.cRLNumber, numberCritical, new CRLNumber(number));
      CrlContent withIdp = shard(number, Duration.ofDays(7), List.of());
      builder.addExtension(
          authority.signCrlForLint(withIdp.unsigned()).getExtension(Extension.issuingDistributionPoint));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static AuthorityKeyIdentifier akiOf(java.security.cert.X509Certificate issuer) {
    byte[] ski = issuer.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    return new AuthorityKeyIdentifier(
        org.bouncycastle.asn1.x509.SubjectKeyIdentifier.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(ski).getOctets())
            .getKeyIdentifier());
  }

  private static Extensions reason(int code, boolean critical) throws Exception {
    ExtensionsGenerator extensions = new ExtensionsGenerator();
    extensions.addExtension(Extension.reasonCode, critical, CRLReason.lookup(code));
    return extensions.generate();
  }
}
