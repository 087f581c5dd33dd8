package org.cabackoffice.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database of back-office nodes started in JVMs of their own ({@code BackOfficeNode}): on the
 * PostgreSQL run a database of the test's own, created empty and dropped afterwards, so the shared
 * IT database is never touched; on the H2 run a file database in the test's directory, which the
 * test reads only while no node has it open (H2 lets one process open a file).
 */
final class NodeDatabase implements AutoCloseable {

  private final String url;
  private final String user;
  private final String adminUrl;
  private final String name;

  private NodeDatabase(String url, String user, String adminUrl, String name) {
    this.url = url;
    this.user = user;
    this.adminUrl = adminUrl;
    this.name = name;
  }

  static boolean postgresRun() {
    return System.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
  }

  /**
   * @param name the PostgreSQL database's name after the run's database's, used on the PostgreSQL run only
   * @param dir where the H2 files go on the H2 run
   */
  static NodeDatabase create(String name, Path dir) throws SQLException {
    if (!postgresRun()) {
      // Where the embedded default (application.yml) puts it under the node's data directory.
      return new NodeDatabase("jdbc:h2:file:" + dir.resolve("backoffice").toAbsolutePath(), "sa", null, null);
    }
    // Named after the run's own database as well: two checkouts' runs on one PostgreSQL server
    // (a CI run and a developer's) never drop each other's node databases.
    String run = System.getProperty("backoffice.test.postgres.database", "backoffice_test");
    name = run + "_" + name.replaceFirst("^backoffice_", "");
    if (!name.matches("[a-z_][a-z0-9_]*") || name.length() > 63) {
      throw new IllegalArgumentException("unsafe database name " + name);
    }
    String adminUrl = System.getProperty("backoffice.test.postgres.admin-url");
    String user = System.getProperty("spring.datasource.username", "postgres");
    try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + name);
    }
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    return new NodeDatabase(url, user, adminUrl, name);
  }

  /** The node's datasource settings; on H2 none: the embedded default, in the data directory. */
  Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    if (name == null) {
      return properties;
    }
    properties.put("spring.datasource.url", url);
    properties.put("spring.datasource.username", user);
    properties.put("spring.datasource.password", "");
    return properties;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /** Rows of a query as lists of strings. */
  List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection connection = connect();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(rs.getString(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  long count(String sql) throws SQLException {
    return Long.parseLong(rows(sql).get(0).get(0));
  }

  @Override
  public void close() throws SQLException {
    if (name == null) {
      return;
    }
    try (Connection admin = DriverManager.getConnection(adminUrl, user, "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
