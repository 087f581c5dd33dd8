package org.cabackoffice.auditlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Verifies the log online and signs the scheduled checkpoints. */
@Service
public class AuditLogVerifier {

  private static final Logger log = LoggerFactory.getLogger(AuditLogVerifier.class);

  private final DataSource dataSource;
  private final AuditKey key;
  private final Clock clock;
  private final TransactionTemplate snapshot;
  private final TransactionTemplate writing;

  AuditLogVerifier(DataSource dataSource, AuditKey key, Clock clock, PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.key = key;
    this.clock = clock;
    // Head, checkpoints and rows from one snapshot: an append committed meanwhile must not look
    // like an inserted or removed row.
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    snapshot.setReadOnly(true);
    this.writing = new TransactionTemplate(transactions);
  }

  public AuditLogVerification verify() {
    AuditLogVerification result =
        snapshot.execute(status -> withConnection(connection -> AuditLogTable.verify(connection, key.certificate().getPublicKey())));
    if (!result.intact()) {
      log.warn("The audit log is not intact: {} at row {} ({})", result.reason(), result.firstBrokenRow(), result.detail());
    }
    return result;
  }

  /**
   * What the log holds without reading it all: the chain head's row count and the latest signed
   * checkpoint (null before the first), for the auditors' page before they verify.
   */
  public AuditLogSummary summary() {
    return snapshot.execute(
        status ->
            withConnection(
                connection -> {
                  List<AuditCheckpoint> checkpoints = AuditLogTable.latestCheckpoint(connection);
                  return new AuditLogSummary(
                      AuditLogTable.rowsAtHead(connection), checkpoints.isEmpty() ? null : checkpoints.get(0));
                }));
  }

  /**
   * Signs the head when rows were appended since the last checkpoint, so a quiet period still ends
   * in a signed state; every node runs it, the head's lock lets one sign.
   */
  @Scheduled(
      initialDelayString = "${backoffice.audit-log.checkpoint-interval:PT1H}",
      fixedDelayString = "${backoffice.audit-log.checkpoint-interval:PT1H}")
  public void checkpoint() {
    boolean signed =
        Boolean.TRUE.equals(
            writing.execute(status -> withConnection(connection -> AuditLogTable.checkpointHead(connection, clock.instant(), key))));
    if (signed) {
      log.info("Signed an audit log checkpoint");
    }
  }

  private interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  private <T> T withConnection(Work<T> work) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      return work.on(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit log", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
