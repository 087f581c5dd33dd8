package org.cabackoffice.automationtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * One ACME account key for every run of the automation test on every node: kept once in the shared
 * database (V118), encrypted under the CA keystore's password, whichever node stores it first; a
 * node's former key file is taken over so an upgraded node keeps its account.
 */
class AutomationTestAccountKeyTest {

  static final String PASSWORD = "changeit-for-the-test";

  @TempDir Path dir;
  SimpleDriverDataSource database;
  JdbcTemplate jdbc;

  @BeforeEach
  void database() throws Exception {
    database = freshDatabase();
    jdbc = new JdbcTemplate(database);
  }

  /** An in-memory database with the table as Flyway's V118 makes it. */
  private static SimpleDriverDataSource freshDatabase() throws Exception {
    SimpleDriverDataSource database =
        new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:account-key-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    try (var connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/migration/V118__automation_test_account_key.sql"));
    }
    return database;
  }

  @AfterEach
  void drop() {
    jdbc.execute("shutdown");
  }

  /** Each node's own data directory; the database is the one they share. */
  private Path file(String node) {
    return dir.resolve(node).resolve("automation-test").resolve("acme-account.p12");
  }

  private AutomationTestAccountKey node(String node, String password) {
    return node(node, password, jdbc);
  }

  private AutomationTestAccountKey node(String node, String password, JdbcTemplate database) {
    return new AutomationTestAccountKey(database, file(node), password, Clock.systemUTC());
  }

  private static byte[] publicKey(KeyPair key) {
    return key.getPublic().getEncoded();
  }

  @Test
  void theFirstRunStoresAKeyThatLaterRunsOnEveryNodeSignWithAgain() throws Exception {
    KeyPair first = node("a", PASSWORD).current();
    assertThat(jdbc.queryForObject("select count(*) from automation_test_account_key", Integer.class)).isOne();
    assertThat(jdbc.queryForObject("select origin from automation_test_account_key", String.class)).isEqualTo("NEW");

    KeyPair onB = node("b", PASSWORD).current();
    assertThat(publicKey(onB)).isEqualTo(publicKey(first));
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(onB.getPrivate());
    signer.update("a JWS signing input".getBytes());
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(first.getPublic());
    verifier.update("a JWS signing input".getBytes());
    assertThat(verifier.verify(signature)).as("the stored private key is the first one's").isTrue();
    assertThat(dir.resolve("a")).doesNotExist(); // nothing in the data directories
  }

  @Test
  void twoNodesStoringAtOnceEndWithOneKey() throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 5; round++) {
        jdbc.update("delete from automation_test_account_key");
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<KeyPair>> keys = new ArrayList<>();
        for (String name : List.of("a", "b")) {
          AutomationTestAccountKey node = node(name, PASSWORD);
          keys.add(nodes.submit(() -> {
            together.await();
            return node.current();
          }));
        }
        assertThat(publicKey(keys.get(0).get())).isEqualTo(publicKey(keys.get(1).get()));
        assertThat(jdbc.queryForObject("select count(*) from automation_test_account_key", Integer.class)).isOne();
      }
    } finally {
      nodes.shutdownNow();
    }
  }

  @Test
  void aNodeThatLosesTheRaceToTheRowReadsTheWinnersKey() {
    AutomationTestAccountKey winner = node("a", PASSWORD);
    KeyPair[] won = new KeyPair[1];
    // Node a stores its key between node b's look (none yet) and node b's insert.
    JdbcTemplate racing = new JdbcTemplate(database) {
      @Override
      public int update(String sql, Object... args) {
        if (won[0] == null && sql.startsWith("insert")) {
          won[0] = winner.current();
        }
        return super.update(sql, args);
      }
    };
    KeyPair loser = node("b", PASSWORD, racing).current();
    assertThat(won[0]).isNotNull();
    assertThat(publicKey(loser)).isEqualTo(publicKey(won[0]));
  }

  @Test
  void theDatabaseKeepsThePrivateKeyEncryptedNotInTheClear() {
    KeyPair key = node("a", PASSWORD).current();
    byte[] secret = ((ECPrivateKey) key.getPrivate()).getS().toByteArray();
    byte[] stored = jdbc.queryForObject("select pkcs12 from automation_test_account_key", byte[].class);
    boolean found = false;
    for (int i = 0; i + secret.length <= stored.length && !found; i++) {
      found = Arrays.areEqual(Arrays.copyOfRange(stored, i, i + secret.length), secret);
    }
    assertThat(found).isFalse();
  }

  @Test
  void aReplacedKeyIsNewAndIsTheOneEveryNodeReadsAndASecondReplacementOfTheSameKeyKeepsTheFirst() {
    KeyPair first = node("a", PASSWORD).current();
    KeyPair replaced = node("a", PASSWORD).replace(first);
    assertThat(publicKey(replaced)).isNotEqualTo(publicKey(first));
    assertThat(publicKey(node("b", PASSWORD).current())).isEqualTo(publicKey(replaced));
    // Node b saw the same account deactivated: it takes a's new key rather than making a third.
    assertThat(publicKey(node("b", PASSWORD).replace(first))).isEqualTo(publicKey(replaced));
    assertThat(jdbc.queryForObject("select public_key_sha256 from automation_test_account_key", String.class))
        .isEqualTo(AutomationTestAccountKey.sha256(replaced));
  }

  @Test
  void anUpgradedNodesKeyFileIsTakenOverAndAnotherNodesFileLeftAlone() throws Exception {
    KeyPair onA = keyFile("a");
    KeyPair onB = keyFile("b");

    node("a", PASSWORD).takeOverFormerFile();
    assertThat(jdbc.queryForObject("select origin from automation_test_account_key", String.class)).isEqualTo("DATA_DIR_FILE");
    assertThat(file("a")).as("the file's bytes are the row's now").doesNotExist();
    assertThat(publicKey(node("a", PASSWORD).current())).isEqualTo(publicKey(onA));

    // Node b kept an account of its own before; a's is the one in the database now.
    assertThat(publicKey(node("b", PASSWORD).current())).isEqualTo(publicKey(onA)).isNotEqualTo(publicKey(onB));
    assertThat(file("b")).exists();
    assertThat(jdbc.queryForObject("select count(*) from automation_test_account_key", Integer.class)).isOne();
  }

  /** A key file as a node wrote it before the key moved to the database: the same PKCS#12. */
  private KeyPair keyFile(String node) throws Exception {
    JdbcTemplate elsewhere = new JdbcTemplate(freshDatabase());
    KeyPair key = new AutomationTestAccountKey(elsewhere, dir.resolve("unused"), PASSWORD, Clock.systemUTC()).current();
    Files.createDirectories(file(node).getParent());
    Files.write(file(node), elsewhere.queryForObject("select pkcs12 from automation_test_account_key", byte[].class));
    elsewhere.execute("shutdown");
    return key;
  }

  @Test
  void noPasswordOrAWrongOneIsRefusedWithoutSayingThePassword() throws Exception {
    assertThatThrownBy(() -> node("a", "").current()).hasMessageContaining("backoffice.ca.keystore-password");
    node("a", PASSWORD).current();
    assertThatThrownBy(() -> node("b", "not-the-password").current())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the database")
        .hasMessageContaining("same backoffice.ca.keystore-password")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password").doesNotContain(PASSWORD));
    keyFile("c");
    jdbc.update("delete from automation_test_account_key");
    assertThatThrownBy(() -> node("c", "not-the-password").takeOverFormerFile())
        .hasMessageContaining(file("c").toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-password").doesNotContain(PASSWORD));
    assertThat(file("c")).as("a file that does not open stays").exists();
  }
}
