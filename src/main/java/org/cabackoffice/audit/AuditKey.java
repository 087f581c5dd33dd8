package org.cabackoffice.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit key: signs what auditors take away (the evidence bundle's manifest) so a copy can be
 * checked without the back office, with {@code openssl cms -verify}. Held like the CA keys, in a
 * PKCS#12 keystore under the data directory with the CA keystore's password, and never the CA's
 * issuing key: BR 6.1.7 keeps a CA key to certificates, CRLs and OCSP. A missing file in the
 * development setup is created with a self-signed certificate; the key never leaves this class.
 */
@Component
public class AuditKey {

  static final String ALIAS = "audit";
  private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

  private final PrivateKey key;
  private final X509Certificate certificate;

  public AuditKey(
      @Value("${backoffice.data-dir:./data}") String dataDir,
      @Value("${backoffice.audit.keystore-path:}") String keystorePath,
      @Value("${backoffice.ca.keystore-password:}") String password,
      @Value("${backoffice.audit.create-if-missing:true}") boolean createIfMissing,
      Clock clock) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("backoffice.ca.keystore-password is required: it protects the audit keystore too");
    }
    Path path = keystorePath.isBlank() ? Path.of(dataDir, "audit", "audit-key.p12") : Path.of(keystorePath);
    char[] secret = password.toCharArray();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      if (Files.exists(path)) {
        try (InputStream in = Files.newInputStream(path)) {
          store.load(in, secret);
        }
      } else if (!createIfMissing) {
        // Nodes sharing a database must sign with one key: a wrong path fails, it does not mint one.
        throw new IllegalStateException(
            "the audit keystore " + path.toAbsolutePath() + " does not exist and backoffice.audit.create-if-missing is false");
      } else {
        store.load(null, secret);
        created(store, secret, clock.instant());
        write(store, path, secret);
        log.info("Created the audit key at {}", path.toAbsolutePath());
      }
      if (!(store.getKey(ALIAS, secret) instanceof PrivateKey k)
          || !(store.getCertificate(ALIAS) instanceof X509Certificate c)) {
        throw new IllegalStateException("the audit keystore " + path + " has no key under alias " + ALIAS);
      }
      this.key = k;
      this.certificate = c;
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("cannot open the audit keystore: " + e.getMessage(), e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /** The certificate that verifies the audit key's signatures, PEM. */
  public String certificatePem() {
    try {
      String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
      return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A detached CMS SignedData (RFC 5652, DER) over {@code content}, carrying the certificate. */
  public byte[] signDetached(byte[] content) {
    try {
      ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(signer, certificate));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      return generator.generate(new CMSProcessableByteArray(content), false).getEncoded();
    } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
      throw new IllegalStateException("cannot sign with the audit key: " + e.getMessage(), e);
    }
  }

  private static void created(KeyStore store, char[] secret, Instant now)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=CA Back Office audit key (development), O=CA Back Office, C=JP");
    JcaX509v3CertificateBuilder tbs =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()).setBit(63),
            Date.from(now.minus(Duration.ofMinutes(5))),
            // Bundles are kept as long as the records (BR 5.5.2): the key outlives them.
            Date.from(now.plus(Duration.ofDays(3650))),
            subject,
            pair.getPublic());
    tbs.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    tbs.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    X509Certificate cert =
        new JcaX509CertificateConverter()
            .getCertificate(tbs.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    store.setKeyEntry(ALIAS, pair.getPrivate(), secret, new Certificate[] {cert});
  }

  private static void write(KeyStore store, Path path, char[] secret) throws IOException, GeneralSecurityException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    try (OutputStream out = Files.newOutputStream(path)) {
      store.store(out, secret);
    }
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the directory's permissions protect it
    }
  }
}
