package org.cabackoffice.issuance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the CA's keys live: a {@link KeyStore} of the configured type, the development PKCS#12
 * file or an HSM through PKCS#11, so both are the same code. The issuing CA's private key never
 * leaves this class: callers get the certificates and a {@link ContentSigner} that uses the key.
 * A missing PKCS#12 file becomes a {@link DevelopmentCa} when {@code create-if-missing} allows it.
 */
final class CaKeyStore {

  static final String ROOT_ALIAS = "root-ca";
  static final String ISSUING_ALIAS = "issuing-ca";
  /** The delegated OCSP responder's key (RFC 6960 4.2.2.2); its certificates live in the database. */
  static final String OCSP_RESPONDER_ALIAS = "ocsp-responder";

  private static final Logger log = LoggerFactory.getLogger(CaKeyStore.class);

  private final X509Certificate root;
  private final X509Certificate issuing;
  // The keys are replaced when a PKCS#11 token is opened anew after it failed (reopen()).
  private volatile PrivateKey issuingKey;
  /** Absent when the root is offline (a production CA): then no ARL is signed here. */
  private volatile PrivateKey rootKey;
  /** Absent in a token that was not given one in the key ceremony: then no OCSP is answered. */
  private volatile PrivateKey responderKey;
  private final PublicKey responderPublicKey;
  /** The PKCS#11 provider and its configuration, to open the token again; null for a file. */
  private final Provider token;
  private final CaProperties tokenProperties;
  /** A signature in the token failed: the next signer opens the token again first. */
  private volatile boolean tokenFailed;

  private CaKeyStore(
      X509Certificate root,
      X509Certificate issuing,
      PrivateKey issuingKey,
      PrivateKey rootKey,
      PrivateKey responderKey,
      PublicKey responderPublicKey,
      Provider token,
      CaProperties tokenProperties) {
    this.root = root;
    this.issuing = issuing;
    this.issuingKey = issuingKey;
    this.rootKey = rootKey;
    this.responderKey = responderKey;
    this.responderPublicKey = responderPublicKey;
    this.token = token;
    this.tokenProperties = tokenProperties;
  }

  /**
   * Opens the keystore, creating the development CA in a missing file when allowed.
   *
   * @throws IllegalStateException no password, a wrong one, a missing file that may not be
   *     created, or entries missing; the message never carries the password
   */
  static CaKeyStore open(CaProperties properties, Clock clock, Path keystorePath, String arlUrl) {
    if (blank(properties.keystorePassword())) {
      throw new IllegalStateException(
          "backoffice.ca.keystore-password is required: it protects the CA keystore ("
              + properties.keystoreType()
              + (isPkcs11(properties) ? ")" : " at " + keystorePath.toAbsolutePath() + ")"));
    }
    char[] password = properties.keystorePassword().toCharArray();
    try {
      KeyStore keyStore = load(properties, clock, keystorePath, password, arlUrl);
      if (!(keyStore.getKey(ISSUING_ALIAS, password) instanceof PrivateKey key)) {
        throw new IllegalStateException("the CA keystore has no private key under " + ISSUING_ALIAS);
      }
      X509Certificate issuing = certificate(keyStore, ISSUING_ALIAS);
      if (!keyStore.containsAlias(OCSP_RESPONDER_ALIAS)
          && !isPkcs11(properties)
          && properties.createIfMissing()) {
        // A development keystore made before OCSP existed: the responder key is made inside it,
        // once. A production keystore gets it in the key ceremony, like the CA keys.
        addResponderKey(keyStore, issuing, key, clock, password, null);
        store(keyStore, keystorePath, password);
        log.info("Added an OCSP responder key to the CA keystore {}", keystorePath.toAbsolutePath());
      }
      PrivateKey responder =
          keyStore.getKey(OCSP_RESPONDER_ALIAS, password) instanceof PrivateKey k ? k : null;
      if (responder == null) {
        log.warn("The CA keystore has no key under {}: the OCSP responder cannot answer", OCSP_RESPONDER_ALIAS);
      }
      PrivateKey root = keyStore.getKey(ROOT_ALIAS, password) instanceof PrivateKey k ? k : null;
      return new CaKeyStore(
          certificate(keyStore, ROOT_ALIAS),
          issuing,
          key,
          root,
          responder,
          responder == null ? null : certificate(keyStore, OCSP_RESPONDER_ALIAS).getPublicKey(),
          isPkcs11(properties) ? keyStore.getProvider() : null,
          isPkcs11(properties) ? properties : null);
    } catch (GeneralSecurityException | IOException e) {
      // The message of a wrong password is "keystore password was incorrect"; never the password.
      throw new IllegalStateException("cannot open the CA keystore: " + e.getMessage(), e);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  X509Certificate rootCertificate() {
    return root;
  }

  X509Certificate issuingCertificate() {
    return issuing;
  }

  /** A signer with the root CA's key, when the root key is in this keystore. */
  Optional<ContentSigner> rootSigner(String signatureAlgorithm) {
    reopenIfFailed(ROOT_ALIAS);
    return Optional.ofNullable(rootKey).map(k -> signer(ROOT_ALIAS, k, signatureAlgorithm));
  }

  /** A signer with the OCSP responder's key, when the keystore holds one. */
  Optional<ContentSigner> responderSigner(String signatureAlgorithm) {
    reopenIfFailed(OCSP_RESPONDER_ALIAS);
    return Optional.ofNullable(responderKey).map(k -> signer(OCSP_RESPONDER_ALIAS, k, signatureAlgorithm));
  }

  Optional<PublicKey> responderPublicKey() {
    return Optional.ofNullable(responderPublicKey);
  }

  /** A signer with the issuing CA's key; for an HSM the signature is made inside it. */
  ContentSigner issuingSigner(String signatureAlgorithm) {
    reopenIfFailed(ISSUING_ALIAS);
    return signer(ISSUING_ALIAS, issuingKey, signatureAlgorithm);
  }

  /**
   * With a PKCS#11 token, a signer whose failures say which key and what the token answered
   * ({@link CaKeyUnavailableException}) and make the next signer open the token again: an
   * unplugged, logged-out or refusing token is a retryable incident, not a failed application.
   */
  private ContentSigner signer(String alias, PrivateKey key, String signatureAlgorithm) {
    if (token == null) {
      return signer(key, signatureAlgorithm);
    }
    ContentSigner inToken;
    try {
      inToken = signer(key, signatureAlgorithm);
    } catch (RuntimeException e) {
      throw tokenFailed(alias, e);
    }
    return new ContentSigner() {
      @Override
      public org.bouncycastle.asn1.x509.AlgorithmIdentifier getAlgorithmIdentifier() {
        return inToken.getAlgorithmIdentifier();
      }

      @Override
      public OutputStream getOutputStream() {
        OutputStream out = inToken.getOutputStream();
        return new java.io.FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            try {
              out.write(b, off, len);
            } catch (RuntimeException | IOException e) {
              throw tokenFailed(alias, e);
            }
          }

          @Override
          public void write(int b) throws IOException {
            try {
              out.write(b);
            } catch (RuntimeException | IOException e) {
              throw tokenFailed(alias, e);
            }
          }
        };
      }

      @Override
      public byte[] getSignature() {
        try {
          return inToken.getSignature();
        } catch (RuntimeException e) {
          throw tokenFailed(alias, e);
        }
      }
    };
  }

  private CaKeyUnavailableException tokenFailed(String alias, Throwable e) {
    if (e instanceof CaKeyUnavailableException already) {
      return already;
    }
    tokenFailed = true;
    CaKeyUnavailableException unavailable =
        new CaKeyUnavailableException(alias, CaKeyUnavailableException.tokenSaid(e), e);
    // One line, no stack: the token's state is the operators' to fix, not a fault of this code.
    log.warn("{}", unavailable.getMessage());
    return unavailable;
  }

  /**
   * Opens the token again after a failed signature: a new key store logs in with the PIN and
   * finds the keys anew (the old handles die with an unplugged token's sessions). Still failing,
   * the signature is refused the same way and the next attempt tries again.
   */
  private void reopenIfFailed(String alias) {
    if (token == null || !tokenFailed) {
      return;
    }
    synchronized (this) {
      if (!tokenFailed) {
        return;
      }
      char[] pin = tokenProperties.keystorePassword().toCharArray();
      try {
        KeyStore keyStore = KeyStore.getInstance("PKCS11", token);
        keyStore.load(null, pin);
        if (!(keyStore.getKey(ISSUING_ALIAS, pin) instanceof PrivateKey issuingAgain)) {
          throw new IllegalStateException("the token holds no private key under " + ISSUING_ALIAS);
        }
        issuingKey = issuingAgain;
        rootKey = keyStore.getKey(ROOT_ALIAS, pin) instanceof PrivateKey k ? k : null;
        responderKey = keyStore.getKey(OCSP_RESPONDER_ALIAS, pin) instanceof PrivateKey k ? k : null;
        tokenFailed = false;
        log.info("Opened the PKCS#11 token again: the CA keys sign once more");
      } catch (GeneralSecurityException | IOException | RuntimeException e) {
        throw tokenFailed(alias, e);
      } finally {
        Arrays.fill(pin, '\0');
      }
    }
  }

  private static ContentSigner signer(PrivateKey key, String signatureAlgorithm) {
    try {
      return new JcaContentSignerBuilder(signatureAlgorithm).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with " + signatureAlgorithm, e);
    }
  }

  /**
   * Makes the responder's key pair (EC P-256) in the keystore; the key entry's certificate is the
   * first responder certificate, signed here by the issuing key. A PKCS#11 {@code keyProvider}
   * makes the pair inside the token (the key ceremony); {@code null} is the JDK's default.
   */
  static void addResponderKey(
      KeyStore keyStore,
      X509Certificate issuing,
      PrivateKey issuingKey,
      Clock clock,
      char[] password,
      Provider keyProvider)
      throws GeneralSecurityException {
    KeyPairGenerator generator =
        keyProvider == null
            ? KeyPairGenerator.getInstance("EC")
            : KeyPairGenerator.getInstance("EC", keyProvider);
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair responder = generator.generateKeyPair();
    X509Certificate certificate =
        CertificateSigner.toCertificate(
            OcspResponderProfile.tbs(
                    issuing,
                    responder.getPublic(),
                    CertificateSerial.random(new SecureRandom()),
                    clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .build(signer(issuingKey, CertificateSigner.signatureAlgorithmFor(issuing.getPublicKey()))));
    keyStore.setKeyEntry(
        OCSP_RESPONDER_ALIAS,
        responder.getPrivate(),
        password,
        new Certificate[] {certificate, issuing});
  }

  private static KeyStore load(
      CaProperties properties, Clock clock, Path path, char[] password, String arlUrl)
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
    DevelopmentCa.createIn(keyStore, properties, clock, password, arlUrl);
    store(keyStore, path, password);
    log.warn(
        "Created a new development CA in {}: its root is trusted by nobody but this installation",
        path.toAbsolutePath());
    return keyStore;
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
}
