package org.cabackoffice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface PaymentRepository extends Repository<Payment, Long> {

  Optional<Payment> findById(long id);

  Optional<Payment> findByInvoiceId(long invoiceId);

  Payment save(Payment payment);

  List<Payment> findByInvoiceIdIn(Collection<Long> invoiceIds);

  /** The newest payments recorded since {@code since} that no process has taken yet. */
  List<Payment> findTop100ByProcessNotifiedFalseAndRecordedAtAfterOrderByIdDesc(java.time.Instant since);
}
