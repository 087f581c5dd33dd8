package org.cabackoffice.automationtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
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
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key of the automation test's ACME account: one account serves every renewal, so the CA's
 * own test does not leave an account and a used EAB credential behind each run (RFC 8555 7.3.1
 * finds the account again by its key). The P-256 key lives in a PKCS#12 file of its own, as the
 * audit key does, protected by the CA keystore's password; a PKCS#12 entry needs a certificate, so
 * the key carries a self-signed one that nothing else uses. The private key is read from the file
 * to sign JWS and is never written anywhere else or logged.
 */
final class AutomationTestAccountKey {

  static final String ALIAS = "acme-account";
  private static final String SUBJECT = "CN=ACME account key of the automation test";

  private final Path path;
  private final String password;
  private final Clock clock;

  AutomationTestAccountKey(Path path, String password, Clock clock) {
    this.path = path;
    this.password = password;
    this.clock = clock;
  }

  /**
   * The stored key, or a new one stored now when there is none yet (the first run).
   *
   * @throws IllegalStateException no password, a wrong one, or an unreadable file; the message
   *     never carries the password
   */
  synchronized KeyPair current() {
    if (Files.exists(path)) {
      return load();
    }
    return replace();
  }

  /** A new key in place of the stored one, whose account was deactivated (RFC 8555 7.3.6). */
  synchronized KeyPair replace() {
    char[] secret = secret();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair key = generator.generateKeyPair();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, secret);
      store.setKeyEntry(ALIAS, key.getPrivate(), secret, new Certificate[] {selfSigned(key)});
      store(store, secret);
      return key;
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot make the automation test's ACME account key: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the automation test's ACME account key store " + path, e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private KeyPair load() {
    char[] secret = secret();
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, secret);
      if (!(store.getKey(ALIAS, secret) instanceof PrivateKey key)
          || !(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
        throw new IllegalStateException("the automation test's ACME account key store " + path + " has no key under " + ALIAS);
      }
      return new KeyPair(certificate.getPublicKey(), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open the automation test's ACME account key store " + path + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the automation test's ACME account key store " + path
          + " (a wrong password reads as a damaged file): " + e.getMessage(), e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private char[] secret() {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "backoffice.ca.keystore-password is required: it protects the automation test's ACME account key (" + path + ")");
    }
    return password.toCharArray();
  }

  private X509Certificate selfSigned(KeyPair key) throws OperatorCreationException, GeneralSecurityException, IOException {
    Instant now = clock.instant();
    byte[] serial = new byte[16];
    new SecureRandom().nextBytes(serial);
    X500Name name = new X500Name(SUBJECT);
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        name, new BigInteger(1, serial), Date.from(now.minusSeconds(60)),
        Date.from(now.atOffset(ZoneOffset.UTC).plusYears(10).toInstant()), name, key.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
  }

  /** Readable by the owner only, written beside the target and moved: a crash leaves the old key or the new. */
  private void store(KeyStore store, char[] secret) throws GeneralSecurityException, IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Path partial = path.resolveSibling(path.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
      }
      store.store(out, secret);
    }
    Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
