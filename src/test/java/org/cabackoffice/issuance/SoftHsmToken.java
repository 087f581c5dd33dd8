package org.cabackoffice.issuance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SoftHSM2 token (Debian's softhsm2 and opensc) in a directory of its own, and the key ceremony
 * that puts the CA's keys into it: root, issuing CA and OCSP responder, each generated inside the
 * token as a sensitive, never-extractable key, with the same certificate profiles as the
 * development CA. The application then only opens the token, as a production CA does
 * ({@code backoffice.ca.keystore-type=PKCS11}, {@code backoffice.ca.pkcs11-config}).
 *
 * <p>SoftHSM finds its configuration through the {@code SOFTHSM2_CONF} environment variable, read
 * by the native library when it is initialized, so the JVM must be started with it (the failsafe
 * executions for {@code own-context} ITs set it); this class writes that file.
 */
public final class SoftHsmToken {

  public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
  public static final String LABEL = "backoffice-ca";

  private final Path dir;
  private final String pin;
  private final long slot;

  private SoftHsmToken(Path dir, String pin, long slot) {
    this.dir = dir;
    this.pin = pin;
    this.slot = slot;
  }

  /**
   * Writes the SoftHSM configuration at {@code $SOFTHSM2_CONF} with its tokens in {@code dir},
   * and initializes a token there.
   */
  public static SoftHsmToken initialize(Path dir, String pin) throws IOException, InterruptedException {
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null || conf.isBlank()) {
      throw new IllegalStateException(
          "SOFTHSM2_CONF is not set: SoftHSM reads it when the JVM loads the library, so start the"
              + " JVM with it (mvn verify sets it for the own-context ITs)");
    }
    if (!Files.isReadable(Path.of(LIBRARY))) {
      throw new IllegalStateException(LIBRARY + " is missing: apt-get install softhsm2 opensc");
    }
    Path tokens = Files.createDirectories(dir.resolve("tokens"));
    Path confFile = Path.of(conf);
    Files.createDirectories(confFile.toAbsolutePath().getParent());
    Files.writeString(
        confFile,
        "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    String out =
        run("softhsm2-util", "--init-token", "--free", "--label", LABEL, "--so-pin", pin + "-so", "--pin", pin);
    Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
    if (!slot.find()) {
      throw new IllegalStateException("softhsm2-util did not name the token's slot: " + out);
    }
    return new SoftHsmToken(dir, pin, Long.parseLong(slot.group(1)));
  }

  /** The SunPKCS11 configuration file the application is given ({@code backoffice.ca.pkcs11-config}). */
  public Path sunPkcs11Config() throws IOException {
    return Files.writeString(dir.resolve("pkcs11.cfg"), "name = softhsm\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n");
  }

  /**
   * The key ceremony: the root and issuing CA (EC P-384) and the OCSP responder (P-256), generated
   * inside the token; the certificates are signed there too. SunPKCS11's generation template
   * makes the private keys sensitive and never extractable (PKCS#11 CKA_SENSITIVE,
   * CKA_EXTRACTABLE).
   */
  public void holdCeremony(CaProperties properties, String arlUrl, Clock clock) throws Exception {
    Provider token =
        Security.getProvider("SunPKCS11")
            .configure(
                "--name = ceremony\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n"
                    + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n");
    // The certificates are signed through the JCA's provider selection, which must find the token.
    Security.addProvider(token);
    char[] password = pin.toCharArray();
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS11", token);
      keyStore.load(null, password);
      DevelopmentCa.createIn(keyStore, properties, clock, password, arlUrl, token);
      CaKeyStore.addResponderKey(
          keyStore,
          (X509Certificate) keyStore.getCertificate(CaKeyStore.ISSUING_ALIAS),
          (PrivateKey) keyStore.getKey(CaKeyStore.ISSUING_ALIAS, password),
          clock,
          password,
          token);
    } finally {
      Security.removeProvider(token.getName());
    }
  }

  /** {@code pkcs11-tool --list-objects} as the token's user: what is in the token and how. */
  public String listObjects() throws IOException, InterruptedException {
    return run("pkcs11-tool", "--module", LIBRARY, "--token-label", LABEL, "--login", "--pin", pin, "--list-objects");
  }

  /**
   * What the token says of each private key's access (PKCS#11 CKA_SENSITIVE, CKA_ALWAYS_SENSITIVE,
   * CKA_NEVER_EXTRACTABLE, CKA_LOCAL), as {@code pkcs11-tool} prints it.
   */
  public List<String> privateKeyAccess() throws IOException, InterruptedException {
    Matcher access =
        Pattern.compile("Private Key Object[^\\n]*\\n(?:  [^\\n]*\\n)*?  Access: +([^\\n]*)").matcher(listObjects());
    List<String> found = new ArrayList<>();
    while (access.find()) {
      found.add(access.group(1).trim());
    }
    return found;
  }

  /**
   * Tries to get a private key's value out of the token, as PKCS#8 and as the EC private value,
   * through a SunPKCS11 session of its own; a sensitive key refuses both.
   *
   * @return the refusal, or {@code null} when the token gave the key out
   */
  public Exception exportRefusal(String alias) throws Exception {
    Provider inspection =
        Security.getProvider("SunPKCS11").configure("--name = inspection\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n");
    KeyStore keyStore = KeyStore.getInstance("PKCS11", inspection);
    keyStore.load(null, pin.toCharArray());
    PrivateKey key = (PrivateKey) keyStore.getKey(alias, pin.toCharArray());
    if (key.getEncoded() != null) {
      return null;
    }
    java.security.KeyFactory factory = java.security.KeyFactory.getInstance("EC", inspection);
    try {
      factory.getKeySpec(key, java.security.spec.PKCS8EncodedKeySpec.class);
      return null;
    } catch (java.security.spec.InvalidKeySpecException refusedAsPkcs8) {
      try {
        factory.getKeySpec(key, java.security.spec.ECPrivateKeySpec.class);
        return null;
      } catch (java.security.spec.InvalidKeySpecException refused) {
        return refused;
      }
    }
  }

  public long slot() {
    return slot;
  }

  public record Result(int exit, String output) {}

  private static String run(String... command) throws IOException, InterruptedException {
    Result result = execute(command);
    if (result.exit() != 0) {
      throw new IllegalStateException(String.join(" ", command[0]) + " failed: " + result.output());
    }
    return result.output();
  }

  private static Result execute(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(command[0] + " did not finish");
    }
    return new Result(process.exitValue(), output);
  }
}
