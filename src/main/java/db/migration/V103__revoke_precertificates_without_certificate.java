package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A precertificate is presumed to have a certificate (BR 7.1.2.9; Mozilla Root Store Policy), so a
 * precertificate whose certificate was never signed can be revoked and listed on the CRL: its
 * revocation names no issued certificate but carries the CRL shard and notAfter the
 * precertificate names. In Java because the foreign key from {@code certificate_revocation.serial}
 * to {@code issued_certificate} was created without a name, which H2 and PostgreSQL name
 * differently: the name is read from the JDBC metadata.
 */
public class V103__revoke_precertificates_without_certificate extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    DatabaseMetaData metadata = connection.getMetaData();
    String table = metadata.storesUpperCaseIdentifiers() ? "CERTIFICATE_REVOCATION" : "certificate_revocation";
    List<String> serialKeys = new ArrayList<>();
    try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(), null, table)) {
      while (keys.next()) {
        if ("serial".equalsIgnoreCase(keys.getString("FKCOLUMN_NAME"))) {
          serialKeys.add(keys.getString("FK_NAME"));
        }
      }
    }
    try (Statement sql = connection.createStatement()) {
      for (String key : serialKeys) {
        sql.execute("alter table certificate_revocation drop constraint \"" + key + "\"");
      }
      sql.execute("alter table certificate_revocation alter column issued_certificate_id drop not null");
      // For a revoked precertificate without certificate: where its CRL entry goes and until when.
      sql.execute("alter table certificate_revocation add column precertificate_crl_shard integer");
      sql.execute("alter table certificate_revocation add column precertificate_not_after timestamp with time zone");
      sql.execute(
          "create index certificate_revocation_precertificate_idx"
              + " on certificate_revocation (precertificate_crl_shard, precertificate_not_after)");
    }
  }
}
