package org.cabackoffice.issuance;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
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
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 12: signing a subscriber certificate as {@link CertificateIssuer#issue} does it (steps 4
 * and 6: the TBS signed with the throwaway lint key, {@link PreIssuanceLint} on it, the TBS signed
 * with the issuing key, then {@link CertificateIssuer#confirmSignedAsLinted}: same TBS, signature
 * verifies) against raw Bouncy Castle signing of the same TBS with the same issuing key
 * ({@code X509v3CertificateBuilder.build} with a {@code JcaContentSignerBuilder}), nothing else.
 *
 * <p>The issuing CA is the development one ({@link DevelopmentCa}: P-384, SHA384withECDSA) in a
 * PKCS#12 file made in a temporary directory; the certificate is an OV one for an RSA-2048 key
 * with the extensions of {@code CertificateIssuer.subscriberTbs}. What issuance adds around
 * these steps (database records, the CRL shard, Certificate Transparency) is not in the figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

  private static final String PASSWORD = "bench";

  private Path dir;
  private CertificateAuthority authority;
  private final PreIssuanceLint lint = new PreIssuanceLint();
  private X509v3CertificateBuilder tbs;
  private PrivateKey issuingKey;
  private String algorithm;

  @Setup
  public void makeCa() throws Exception {
    dir = Files.createTempDirectory("signing-bench");
    Path keystore = dir.resolve("ca/dev-ca.p12");
    authority = new CertificateAuthority(
        CaProperties.developmentCa(PASSWORD, null), Clock.systemUTC(), keystore, "http://ca.example.jp/ca/issuing-ca.crt");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    issuingKey = (PrivateKey) store.getKey(CaKeyStore.ISSUING_ALIAS, PASSWORD.toCharArray());
    algorithm = authority.signatureAlgorithm();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair subscriber = generator.generateKeyPair();
    tbs = subscriberTbs(SubjectPublicKeyInfo.getInstance(subscriber.getPublic().getEncoded()));
    List<LintFinding> findings = lint.check(authority.signForLint(tbs), authority.issuingCertificate(), CertificateProfile.OV);
    if (PreIssuanceLint.hasErrors(findings)) {
      // A refused TBS would measure an early exit, not issuance.
      throw new IllegalStateException("the benchmark's TBS does not pass lint: " + findings);
    }
  }

  @TearDown
  public void removeCa() throws Exception {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Raw Bouncy Castle: one signature of the TBS with the issuing key. */
  @Benchmark
  public X509CertificateHolder raw() throws Exception {
    return tbs.build(new JcaContentSignerBuilder(algorithm).build(issuingKey));
  }

  /** The CA's path: lint signature, lint, the issuing key's signature, the signed-as-linted check. */
  @Benchmark
  public X509Certificate withLint() {
    X509Certificate linted = authority.signForLint(tbs);
    List<LintFinding> findings = lint.check(linted, authority.issuingCertificate(), CertificateProfile.OV);
    if (PreIssuanceLint.hasErrors(findings)) {
      throw new LintFailedException(findings);
    }
    X509Certificate certificate = authority.sign(tbs);
    CertificateIssuer.confirmSignedAsLinted(certificate, linted, authority);
    return certificate;
  }

  CertificateAuthority authority() {
    return authority;
  }

  X509v3CertificateBuilder tbs() {
    return tbs;
  }

  /** As CertificateIssuer.subscriberTbs builds it for an OV certificate (BR 7.1.2.7). */
  private X509v3CertificateBuilder subscriberTbs(SubjectPublicKeyInfo subjectKey) {
    Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
    subject.addRDN(BCStyle.C, new DERPrintableString("JP"));
    subject.addRDN(BCStyle.ST, new DERUTF8String("Tokyo"));
    subject.addRDN(BCStyle.L, new DERUTF8String("Chuo-ku"));
    subject.addRDN(BCStyle.O, new DERUTF8String("Sample K.K."));
    subject.addRDN(BCStyle.CN, new DERUTF8String("www.sample.co.jp"));
    X509v3CertificateBuilder tbs = new X509v3CertificateBuilder(
        authority.issuerName(),
        CertificateSerial.random(new SecureRandom()),
        Date.from(notBefore),
        Date.from(CertificateLifetime.notAfter(notBefore)),
        subject.build(),
        subjectKey);
    CertificateAuthority.add(tbs, Extension.authorityKeyIdentifier, false, authority.authorityKeyIdentifier());
    CertificateAuthority.add(tbs, Extension.basicConstraints, true, new BasicConstraints(false));
    CertificateAuthority.add(tbs, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
    CertificateAuthority.add(tbs, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    CertificateAuthority.add(tbs, Extension.certificatePolicies, false,
        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(CertificateProfile.OV.policyOid()))));
    PublicationUrls urls = authority.publicationUrls();
    List<AccessDescription> access = new ArrayList<>();
    urls.ocsp().ifPresent(ocsp -> access.add(
        new AccessDescription(AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocsp))));
    access.add(new AccessDescription(
        AccessDescription.id_ad_caIssuers, new GeneralName(GeneralName.uniformResourceIdentifier, urls.caIssuers())));
    CertificateAuthority.add(tbs, Extension.authorityInfoAccess, false,
        new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)));
    CertificateAuthority.add(tbs, Extension.cRLDistributionPoints, false, CertificateAuthority.distributionPoints(urls.crl(0)));
    CertificateAuthority.add(tbs, Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
      new GeneralName(GeneralName.dNSName, "www.sample.co.jp"), new GeneralName(GeneralName.dNSName, "sample.co.jp")}));
    return tbs;
  }
}
