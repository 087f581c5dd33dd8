package org.cabackoffice.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.test.util.ReflectionTestUtils;

/** In-memory repositories of the payment package, keeping entities like a persistence context. */
final class InMemoryPaymentStore {

  final List<VirtualAccount> accounts = new ArrayList<>();
  final List<Invoice> invoices = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong(100);
  private final AtomicLong serials = new AtomicLong(0);

  private <T> T withId(T entity) {
    if (ReflectionTestUtils.getField(entity, "id") == null) {
      ReflectionTestUtils.setField(entity, "id", ids.incrementAndGet());
    }
    return entity;
  }

  final VirtualAccountRepository virtualAccountRepository =
      new VirtualAccountRepository() {
        @Override
        public Optional<VirtualAccount> findByCustomerAccountId(long customerAccountId) {
          return accounts.stream().filter(a -> a.getCustomerAccountId() == customerAccountId).findFirst();
        }

        @Override
        public Optional<VirtualAccount> findById(long id) {
          return accounts.stream().filter(a -> a.getId() == id).findFirst();
        }

        @Override
        public VirtualAccount save(VirtualAccount account) {
          if (!accounts.contains(account)) {
            accounts.add(withId(account));
          }
          return account;
        }

        @Override
        public long nextAccountSerial() {
          return serials.incrementAndGet();
        }
      };

  final InvoiceRepository invoiceRepository =
      new InvoiceRepository() {
        @Override
        public Optional<Invoice> findByApplicationId(long applicationId) {
          return invoices.stream().filter(i -> i.getApplicationId() == applicationId).findFirst();
        }

        @Override
        public Invoice save(Invoice invoice) {
          if (!invoices.contains(invoice)) {
            invoices.add(withId(invoice));
          }
          return invoice;
        }
      };

  final PaymentRepository paymentRepository =
      new PaymentRepository() {
        @Override
        public Optional<Payment> findById(long id) {
          return payments.stream().filter(p -> p.getId() == id).findFirst();
        }

        @Override
        public Optional<Payment> findByInvoiceId(long invoiceId) {
          return payments.stream().filter(p -> p.getInvoiceId() == invoiceId).findFirst();
        }

        @Override
        public Payment save(Payment payment) {
          if (!payments.contains(payment)) {
            payments.add(withId(payment));
          }
          return payment;
        }
      };
}
