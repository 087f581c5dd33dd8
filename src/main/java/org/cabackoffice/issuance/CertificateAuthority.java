package org.cabackoffice.issuance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
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
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CA's keys: a root and the issuing CA it certified, held in a {@link KeyStore}. The private
 * keys never leave this class; callers get certificates and a signature over a TBS they built.
 * The keystore type is configuration, so the development PKCS#12 file and a production HSM
 * (PKCS#11) are the same code.
 *
 * <p>When the development keystore does not exist it is created on first start: a root CA
 * following the BR 7.1.2.1 profile and an issuing CA following the TLS subordinate CA profile of
 * BR 7.1.2.6, both EC P-384 signed with SHA384withECDSA (BR 6.1.5, 7.1.3.2).
 */
@Component
public class CertificateAuthority {

  static final String ROOT_ALIAS = "root-ca";
  static final String ISSUING_ALIAS = "issuing-ca";
  static final int ROOT_YEARS = 20;
  static final int ISSUING_YEARS = 5;

  private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);

  private final X509Certificate root;
  private final X509Certificate issuing;
  private final PrivateKey issuingKey;
  private final String signatureAlgorithm;
  private final KeyPair lintKeyPair;
  private final String caIssuersUrl;

  @Autowired
  public CertificateAuthority(
      CaProperties properties,
      Clock clock,
      @Value("${backoffice.data-dir:./data}") String dataDir,
      @Value("${backoffice.base-url:http://localhost:8080}") String baseUrl) {
    this(
        properties,
        clock,
        blank(properties.keystorePath())
            ? Path.of(dataDir, "ca", "dev-ca.p12")
            : Path.of(properties.keystorePath()),
        blank(properties.issuerUrl())
            ? stripSlash(baseUrl) + "/ca/issuing-ca.crt"
            : properties.issuerUrl());
  }

  CertificateAuthority(CaProperties properties, Clock clock, Path keystorePath, String caIssuersUrl) {
    if (blank(properties.keystorePassword())) {
      throw new IllegalStateException(
          "backoffice.ca.keystore-password is required: it protects the CA keystore ("
              + properties.keystoreType()
              + (isPkcs11(properties) ? ")" : " at " + keystorePath.toAbsolutePath() + ")"));
    }
    char[] password = properties.keystorePassword().toCharArray();
    try {
      KeyStore keyStore = openKeyStore(properties, clock, keystorePath, password);
      this.root = certificate(keyStore, ROOT_ALIAS);
      this.issuing = certificate(keyStore, ISSUING_ALIAS);
      if (!(keyStore.getKey(ISSUING_ALIAS, password) instanceof PrivateKey key)) {
        throw new IllegalStateException("the CA keystore has no private key under " + ISSUING_ALIAS);
      }
      this.issuingKey = key;
      this.signatureAlgorithm = signatureAlgorithmFor(issuing.getPublicKey());
      this.lintKeyPair = keyPairLike(issuing.getPublicKey());
    } catch (GeneralSecurityException | IOException e) {
      // The message of a wrong password is "keystore password was incorrect"; never the password.
      throw new IllegalStateException("cannot open the CA keystore: " + e.getMessage(), e);
    } finally {
      Arrays.fill(password, '\0');
    }
    this.caIssuersUrl = caIssuersUrl;
  }

  /** The certificate of the issuing CA, the one that signs subscriber certificates. */
  public X509Certificate issuingCertificate() {
    return issuing;
  }

  public X509Certificate rootCertificate() {
    return root;
  }

  /** The chain above a subscriber certificate: issuing CA, then root. */
  public List<X509Certificate> chain() {
    return List.of(issuing, root);
  }

  /** Where relying parties fetch the issuing CA certificate (AIA caIssuers, BR 7.1.2.7.7). */
  public String caIssuersUrl() {
    return caIssuersUrl;
  }

  /** The issuing CA's subject, which is the issuer of every certificate it signs (RFC 5280). */
  X500Name issuerName() {
    return X500Name.getInstance(issuing.getSubjectX500Principal().getEncoded());
  }

  /** AKI of certificates the issuing CA signs: keyIdentifier only (BR 7.1.2.11.1). */
  AuthorityKeyIdentifier authorityKeyIdentifier() {
    return new AuthorityKeyIdentifier(subjectKeyIdentifier(issuing));
  }

  String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /**
   * Signs the TBS with a throwaway key of the issuing key's type, for pre-issuance linting: the
   * result has the same TBS bytes as the real certificate would, but no relying party could
   * mistake it for one (its signature verifies under no CA key).
   */
  X509Certificate signForLint(X509v3CertificateBuilder tbs) {
    return toCertificate(tbs.build(signer(lintKeyPair.getPrivate())));
  }

  /** Signs the TBS with the issuing CA's key. Only call this after the TBS passed lint. */
  X509Certificate sign(X509v3CertificateBuilder tbs) {
    return toCertificate(tbs.build(signer(issuingKey)));
  }

  /**
   * Signs a fresh random challenge with the issuing key and checks it under the issuing CA
   * certificate: the key is there (an HSM session too) and is the certificate's. For readiness.
   *
   * @throws GeneralSecurityException when the key cannot sign or its signature does not verify
   */
  void proveIssuingKey() throws GeneralSecurityException {
    byte[] challenge = new byte[32];
    new SecureRandom().nextBytes(challenge);
    Signature signer = Signature.getInstance(signatureAlgorithm);
    signer.initSign(issuingKey);
    signer.update(challenge);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(signatureAlgorithm);
    verifier.initVerify(issuing.getPublicKey());
    verifier.update(challenge);
    if (!verifier.verify(signature)) {
      throw new SignatureException(
          "the issuing key does not match the issuing CA certificate");
    }
  }

  static byte[] subjectKeyIdentifier(X509Certificate certificate) {
    byte[] extension = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
    if (extension == null) {
      throw new IllegalStateException(
          "CA certificate " + certificate.getSubjectX500Principal() + " has no subjectKeyIdentifier");
    }
    return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
        .getKeyIdentifier();
  }

  private ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(signatureAlgorithm).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with " + signatureAlgorithm, e);
    }
  }

  private static X509Certificate toCertificate(X509CertificateHolder holder) {
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the signed certificate does not parse", e);
    }
  }

  private static KeyStore openKeyStore(
      CaProperties properties, Clock clock, Path path, char[] password)
      throws GeneralSecurityException, IOException {
    if (isPkcs11(properties)) {
      // An HSM's keys are made in a key ceremony, never by the application: only load.
      KeyStore keyStore = pkcs11KeyStore(properties);
      keyStore.load(null, password);
      return keyStore;
    }
    KeyStore keyStore = KeyStore.getInstance(properties.keystoreType());
    if (Files.exists(path)) {
      try (InputStream in = Files.newInputStream(path)) {
        keyStore.load(in, password);
      }
      log.info("Loaded the CA keystore {}", path.toAbsolutePath());
      return keyStore;
    }
    if (!properties.createIfMissing()) {
      throw new IllegalStateException(
          "the CA keystore "
              + path.toAbsolutePath()
              + " does not exist and backoffice.ca.create-if-missing is false");
    }
    keyStore.load(null, password);
    createDevelopmentCa(keyStore, properties, clock, password);
    Files.createDirectories(path.toAbsolutePath().getParent());
    // Written beside the target and moved, so a crash never leaves half a keystore behind.
    Path partial = path.resolveSibling(path.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      }
      keyStore.store(out, password);
    }
    Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    log.warn(
        "Created a new development CA in {}: its root is trusted by nobody but this installation",
        path.toAbsolutePath());
    return keyStore;
  }

  private static KeyStore pkcs11KeyStore(CaProperties properties) throws GeneralSecurityException {
    if (blank(properties.pkcs11Config())) {
      return KeyStore.getInstance("PKCS11"); // a provider configured in java.security
    }
    Provider base = Security.getProvider("SunPKCS11");
    if (base == null) {
      throw new IllegalStateException("this JDK has no SunPKCS11 provider for backoffice.ca.pkcs11-config");
    }
    Provider hsm = base.configure(properties.pkcs11Config());
    Security.addProvider(hsm);
    return KeyStore.getInstance("PKCS11", hsm);
  }

  private static void createDevelopmentCa(
      KeyStore keyStore, CaProperties properties, Clock clock, char[] password)
      throws GeneralSecurityException, IOException {
    SecureRandom random = new SecureRandom();
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

    KeyPair rootKeys = p384();
    X500Name rootName = name(properties.rootSubject());
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
    add(rootTbs, Extension.basicConstraints, true, new BasicConstraints(true));
    add(rootTbs, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    add(
        rootTbs,
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(rootKeys.getPublic()));
    X509Certificate rootCertificate = signedBy(rootTbs, rootKeys.getPrivate());

    KeyPair issuingKeys = p384();
    X509v3CertificateBuilder issuingTbs =
        new X509v3CertificateBuilder(
            rootName,
            CertificateSerial.random(random),
            Date.from(now),
            Date.from(yearsLater(now, ISSUING_YEARS)),
            name(properties.issuingSubject()),
            SubjectPublicKeyInfo.getInstance(issuingKeys.getPublic().getEncoded()));
    // BR 7.1.2.6 (TLS subordinate CA): cA with pathLen 0 (it signs only end-entity certificates),
    // keyUsage keyCertSign + cRLSign critical, EKU serverAuth, AKI keyIdentifier only
    // (7.1.2.11.1), SKI, and the reserved policy OIDs of what it issues (7.1.2.10.5).
    add(issuingTbs, Extension.basicConstraints, true, new BasicConstraints(0));
    add(issuingTbs, Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    add(issuingTbs, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    add(
        issuingTbs,
        Extension.authorityKeyIdentifier,
        false,
        new AuthorityKeyIdentifier(subjectKeyIdentifier(rootCertificate)));
    add(
        issuingTbs,
        Extension.subjectKeyIdentifier,
        false,
        extensions.createSubjectKeyIdentifier(issuingKeys.getPublic()));
    add(
        issuingTbs,
        Extension.certificatePolicies,
        false,
        new CertificatePolicies(
            new PolicyInformation[] {
              new PolicyInformation(new ASN1ObjectIdentifier(CertificateProfile.OV.policyOid())),
              new PolicyInformation(new ASN1ObjectIdentifier(CertificateProfile.EV.policyOid()))
            }));
    X509Certificate issuingCertificate = signedBy(issuingTbs, rootKeys.getPrivate());

    keyStore.setKeyEntry(ROOT_ALIAS, rootKeys.getPrivate(), password, new Certificate[] {rootCertificate});
    keyStore.setKeyEntry(
        ISSUING_ALIAS,
        issuingKeys.getPrivate(),
        password,
        new Certificate[] {issuingCertificate, rootCertificate});
  }

  private static X509Certificate signedBy(X509v3CertificateBuilder tbs, PrivateKey key) {
    try {
      return toCertificate(tbs.build(new JcaContentSignerBuilder("SHA384withECDSA").build(key)));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with SHA384withECDSA", e);
    }
  }

  static void add(
      X509v3CertificateBuilder tbs,
      ASN1ObjectIdentifier oid,
      boolean critical,
      org.bouncycastle.asn1.ASN1Encodable value) {
    try {
      tbs.addExtension(oid, critical, value);
    } catch (CertIOException e) {
      throw new IllegalStateException("cannot encode extension " + oid, e);
    }
  }

  /** RFC 4514 text to a DN encoded most significant first (C, O, CN; BR 7.1.4.2). */
  static X500Name name(String rfc4514) {
    return X500Name.getInstance(new X500Principal(rfc4514).getEncoded());
  }

  private static Instant yearsLater(Instant from, int years) {
    return from.atOffset(ZoneOffset.UTC).plusYears(years).minusSeconds(1).toInstant();
  }

  private static KeyPair p384() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    return generator.generateKeyPair();
  }

  private static KeyPair keyPairLike(PublicKey key) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(key.getAlgorithm());
    if (key instanceof ECPublicKey ec) {
      generator.initialize(ec.getParams());
    } else if (key instanceof RSAPublicKey rsa) {
      generator.initialize(rsa.getModulus().bitLength());
    } else {
      throw new IllegalStateException("unsupported issuing key type " + key.getAlgorithm());
    }
    return generator.generateKeyPair();
  }

  /** BR 7.1.3.2: the signature algorithm follows the issuing key (P-384 → SHA-384). */
  private static String signatureAlgorithmFor(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      return ec.getParams().getOrder().bitLength() > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }
    if (key instanceof RSAPublicKey) {
      return "SHA256withRSA";
    }
    throw new IllegalStateException("unsupported issuing key type " + key.getAlgorithm());
  }

  private static X509Certificate certificate(KeyStore keyStore, String alias)
      throws GeneralSecurityException {
    if (!(keyStore.getCertificate(alias) instanceof X509Certificate certificate)) {
      throw new IllegalStateException("the CA keystore has no certificate under alias " + alias);
    }
    return certificate;
  }

  private static boolean isPkcs11(CaProperties properties) {
    return "PKCS11".equals(properties.keystoreType().toUpperCase(Locale.ROOT));
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
