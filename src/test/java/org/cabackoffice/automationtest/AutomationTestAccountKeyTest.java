package org.cabackoffice.automationtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One ACME account key for every run of the automation test, kept in its own PKCS#12 file. */
class AutomationTestAccountKeyTest {

  static final String PASSWORD = "changeit-for-the-test";

  @TempDir Path dir;

  private Path file() {
    return dir.resolve("automation-test").resolve("acme-account.p12");
  }

  private AutomationTestAccountKey key(String password) {
    return new AutomationTestAccountKey(file(), password, Clock.systemUTC());
  }

  @Test
  void theFirstRunStoresAKeyThatLaterRunsSignWithAgain() throws Exception {
    KeyPair first = key(PASSWORD).current();
    assertThat(file()).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");

    KeyPair again = key(PASSWORD).current();
    assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(again.getPrivate());
    signer.update("a JWS signing input".getBytes());
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(first.getPublic());
    verifier.update("a JWS signing input".getBytes());
    assertThat(verifier.verify(signature)).as("the stored private key is the first one's").isTrue();
  }

  @Test
  void theFileKeepsThePrivateKeyEncryptedNotInTheClear() throws Exception {
    KeyPair key = key(PASSWORD).current();
    byte[] secret = ((ECPrivateKey) key.getPrivate()).getS().toByteArray();
    byte[] file = Files.readAllBytes(file());
    boolean found = false;
    for (int i = 0; i + secret.length <= file.length && !found; i++) {
      found = Arrays.areEqual(Arrays.copyOfRange(file, i, i + secret.length), secret);
    }
    assertThat(found).isFalse();
  }

  @Test
  void aReplacedKeyIsNewAndIsTheOneLaterRunsRead() {
    KeyPair first = key(PASSWORD).current();
    KeyPair replaced = key(PASSWORD).replace();
    assertThat(replaced.getPublic().getEncoded()).isNotEqualTo(first.getPublic().getEncoded());
    assertThat(key(PASSWORD).current().getPublic().getEncoded()).isEqualTo(replaced.getPublic().getEncoded());
    assertThat(dir.resolve("automation-test").toFile().list()).containsExactly("acme-account.p12");
  }

  @Test
  void noPasswordOrAWrongOneIsRefusedWithoutSayingThePassword() {
    assertThatThrownBy(() -> key("").current()).hasMessageContaining("backoffice.ca.keystore-password");
    key(PASSWORD).current();
    assertThatThrownBy(() -> key("not-the-password").current())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file().toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password").doesNotContain(PASSWORD));
  }
}
