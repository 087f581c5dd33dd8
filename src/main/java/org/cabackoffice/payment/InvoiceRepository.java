package org.cabackoffice.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface InvoiceRepository extends Repository<Invoice, Long> {

  Optional<Invoice> findByApplicationId(long applicationId);

  Invoice save(Invoice invoice);

  /** The invoices of a virtual account in a status, oldest first (statement matching). */
  List<Invoice> findByVirtualAccountIdAndStatusOrderByIssuedAtAscIdAsc(
      long virtualAccountId, InvoiceStatus status);
}
