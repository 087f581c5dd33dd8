package org.cabackoffice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface PaymentRepository extends Repository<Payment, Long> {

  Optional<Payment> findById(long id);

  Optional<Payment> findByInvoiceId(long invoiceId);

  Payment save(Payment payment);

  /**
   * Marks a payment taken by its process in one statement: the statement import tells a process
   * per matched deposit, and reading the payment back to change one column cost a query and a
   * dirty check each time (issue 12).
   *
   * @return 1, or 0 for an unknown payment
   */
  @Modifying
  @Query("update Payment p set p.processNotified = true where p.id = :id")
  int markProcessNotified(@Param("id") long id);

  List<Payment> findByInvoiceIdIn(Collection<Long> invoiceIds);

  /** The newest payments recorded since {@code since} that no process has taken yet. */
  List<Payment> findTop100ByProcessNotifiedFalseAndRecordedAtAfterOrderByIdDesc(java.time.Instant since);
}
