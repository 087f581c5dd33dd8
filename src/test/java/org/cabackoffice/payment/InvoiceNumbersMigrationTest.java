package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V84 on a database that has invoices already: they are numbered 1, 2, … in the order they were
 * issued, the counter continues after them, and each gets the rate its tax was computed at.
 */
class InvoiceNumbersMigrationTest {

  private final String url =
      System.getProperty("backoffice.test.migration.url", "jdbc:h2:mem:invoice-numbers;DB_CLOSE_DELAY=-1");
  private final String user = System.getProperty("backoffice.test.migration.user", "sa");
  private final String schema = System.getProperty("backoffice.test.migration.schema");

  private Flyway flyway(String target) {
    var config = Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").cleanDisabled(false);
    if (schema != null) {
      config = config.schemas(schema).createSchemas(true);
    }
    if (target != null) {
      config = config.target(target);
    }
    return config.load();
  }

  @AfterEach
  void clean() {
    flyway(null).clean();
  }

  @Test
  void existingInvoicesAreNumberedInIssueOrderAndTheCounterGoesOn() throws Exception {
    Flyway before = flyway("75");
    before.clean();
    before.migrate();
    try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
      if (schema != null) {
        s.execute("set search_path to " + schema);
      }
      s.execute(
          "insert into customer_account (id, email, company_name, display_name, password_hash, created_at)"
              + " values (1, 'tech@example.jp', 'Example K.K.', 'Tech', 'x', current_timestamp)");
      for (int app : List.of(7, 8)) {
        s.execute(
            "insert into application (id, customer_account_id, product, application_type, express,"
                + " payment_method, status, csr_pem, organization_name_en, organization_name_ja, country,"
                + " responsible_name, responsible_email, technical_company, technical_name, technical_email,"
                + " submitted_at) values (" + app + ", 1, 'EV', 'NEW', false, 'BANK_TRANSFER', 'IN_PROGRESS', 'pem',"
                + " 'Example K.K.', 'イグザンプル株式会社', 'JP', 'R', 'r@example.jp', 'Example', 'T',"
                + " 'tech@example.jp', current_timestamp)");
      }
      s.execute("insert into virtual_account (id, customer_account_id, account_number, created_at) values (3, 1, '0000018', current_timestamp)");
      // Ids with a gap, as identity columns leave after a rollback; the second at the old 8% rate.
      s.execute(invoice(5, 7, 220_000, 22_000));
      s.execute(invoice(9, 8, 81_000, 6_480));
    }

    flyway(null).migrate();

    try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
      if (schema != null) {
        s.execute("set search_path to " + schema);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery("select id, invoice_number, tax_percent from invoice order by id")) {
        while (r.next()) {
          rows.add(r.getLong(1) + ":" + r.getLong(2) + ":" + r.getInt(3));
        }
      }
      assertThat(rows).containsExactly("5:1:10", "9:2:8");
      try (ResultSet r = s.executeQuery("select next_value from ca_counter where name = 'invoice-number'")) {
        assertThat(r.next()).isTrue();
        assertThat(r.getLong(1)).isEqualTo(3L);
      }
    }
  }

  private static String invoice(long id, long application, long price, long tax) {
    return "insert into invoice (id, application_id, customer_account_id, virtual_account_id, product, express,"
        + " deferred_payment, price_yen, express_surcharge_yen, tax_yen, total_yen, issued_on, due_on, status,"
        + " technical_contact_email, issued_at, version) values (" + id + ", " + application + ", 1, 3, 'EV', false,"
        + " false, " + price + ", 0, " + tax + ", " + (price + tax) + ", date '2025-06-02', date '2025-06-16', 'OPEN',"
        + " 'tech@example.jp', current_timestamp, 0)";
  }
}
