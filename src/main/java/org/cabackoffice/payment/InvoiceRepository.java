package org.cabackoffice.payment;

import java.util.Optional;
import org.springframework.data.repository.Repository;

public interface InvoiceRepository extends Repository<Invoice, Long> {

  Optional<Invoice> findByApplicationId(long applicationId);

  Invoice save(Invoice invoice);
}
