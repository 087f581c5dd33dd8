package org.cabackoffice.auditlog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit key: an EC P-256 key in its own PKCS#12 file beside the CA keystore, so the issuing
 * CA's key is never used for anything but certificates and CRLs. The private key never leaves this
 * class; callers get signatures and the certificate, which auditors fetch to check checkpoints.
 */
public final class AuditKey {

  static final String ALIAS = "audit-log";

  private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

  private final PrivateKey key;
  private final X509Certificate certificate;

  private AuditKey(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  /**
   * Opens the PKCS#12 file, creating a new key and self-signed certificate in a missing one when
   * allowed.
   *
   * @throws IllegalStateException no password, a wrong one, or a missing file that may not be
   *     created; the message never carries the password
   */
  public static AuditKey open(Path path, String password, boolean createIfMissing, String subject, Clock clock) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("backoffice.audit-log.keystore-password is required: it protects " + path);
    }
    char[] secret = password.toCharArray();
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      if (Files.exists(path)) {
        try (InputStream in = Files.newInputStream(path)) {
          keyStore.load(in, secret);
        }
      } else if (createIfMissing) {
        keyStore.load(null, secret);
        create(keyStore, subject, clock, secret);
        store(keyStore, path, secret);
        log.warn("Created a new audit key in {}: publish its certificate to the auditors", path.toAbsolutePath());
      } else {
        throw new IllegalStateException(
            "the audit keystore " + path.toAbsolutePath() + " does not exist and may not be created");
      }
      if (!(keyStore.getKey(ALIAS, secret) instanceof PrivateKey privateKey)
          || !(keyStore.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
        throw new IllegalStateException("the audit keystore has no key and certificate under " + ALIAS);
      }
      return new AuditKey(privateKey, certificate);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open the audit keystore: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit keystore " + path, e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** The certificate in PEM, as {@code openssl x509} reads it. */
  public String certificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the audit certificate cannot be encoded", e);
    }
  }

  /**
   * A detached CMS SignedData (RFC 5652, DER) over {@code content}, carrying the certificate: the
   * signature of an evidence bundle's manifest, which {@code openssl cms -verify} checks.
   */
  public byte[] signDetached(byte[] content) {
    try {
      org.bouncycastle.operator.ContentSigner signer =
          new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withECDSA").build(key);
      org.bouncycastle.cms.CMSSignedDataGenerator generator =
          new org.bouncycastle.cms.CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder(
                  new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build())
              .build(signer, certificate));
      generator.addCertificates(new org.bouncycastle.cert.jcajce.JcaCertStore(List.of(certificate)));
      return generator
          .generate(new org.bouncycastle.cms.CMSProcessableByteArray(content), false)
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign with the audit key: " + e.getMessage(), e);
    }
  }

  /** A checkpoint over row {@code seq}'s hash, signed now. */
  public AuditCheckpoint checkpoint(long seq, String rowHash, Instant signedAt) {
    Instant at = AuditChain.storable(signedAt);
    try {
      Signature signer = Signature.getInstance(AuditCheckpoint.SIGNATURE_ALGORITHM);
      signer.initSign(key);
      signer.update(AuditCheckpoint.signedText(seq, rowHash, at).getBytes(StandardCharsets.UTF_8));
      return new AuditCheckpoint(seq, rowHash, at, Base64.getEncoder().encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign an audit checkpoint", e);
    }
  }

  /** Reads a PEM or DER certificate, as the offline verifier is given it. */
  public static X509Certificate readCertificate(byte[] pemOrDer) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(pemOrDer));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  private static void create(KeyStore keyStore, String subject, Clock clock, char[] password)
      throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Instant now = clock.instant();
    X500Name name = new X500Name(subject);
    byte[] serial = new byte[16];
    new SecureRandom().nextBytes(serial);
    JcaX509v3CertificateBuilder tbs =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(1, serial),
            Date.from(now.minusSeconds(60)),
            // Checkpoints are checked as long as the log is kept (README, Audit log): ten years.
            Date.from(now.atOffset(ZoneOffset.UTC).plusYears(10).toInstant()),
            name,
            keys.getPublic());
    try {
      tbs.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      tbs.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new java.io.ByteArrayInputStream(
                          tbs.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
                              .getEncoded()));
      keyStore.setKeyEntry(ALIAS, keys.getPrivate(), password, new Certificate[] {certificate});
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make the audit certificate", e);
    }
  }

  /** Written beside the target and moved, so a crash never leaves half a keystore behind. */
  private static void store(KeyStore keyStore, Path path, char[] password)
      throws GeneralSecurityException, IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Path partial = path.resolveSibling(path.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      }
      keyStore.store(out, password);
    }
    Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
