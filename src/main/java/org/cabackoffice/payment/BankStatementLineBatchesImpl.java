package org.cabackoffice.payment;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link BankStatementLineBatches} in plain JDBC on the transaction's connection (Spring binds
 * the JPA transaction's connection for {@link JdbcTemplate}, as {@code LockedInvoiceCounter}
 * relies on). The statements are the same on H2 and PostgreSQL. Spring Data joins it to {@link
 * BankStatementLineRepository} by its name.
 */
class BankStatementLineBatchesImpl implements BankStatementLineBatches {

  private static final String INSERT =
      "insert into bank_statement_line (import_id, line_number, outcome, deposit_key, reference, branch_code,"
          + " account_number, amount_yen, value_date, payer, application_id, payment_id, acme_contract_id, reason,"
          + " message, duplicate_of_import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String OUTCOME =
      "update bank_statement_line set outcome = ?, payment_id = ?, reason = ?, message = ?"
          + " where deposit_key = ? and import_id = ?";
  /** Keys per look-up query: a chunk's keys in a few statements, far below any driver's limit of parameters. */
  private static final int KEYS_PER_QUERY = 1_000;

  private final JdbcTemplate jdbc;

  BankStatementLineBatchesImpl(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insertAll(List<BankStatementLine> lines) {
    if (lines.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        INSERT,
        lines,
        lines.size(),
        (ps, line) -> {
          ps.setLong(1, line.getImportId());
          ps.setLong(2, line.getLineNumber());
          ps.setString(3, line.getOutcome().name());
          text(ps, 4, line.getDepositKey());
          text(ps, 5, line.getReference());
          text(ps, 6, line.getBranchCode());
          text(ps, 7, line.getAccountNumber());
          number(ps, 8, line.getAmountYen());
          if (line.getValueDate() == null) {
            ps.setNull(9, Types.DATE);
          } else {
            ps.setObject(9, line.getValueDate());
          }
          text(ps, 10, line.getPayer());
          number(ps, 11, line.getApplicationId());
          number(ps, 12, line.getPaymentId());
          number(ps, 13, line.getAcmeContractId());
          text(ps, 14, line.getReason() == null ? null : line.getReason().name());
          text(ps, 15, line.getMessage());
          number(ps, 16, line.getDuplicateOfImportId());
        });
  }

  @Override
  public void writeOutcomes(long importId, List<BankStatementLine> claimed) {
    if (claimed.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        OUTCOME,
        claimed,
        claimed.size(),
        (ps, line) -> {
          ps.setString(1, line.getOutcome().name());
          number(ps, 2, line.getPaymentId());
          text(ps, 3, line.getReason() == null ? null : line.getReason().name());
          text(ps, 4, line.getMessage());
          ps.setString(5, line.getDepositKey());
          ps.setLong(6, importId);
        });
  }

  @Override
  public Map<String, Long> importsHolding(Collection<String> depositKeys) {
    Map<String, Long> holding = new HashMap<>();
    List<String> keys = new ArrayList<>(depositKeys);
    for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
      List<String> part = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
      jdbc.query(
          "select deposit_key, import_id from bank_statement_line where deposit_key in ("
              + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")",
          row -> {
            holding.put(row.getString(1), row.getLong(2));
          },
          part.toArray());
    }
    return holding;
  }

  private static void text(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  private static void number(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }
}
