package org.cabackoffice.payment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.util.ReflectionTestUtils;

/** In-memory repositories of the payment package, keeping entities like a persistence context. */
final class InMemoryPaymentStore {

  final List<VirtualAccount> accounts = new ArrayList<>();
  final List<Invoice> invoices = new ArrayList<>();
  final List<Payment> payments = new ArrayList<>();
  final List<BankStatementImport> statementImports = new ArrayList<>();
  final List<BankStatementLine> statementLines = new ArrayList<>();
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
        public Optional<VirtualAccount> findByAccountNumber(String accountNumber) {
          return accounts.stream().filter(a -> a.getAccountNumber().equals(accountNumber)).findFirst();
        }

        @Override
        public List<VirtualAccount> findByAccountNumberIn(Collection<String> accountNumbers) {
          return accounts.stream().filter(a -> accountNumbers.contains(a.getAccountNumber())).toList();
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
        public Optional<String> lockByApplicationId(long applicationId) {
          return findByApplicationId(applicationId).map(invoice -> invoice.getStatus().name());
        }

        @Override
        public Optional<Invoice> findByApplicationId(long applicationId) {
          return invoices.stream().filter(i -> i.getApplicationId() == applicationId).findFirst();
        }

        @Override
        public List<Invoice> findByApplicationIdIn(Collection<Long> applicationIds) {
          return invoices.stream().filter(i -> applicationIds.contains(i.getApplicationId())).toList();
        }

        @Override
        public List<Invoice> findByVirtualAccountIdAndStatusOrderByIssuedAtAscIdAsc(
            long virtualAccountId, InvoiceStatus status) {
          return invoices.stream()
              .filter(i -> i.getVirtualAccountId() == virtualAccountId && i.getStatus() == status)
              .sorted(Comparator.comparing(Invoice::getIssuedAt).thenComparing(Invoice::getId))
              .toList();
        }

        @Override
        public List<Invoice> findByVirtualAccountIdInAndStatus(
            Collection<Long> virtualAccountIds, InvoiceStatus status) {
          return invoices.stream()
              .filter(i -> virtualAccountIds.contains(i.getVirtualAccountId()) && i.getStatus() == status)
              .toList();
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
        public List<Payment> findByInvoiceIdIn(Collection<Long> invoiceIds) {
          return payments.stream().filter(p -> invoiceIds.contains(p.getInvoiceId())).toList();
        }

        @Override
        public List<Payment> findTop100ByProcessNotifiedFalseAndRecordedAtAfterOrderByIdDesc(java.time.Instant since) {
          return payments.stream()
              .filter(p -> !p.isProcessNotified() && p.getRecordedAt().isAfter(since))
              .sorted(Comparator.comparing(Payment::getId).reversed())
              .limit(100)
              .toList();
        }

        @Override
        public int markProcessNotified(long id) {
          Optional<Payment> payment = findById(id);
          payment.ifPresent(Payment::markProcessNotified);
          return payment.isPresent() ? 1 : 0;
        }

        @Override
        public Payment save(Payment payment) {
          if (!payments.contains(payment)) {
            payments.add(withId(payment));
          }
          return payment;
        }
      };

  final BankStatementImportRepository statementImportRepository =
      new BankStatementImportRepository() {
        @Override
        public BankStatementImport save(BankStatementImport statementImport) {
          if (!statementImports.contains(statementImport)) {
            statementImports.add(withId(statementImport));
          }
          return statementImport;
        }

        @Override
        public Optional<BankStatementImport> findById(long id) {
          return statementImports.stream().filter(i -> i.getId() == id).findFirst();
        }

        @Override
        public List<BankStatementImport> findTop100ByIdLessThanOrderByIdDesc(long id) {
          return statementImports.stream()
              .filter(i -> i.getId() < id)
              .sorted(Comparator.comparing(BankStatementImport::getId).reversed())
              .limit(100)
              .toList();
        }
      };

  /** Keeps the unique deposit_key as the database does. */
  final BankStatementLineRepository statementLineRepository =
      new BankStatementLineRepository() {
        @Override
        public BankStatementLine save(BankStatementLine line) {
          if (!statementLines.contains(line)) {
            if (line.getDepositKey() != null
                && statementLines.stream().anyMatch(l -> Objects.equals(l.getDepositKey(), line.getDepositKey()))) {
              throw new DataIntegrityViolationException("unique deposit_key " + line.getDepositKey());
            }
            statementLines.add(withId(line));
          }
          return line;
        }

        @Override
        public Optional<BankStatementLine> findById(long id) {
          return statementLines.stream().filter(l -> l.getId() == id).findFirst();
        }

        /** All or nothing, as the chunk's transaction is: a key stored already refuses the lot. */
        @Override
        public void insertAll(List<BankStatementLine> lines) {
          java.util.Set<String> keys = new java.util.HashSet<>();
          for (BankStatementLine line : lines) {
            if (line.getDepositKey() != null
                && (!keys.add(line.getDepositKey())
                    || statementLines.stream().anyMatch(l -> Objects.equals(l.getDepositKey(), line.getDepositKey())))) {
              throw new DataIntegrityViolationException("unique deposit_key " + line.getDepositKey());
            }
          }
          lines.forEach(this::save);
        }

        /** The stored lines are the very objects the import changed; only the key's owner is checked. */
        @Override
        public void writeOutcomes(long importId, List<BankStatementLine> claimed) {
          for (BankStatementLine line : claimed) {
            if (statementLines.stream().noneMatch(
                l -> l == line && l.getImportId() == importId && Objects.equals(l.getDepositKey(), line.getDepositKey()))) {
              throw new IllegalStateException("no line of import " + importId + " holds " + line.getDepositKey());
            }
          }
        }

        @Override
        public java.util.Map<String, Long> importsHolding(Collection<String> depositKeys) {
          java.util.Map<String, Long> holding = new java.util.HashMap<>();
          statementLines.stream()
              .filter(l -> l.getDepositKey() != null && depositKeys.contains(l.getDepositKey()))
              .forEach(l -> holding.put(l.getDepositKey(), l.getImportId()));
          return holding;
        }

        @Override
        public Optional<BankStatementLine> findByDepositKey(String depositKey) {
          return statementLines.stream().filter(l -> depositKey.equals(l.getDepositKey())).findFirst();
        }

        @Override
        public List<BankStatementLine> findByImportIdAndOutcomeAndReasonInAndAccountNumberInOrderByLineNumberAsc(
            long importId, StatementLineOutcome outcome, Collection<UnmatchedReason> reasons,
            Collection<String> accountNumbers) {
          return statementLines.stream()
              .filter(l -> l.getImportId() == importId)
              .sorted(Comparator.comparing(BankStatementLine::getLineNumber).thenComparing(BankStatementLine::getId))
              .filter(l -> l.getOutcome() == outcome && reasons.contains(l.getReason())
                  && accountNumbers.contains(l.getAccountNumber()))
              .toList();
        }

        @Override
        public List<BankStatementLine> findByImportIdAndOutcomeInAndLineNumberGreaterThanOrderByLineNumberAscIdAsc(
            long importId, Collection<StatementLineOutcome> outcomes, long afterLine,
            org.springframework.data.domain.Limit limit) {
          return statementLines.stream()
              .filter(l -> l.getImportId() == importId && outcomes.contains(l.getOutcome()) && l.getLineNumber() > afterLine)
              .sorted(Comparator.comparing(BankStatementLine::getLineNumber).thenComparing(BankStatementLine::getId))
              .limit(limit.isLimited() ? limit.max() : Long.MAX_VALUE)
              .toList();
        }

        @Override
        public long countByImportIdAndOutcomeIn(long importId, Collection<StatementLineOutcome> outcomes) {
          return statementLines.stream()
              .filter(l -> l.getImportId() == importId && outcomes.contains(l.getOutcome()))
              .count();
        }
      };
}
