package org.cabackoffice.payment;

import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;

/** A transaction manager without a database that records what happened to each transaction. */
final class RecordingTransactions implements PlatformTransactionManager {

  final List<String> events = new ArrayList<>();

  @Override
  public TransactionStatus getTransaction(TransactionDefinition definition) {
    events.add(
        definition != null
                && definition.getPropagationBehavior()
                    == TransactionDefinition.PROPAGATION_REQUIRES_NEW
            ? "begin-new"
            : "begin");
    return new SimpleTransactionStatus(true);
  }

  @Override
  public void commit(TransactionStatus status) {
    events.add("commit");
  }

  @Override
  public void rollback(TransactionStatus status) {
    events.add("rollback");
  }
}
