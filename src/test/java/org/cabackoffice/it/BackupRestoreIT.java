package org.cabackoffice.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.cabackoffice.testsupport.CsrFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The README's backup and restore (issue 13): {@code pg_dump} of the running system's database,
 * taken while it runs, restored with {@code pg_restore} into a fresh database, holds every
 * application where it was: every table of the application and of the engine (runtime, jobs,
 * tasks, history) row for row, and every sequence where it stood, so a node started on it
 * continues instead of handing out an id twice. PostgreSQL only: on the H2 run it is skipped.
 */
class BackupRestoreIT extends BackOfficeIT {

  private static final String RESTORED = "backoffice_restore_test";
  /** The engine's metrics, which it writes on its own timer whatever the test does. */
  private static final java.util.Set<String> WRITTEN_BY_TIMERS = java.util.Set.of("act_ru_meter_log", "act_ru_task_meter_log");

  /** Before the application context starts: the H2 run has nothing to dump. */
  @BeforeAll
  static void onlyOnPostgres() {
    assumeTrue(
        System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:"),
        "backup and restore are PostgreSQL's (pg_dump, pg_restore); this is the H2 run");
  }

  @Test
  void aDumpRestoredIntoAFreshDatabaseHoldsEveryApplicationWhereItWas() throws Exception {
    String url = System.getProperty("spring.datasource.url");
    String adminUrl = System.getProperty("backoffice.test.postgres.admin-url");
    String database = System.getProperty("backoffice.test.postgres.database");
    String user = System.getProperty("spring.datasource.username", "postgres");
    java.net.URI address = java.net.URI.create(adminUrl.substring("jdbc:".length()));

    long waitingForDns = apply("sample-backup1.jp");
    long waitingForAnOfficer = apply("sample-backup2.jp");
    proveDomainControl(waitingForAnOfficer);

    Path dump = Files.createTempFile("backoffice", ".dump");
    long started = System.nanoTime();
    run("pg_dump", "--format=custom", "--no-owner", "-h", address.getHost(), "-p", String.valueOf(address.getPort()),
        "-U", user, "-d", database, "-f", dump.toString());
    long dumpMillis = (System.nanoTime() - started) / 1_000_000;
    try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + RESTORED + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + RESTORED);
    }
    started = System.nanoTime();
    run("pg_restore", "--no-owner", "--exit-on-error", "-h", address.getHost(), "-p", String.valueOf(address.getPort()),
        "-U", user, "-d", RESTORED, dump.toString());
    long restoreMillis = (System.nanoTime() - started) / 1_000_000;

    String restoredUrl = url.substring(0, url.lastIndexOf('/') + 1) + RESTORED;
    // The system keeps running while it is dumped; compare what the dump's snapshot saw with the
    // live database as long as no job or request ran since (none does in this test).
    try (Connection live = DriverManager.getConnection(url, user, "");
        Connection restored = DriverManager.getConnection(restoredUrl, user, "")) {
      Map<String, String> liveTables = fingerprints(live);
      assertThat(liveTables).containsKeys("application", "act_ru_execution", "act_ru_job", "act_ru_task", "outbox_mail");
      assertThat(fingerprints(restored)).as("every table, row for row").isEqualTo(liveTables);
      assertThat(sequences(restored)).as("every sequence where it stood").isEqualTo(sequences(live));

      assertThat(activities(restored, waitingForDns)).contains("dns-recheck-wait");
      assertThat(activities(restored, waitingForAnOfficer)).contains("decide-documents");
    } finally {
      try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + RESTORED + " WITH (FORCE)");
      }
    }
    long dumpBytes = Files.size(dump);
    Files.deleteIfExists(dump);
    System.out.printf(
        "FAULT restore: applications=%d restored-where-they-were=%d duplicates=0 pg_dump=%d ms pg_restore=%d ms dump=%d bytes%n",
        2, 2, dumpMillis, restoreMillis, dumpBytes);
  }

  private long apply(String domain) throws Exception {
    WHOIS.answer(domain, jprsRecord(domain, "Sample K.K.", "hostmaster@sample.co.jp"));
    String csr =
        CsrFactory.pem(
            CsrFactory.p256(), "CN=www." + domain + ", O=Sample K.K., L=Chuo-ku, ST=Tokyo, C=JP", List.of("www." + domain));
    ResponseEntity<Map> created =
        customer()
            .postForEntity(
                "/api/applications",
                CertificateApplicationIT.form("SECURE_SERVER_ID", "NEW", "BANK_TRANSFER", csr, null),
                Map.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = ((Number) created.getBody().get("id")).longValue();
    runJobs();
    return id;
  }

  /** Per table of the public schema: its row count and an MD5 over its rows in a fixed order. */
  private static Map<String, String> fingerprints(Connection db) throws SQLException {
    Map<String, String> tables = new TreeMap<>();
    List<String> names = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    for (String name : names) {
      if (WRITTEN_BY_TIMERS.contains(name)) {
        continue;
      }
      try (Statement s = db.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*), coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from \"" + name + "\" t")) {
        rs.next();
        tables.put(name, rs.getLong(1) + " rows " + rs.getString(2));
      }
    }
    return tables;
  }

  private static Map<String, Long> sequences(Connection db) throws SQLException {
    Map<String, Long> values = new TreeMap<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = 'public'")) {
      while (rs.next()) {
        values.put(rs.getString(1), rs.getLong(2));
      }
    }
    return values;
  }

  /** The activities an application's process waits in, as the engine's runtime tables hold them. */
  private static List<String> activities(Connection db, long applicationId) throws SQLException {
    List<String> waiting = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select e.act_id_ from act_ru_execution e join act_ru_execution p on e.proc_inst_id_ = p.id_"
                    + " where p.business_key_ = '" + applicationId + "' and e.act_id_ is not null"
                    + " and not exists (select 1 from act_ru_execution c where c.parent_id_ = e.id_) order by e.act_id_")) {
      while (rs.next()) {
        waiting.add(rs.getString(1));
      }
    }
    return waiting;
  }

  private static void run(String... command) throws Exception {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (java.io.IOException missing) {
      throw new AssertionError(
          command[0] + " is not installed: the PostgreSQL client (Debian: postgresql-client) belongs beside the server", missing);
    }
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command[0] + " finishes").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
  }
}
