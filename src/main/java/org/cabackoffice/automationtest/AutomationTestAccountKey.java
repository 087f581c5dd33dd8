package org.cabackoffice.automationtest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The key of the automation test's ACME account: one account serves every renewal, on every node,
 * so the CA's own test does not leave an account and a used EAB credential behind each run or
 * each node (RFC 8555 7.3.1 finds the account again by its key). The P-256 key is kept in the
 * shared database ({@code automation_test_account_key}, one row) as a PKCS#12, protected by the CA
 * keystore's password as the audit key's file is; a PKCS#12 entry needs a certificate, so the key
 * carries a self-signed one that nothing else uses. The private key is read from there to sign JWS
 * and is never written anywhere else or logged.
 *
 * <p>The first node to need a key stores it; the row's primary key turns a second node's insert
 * away, and that node reads the winner's. A node upgraded from the time each node kept its key in
 * {@code data-dir/automation-test/acme-account.p12} hands that key to the database, so its account
 * is kept; the file is then removed (its bytes are the row's). When another node's key is in the
 * database first, the file's account is no longer used and the file is left alone, with a log line.
 * Every node must have the same keystore password: a wrong one reads as a damaged key store.
 */
final class AutomationTestAccountKey {

  private static final Logger log = LoggerFactory.getLogger(AutomationTestAccountKey.class);

  static final String ALIAS = "acme-account";
  static final String NEW = "NEW";
  static final String DATA_DIR_FILE = "DATA_DIR_FILE";
  private static final String SUBJECT = "CN=ACME account key of the automation test";

  private final JdbcTemplate jdbc;
  private final Path formerFile;
  private final String password;
  private final Clock clock;

  /**
   * @param formerFile where a node kept its key before it moved to the database; taken over once
   */
  AutomationTestAccountKey(JdbcTemplate jdbc, Path formerFile, String password, Clock clock) {
    this.jdbc = jdbc;
    this.formerFile = formerFile;
    this.password = password;
    this.clock = clock;
  }

  /** The stored key as read from the database, with the hash that names it. */
  private record Stored(byte[] pkcs12, String publicKeySha256) {}

  /**
   * The stored key; else this node's former file's key, stored now; else a new one stored now
   * (the first run on any node). Two nodes that store at once both end with the first one's.
   *
   * @throws IllegalStateException no password, a wrong one, or a damaged key store; the message
   *     never carries the password
   */
  synchronized KeyPair current() {
    Optional<Stored> stored = stored();
    if (stored.isPresent()) {
      return open(stored.get().pkcs12(), "the database");
    }
    if (Files.exists(formerFile)) {
      return takeOverFile();
    }
    return storeFirst(newKeyStore(), NEW);
  }

  /**
   * Hands this node's former key file to the database when there is one (an upgraded node, at
   * start), so its account is the one every node uses unless another node's key got there first.
   */
  synchronized void takeOverFormerFile() {
    if (Files.exists(formerFile)) {
      current();
    }
  }

  /**
   * A new key in place of {@code deactivated}, whose account was deactivated (RFC 8555 7.3.6).
   * When another node replaced it already, that node's new key is the one returned: the row is
   * overwritten only while it still holds the deactivated key.
   */
  synchronized KeyPair replace(KeyPair deactivated) {
    String was = sha256(deactivated);
    NewKey fresh = newKeyStore();
    int updated = jdbc.update(
        "update automation_test_account_key set pkcs12 = ?, public_key_sha256 = ?, origin = ?, stored_at = ?"
            + " where id = 1 and public_key_sha256 = ?",
        fresh.pkcs12(), sha256(fresh.key()), NEW, Timestamp.from(clock.instant()), was);
    if (updated == 1) {
      log.info("The automation test's ACME account key {} replaced by {}", was, sha256(fresh.key()));
      return fresh.key();
    }
    Optional<Stored> now = stored();
    if (now.isPresent()) {
      return open(now.get().pkcs12(), "the database"); // replaced by another node meanwhile
    }
    return storeFirst(fresh, NEW);
  }

  private Optional<Stored> stored() {
    List<Stored> rows = jdbc.query(
        "select pkcs12, public_key_sha256 from automation_test_account_key where id = 1",
        (rs, n) -> new Stored(rs.getBytes(1), rs.getString(2)));
    return rows.stream().findFirst();
  }

  /** Inserts the first key; a node that loses the race to the row reads the winner's key. */
  private KeyPair storeFirst(NewKey key, String origin) {
    try {
      jdbc.update(
          "insert into automation_test_account_key (id, pkcs12, public_key_sha256, origin, stored_at) values (1, ?, ?, ?, ?)",
          key.pkcs12(), sha256(key.key()), origin, Timestamp.from(clock.instant()));
      log.info("The automation test's ACME account key {} is stored in the database ({})", sha256(key.key()), origin);
      return key.key();
    } catch (DataIntegrityViolationException anotherNodeFirst) {
      // The row's primary key (a duplicate key in every database this runs on).
      Stored winner = stored().orElseThrow(() -> anotherNodeFirst);
      return open(winner.pkcs12(), "the database");
    }
  }

  /** The former file's key into the database; the file goes once the database holds its key. */
  private KeyPair takeOverFile() {
    byte[] pkcs12;
    try {
      pkcs12 = Files.readAllBytes(formerFile);
    } catch (NoSuchFileException removedMeanwhile) {
      return current();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the automation test's ACME account key store " + formerFile, e);
    }
    KeyPair fileKey = open(pkcs12, formerFile.toString());
    KeyPair kept = storeFirst(new NewKey(fileKey, pkcs12), DATA_DIR_FILE);
    if (sha256(kept).equals(sha256(fileKey))) {
      try {
        Files.delete(formerFile);
      } catch (IOException e) {
        // Left behind, it is never read again: the database answers first.
        log.warn("The automation test's ACME account key is in the database now; {} could not be removed: {}", formerFile, e.toString());
      }
    } else {
      log.info("The automation test's ACME account key {} of another node was in the database first: the account of"
          + " this node's {} (key {}) is no longer used; the file is left as it was", sha256(kept), formerFile, sha256(fileKey));
    }
    return kept;
  }

  private record NewKey(KeyPair key, byte[] pkcs12) {}

  private NewKey newKeyStore() {
    char[] secret = secret();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair key = generator.generateKeyPair();
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, secret);
      store.setKeyEntry(ALIAS, key.getPrivate(), secret, new Certificate[] {selfSigned(key)});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.store(out, secret);
      return new NewKey(key, out.toByteArray());
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make the automation test's ACME account key: " + e.getMessage(), e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  /** @param where the key store's place, for a message that never carries the password */
  private KeyPair open(byte[] pkcs12, String where) {
    char[] secret = secret();
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(new ByteArrayInputStream(pkcs12), secret);
      if (!(store.getKey(ALIAS, secret) instanceof PrivateKey key)
          || !(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
        throw new IllegalStateException("the automation test's ACME account key store in " + where + " has no key under " + ALIAS);
      }
      return new KeyPair(certificate.getPublicKey(), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot open the automation test's ACME account key store in " + where + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the automation test's ACME account key store in " + where
          + " (a wrong password reads as a damaged key store; every node needs the same backoffice.ca.keystore-password): "
          + e.getMessage(), e);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private char[] secret() {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "backoffice.ca.keystore-password is required: it protects the automation test's ACME account key");
    }
    return password.toCharArray();
  }

  static String sha256(KeyPair key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
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
}
