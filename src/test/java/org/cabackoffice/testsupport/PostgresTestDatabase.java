package org.cabackoffice.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the PostgreSQL run of the integration tests (failsafe execution
 * {@code integration-test-postgresql}): starts every run on a fresh, empty database, so a run
 * never depends on what an earlier one left behind. Does nothing on the H2 run.
 */
public class PostgresTestDatabase implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String adminUrl = System.getProperty("backoffice.test.postgres.admin-url");
    String database = System.getProperty("backoffice.test.postgres.database");
    if (adminUrl == null || database == null) {
      return;
    }
    if (!database.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("unsafe test database name " + database);
    }
    String user = System.getProperty("spring.datasource.username", "postgres");
    try (Connection connection = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot prepare the PostgreSQL test database "
              + database
              + " through "
              + adminUrl
              + " (is PostgreSQL running? .ci/run starts it): "
              + e.getMessage(),
          e);
    }
  }
}
