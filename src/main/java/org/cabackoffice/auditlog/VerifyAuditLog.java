package org.cabackoffice.auditlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The offline verifier: checks the log in a database (a restored dump) against the audit
 * certificate, without the application. Prints the verification as JSON; exits 0 when intact, 1
 * when not, 2 on a usage or connection error. README, Audit log, shows the command line.
 */
public final class VerifyAuditLog {

  private VerifyAuditLog() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** The exit status of {@link #main}; callable in-process (AuditLogIT). */
  public static int run(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String url = options.get("--jdbc-url");
    String certificate = options.get("--certificate");
    if (url == null || certificate == null || args.length % 2 != 0) {
      System.err.println(
          "usage: VerifyAuditLog --jdbc-url URL --certificate audit-key.crt [--user NAME] [--password SECRET]");
      return 2;
    }
    try (Connection connection =
        DriverManager.getConnection(url, options.getOrDefault("--user", ""), options.getOrDefault("--password", ""))) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      AuditLogVerification result =
          AuditLogTable.verify(
              connection, AuditKey.readCertificate(Files.readAllBytes(Path.of(certificate))).getPublicKey());
      connection.rollback();
      System.out.println(
          new ObjectMapper()
              .registerModule(new JavaTimeModule())
              .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
              .writeValueAsString(result));
      return result.intact() ? 0 : 1;
    } catch (SQLException | IOException | IllegalArgumentException e) {
      System.err.println("cannot verify: " + e.getMessage());
      return 2;
    }
  }
}
