package org.cabackoffice.auditlog;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects a transaction's audit entries and appends them just before it commits, on the
 * transaction's own connection: a rolled-back step leaves nothing in the log, a committed one
 * cannot lack its entries. Appending last keeps the chain head's lock the last lock a transaction
 * takes (the JPA session is flushed first), so two transactions cannot deadlock over it.
 */
@Component
public class TransactionAuditTrail {

  private final DataSource dataSource;
  private final AuditKey key;
  private final Clock clock;
  private final int checkpointEvery;
  private final ObjectProvider<EntityManagerFactory> entityManagers;

  TransactionAuditTrail(
      DataSource dataSource,
      AuditKey key,
      Clock clock,
      AuditLogProperties properties,
      ObjectProvider<EntityManagerFactory> entityManagers) {
    this.dataSource = dataSource;
    this.key = key;
    this.clock = clock;
    this.checkpointEvery = properties.checkpointEvery();
    this.entityManagers = entityManagers;
  }

  /**
   * Queues the entry for the current transaction's commit, opening the transaction's queue if
   * needed. For events raised while the transaction's work runs (the engine's history), never
   * during its commit: a queue opened then would never be appended.
   *
   * @return false when there is no transaction still open to entries (none, or its entries were
   *     already appended); the caller then appends in its own way
   */
  public boolean queue(AuditEntry entry) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return false;
    }
    Pending pending = pending();
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    return pending.add(entry);
  }

  /**
   * Queues the entry only where the transaction's queue is open already. A JPA flush may come in
   * the commit itself, after the queue was appended or where none was opened; the caller
   * (RecordedEvidenceFeed) then appends in Hibernate's before-completion step.
   */
  public boolean queueIfOpen(AuditEntry entry) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()
        || !TransactionSynchronizationManager.isActualTransactionActive()) {
      return false;
    }
    Pending pending = pending();
    return pending != null && pending.add(entry);
  }

  // Looked up among the current synchronizations, not bound as a resource: a REQUIRES_NEW
  // transaction suspends its outer one's synchronizations and so gets its own queue.
  private Pending pending() {
    return TransactionSynchronizationManager.getSynchronizations().stream()
        .filter(synchronization -> synchronization instanceof Pending own && own.trail() == this)
        .map(Pending.class::cast)
        .findFirst()
        .orElse(null);
  }

  /** Appends on the given connection now (inside the caller's transaction, if it has one). */
  public void appendNow(Connection connection, List<AuditEntry> entries) throws SQLException {
    AuditLogTable.append(connection, entries, clock.instant(), key, checkpointEvery);
  }

  /** Appends outside any transaction: its own connection, committed at once. */
  public void appendAlone(List<AuditEntry> entries) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      appendNow(connection, entries);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot append to the audit log", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private final class Pending implements TransactionSynchronization {
    private final List<AuditEntry> entries = new ArrayList<>();
    private boolean appended;

    boolean add(AuditEntry entry) {
      if (appended) {
        return false;
      }
      entries.add(entry);
      return true;
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      if (!readOnly) {
        // Evidence written by this transaction but not yet flushed queues its entries now.
        EntityManagerFactory factory = entityManagers.getIfAvailable();
        if (factory != null
            && TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder holder) {
          holder.getEntityManager().flush();
        }
      }
      appended = true;
      if (entries.isEmpty()) {
        return;
      }
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        appendNow(connection, List.copyOf(entries));
      } catch (SQLException e) {
        // The transaction fails with it: a step that cannot be logged does not happen.
        throw new IllegalStateException("cannot append to the audit log", e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    }

    TransactionAuditTrail trail() {
      return TransactionAuditTrail.this;
    }
  }
}
