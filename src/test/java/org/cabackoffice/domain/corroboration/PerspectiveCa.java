package org.cabackoffice.domain.corroboration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A perspective CA made at test time with Bouncy Castle, as the README has the operator make one
 * with openssl: a self-signed root, server certificates for the perspectives (the loopback address
 * each listens on, and localhost) and client certificates for the primary, as PKCS#12 files in a temporary directory.
 */
public final class PerspectiveCa {

  public static final String PASSWORD = "changeit";

  private final Path dir;
  private final String name;
  private final KeyPair key;
  private final X509Certificate certificate;
  private final SecureRandom random = new SecureRandom();

  public PerspectiveCa(String name) {
    this.name = name;
    try {
      dir = Files.createTempDirectory("perspective-ca");
      key = newKey();
      X500Name subject = new X500Name("CN=" + name);
      JcaX509v3CertificateBuilder builder = builder(subject, subject, key);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      certificate = sign(builder, key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The perspective's key and certificate (serverAuth) for the address it listens on, as PKCS#12:
   * the primary checks the IP address in its URL against the certificate's iPAddress SAN, as it
   * would a host name against a dNSName.
   */
  public Path serverKeyStore(String perspectiveId, String address) {
    return keyStore(perspectiveId, KeyPurposeId.id_kp_serverAuth, address);
  }

  /** The primary's key and certificate (clientAuth), as PKCS#12. */
  public Path clientKeyStore(String clientName) {
    return keyStore(clientName, KeyPurposeId.id_kp_clientAuth, "127.0.0.1");
  }

  /** The CA's certificate alone, as a PKCS#12 trust store. */
  public Path trustStore() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setCertificateEntry(name, certificate);
      return write(store, name + "-trust.p12");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path keyStore(String cn, KeyPurposeId purpose, String address) {
    try {
      KeyPair pair = newKey();
      JcaX509v3CertificateBuilder builder = builder(new X500Name("CN=" + name), new X500Name("CN=" + cn), pair);
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.iPAddress, address), new GeneralName(GeneralName.dNSName, "localhost")
          }));
      X509Certificate leaf = sign(builder, key);
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(cn, pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {leaf, certificate});
      return write(store, cn + ".p12");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  private JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair subjectKey) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, random).add(BigInteger.ONE),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        subjectKey.getPublic());
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
  }

  private static KeyPair newKey() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private Path write(KeyStore store, String file) throws IOException, GeneralSecurityException {
    Path path = dir.resolve(file);
    try (OutputStream out = Files.newOutputStream(path)) {
      store.store(out, PASSWORD.toCharArray());
    }
    return path;
  }
}
