package org.cabackoffice.payment;

import org.cabackoffice.digest.Sha256;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a bank statement file and pays the invoices its deposits match (guide [3-2]: the money
 * arrives on the dedicated account of the customer's user ID, reused for every application).
 *
 * <p>Matching ({@link DepositMatching}): a deposit into a customer's virtual account pays the
 * oldest open invoice of that account whose total is exactly the amount and whose date is not after
 * the value date. It is recorded through {@link Payments#record} as "bank-statement:&lt;import
 * id&gt;", which also tells the waiting process. Anything else (an account that is none of ours,
 * no open invoice, another amount, a value date before the invoice or in the future, a
 * cancellation by the bank) is kept, unmatched, with its reason for an officer.
 *
 * <p>Every line is stored in a transaction of its own, so what was done before a failure stays
 * done and visible. A deposit is claimed (its line stored under its unique deposit key) before
 * its payment is recorded, and {@link Payments#record} runs outside any transaction of ours, as
 * it requires: if two officers post the same file at once, the key lets one of them record it
 * and makes it a duplicate for the other.
 */
@Service
public class BankStatementImports {

  private static final Logger log = LoggerFactory.getLogger(BankStatementImports.class);
  private static final int MAX_FILE_NAME = 255;
  static final int MAX_ERRORS = 1000;
  private static final int MAX_PAYMENT_REFERENCE = 128;

  private final BankStatementImportRepository imports;
  private final BankStatementLineRepository lines;
  private final VirtualAccountRepository accounts;
  private final InvoiceRepository invoices;
  private final Payments payments;
  private final PaymentProperties properties;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  public BankStatementImports(
      BankStatementImportRepository imports,
      BankStatementLineRepository lines,
      VirtualAccountRepository accounts,
      InvoiceRepository invoices,
      Payments payments,
      PaymentProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.imports = imports;
    this.lines = lines;
    this.accounts = accounts;
    this.invoices = invoices;
    this.payments = payments;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Reads the file, stores the import and every line with its outcome, and records the payments
   * of the deposits that match.
   *
   * @throws StatementRejected for an empty or oversized file or one in neither format; nothing is
   *     stored then
   */
  public StatementImportReport importStatement(String fileName, byte[] content, String importedBy) {
    if (importedBy == null || importedBy.isBlank()) {
      throw new IllegalArgumentException("who imports the statement is unknown");
    }
    ParsedStatement parsed = BankStatementReader.read(content);
    // A day's statement has a handful of bad records at most; thousands mean the wrong file, and
    // storing each as an error line would only bury the officer's list.
    if (parsed.errors().size() > MAX_ERRORS) {
      throw new StatementRejected(
          parsed.errors().size()
              + " malformed records (more than "
              + MAX_ERRORS
              + "): this is not a statement this system can read; the first is at line "
              + parsed.errors().get(0).line()
              + ": "
              + parsed.errors().get(0).message());
    }
    // A file name comes from the uploader's machine; control characters have no place in it.
    String name =
        fileName == null || fileName.isBlank()
            ? "statement"
            : fileName.strip().replaceAll("\\p{Cntrl}", "_");
    if (name.length() > MAX_FILE_NAME) {
      name = name.substring(0, MAX_FILE_NAME);
    }
    String storedName = name;
    BankStatementImport statement =
        inOwnTransaction(
            () ->
                imports.save(
                    new BankStatementImport(
                        storedName,
                        Sha256.hex(content),
                        content.length,
                        parsed.format(),
                        importedBy,
                        clock.instant())));
    long importId = statement.getId();
    String recordedBy = "bank-statement:" + importId;

    List<Object> inFileOrder = new ArrayList<>(parsed.deposits());
    inFileOrder.addAll(parsed.errors());
    inFileOrder.sort(Comparator.comparingLong(BankStatementImports::lineOf));
    for (Object entry : inFileOrder) {
      if (entry instanceof MalformedRecord error) {
        inOwnTransaction(() -> lines.save(BankStatementLine.error(importId, error)));
      } else {
        importDeposit(importId, (DepositNotification) entry, recordedBy);
      }
    }

    List<BankStatementLine> stored = lines.findByImportIdOrderByLineNumberAscIdAsc(importId);
    var counts =
        stored.stream().collect(Collectors.groupingBy(BankStatementLine::getOutcome, Collectors.counting()));
    BankStatementImport completed =
        inOwnTransaction(
            () -> {
              BankStatementImport current = imports.findById(importId).orElseThrow();
              current.complete(
                  counts.getOrDefault(StatementLineOutcome.MATCHED, 0L),
                  counts.getOrDefault(StatementLineOutcome.UNMATCHED, 0L)
                      + counts.getOrDefault(StatementLineOutcome.MATCHING, 0L),
                  counts.getOrDefault(StatementLineOutcome.DUPLICATE, 0L),
                  counts.getOrDefault(StatementLineOutcome.ERROR, 0L),
                  clock.instant());
              return imports.save(current);
            });
    return StatementImportReport.of(completed, stored);
  }

  public Optional<StatementImportReport> find(long importId) {
    return imports
        .findById(importId)
        .map(s -> StatementImportReport.of(s, lines.findByImportIdOrderByLineNumberAscIdAsc(importId)));
  }

  /** Up to 100 imports, newest first, older than {@code before} when given. */
  public List<BankStatementImport> list(Long before) {
    return imports.findTop100ByIdLessThanOrderByIdDesc(before == null ? Long.MAX_VALUE : before);
  }

  private void importDeposit(long importId, DepositNotification deposit, String recordedBy) {
    BankStatementLine claimed;
    try {
      claimed = inOwnTransaction(() -> claim(importId, deposit));
    } catch (DataIntegrityViolationException e) {
      // Another import stored this deposit between our look and our insert.
      claimed =
          inOwnTransaction(
              () ->
                  lines.save(
                      BankStatementLine.duplicate(
                          importId,
                          deposit,
                          lines.findByDepositKey(deposit.depositKey()).map(BankStatementLine::getImportId).orElse(null))));
    }
    if (claimed.getOutcome() != StatementLineOutcome.MATCHING) {
      return;
    }
    long lineId = claimed.getId();
    long applicationId = claimed.getApplicationId();
    String outcomeNote;
    Long paymentId = null;
    try {
      RecordedPayment recorded =
          payments.record(
              applicationId, deposit.amountYen(), deposit.valueDate(), paymentReference(deposit), recordedBy);
      paymentId = recorded.payment().getId();
      outcomeNote = recorded.processNote();
    } catch (PaymentRefused e) {
      outcomeNote = e.getMessage();
    } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
      outcomeNote =
          "the invoice of application "
              + applicationId
              + " was paid by someone else at the same moment; check it before recording this deposit";
    } catch (RuntimeException e) {
      log.error("deposit on line {} of import {} could not be recorded", deposit.line(), importId, e);
      // The exception's message may quote SQL; the log has it, the report says where to look.
      outcomeNote = "the payment could not be recorded (logged for operations); record it by hand";
    }
    Long recordedPayment = paymentId;
    String note = outcomeNote;
    inOwnTransaction(
        () -> {
          BankStatementLine line = lines.findById(lineId).orElseThrow();
          if (recordedPayment != null) {
            line.matched(recordedPayment, note);
          } else {
            line.notRecorded(note);
          }
          return lines.save(line);
        });
  }

  /**
   * Stores the deposit's line: a duplicate, an unmatched deposit with its reason, or a claim. The
   * decision is {@link DepositMatching}'s; this only reads the facts it needs.
   */
  private BankStatementLine claim(long importId, DepositNotification deposit) {
    Long firstImportId =
        lines.findByDepositKey(deposit.depositKey()).map(BankStatementLine::getImportId).orElse(null);
    Optional<VirtualAccount> account =
        firstImportId == null ? accounts.findByAccountNumber(deposit.accountNumber()) : Optional.empty();
    List<Invoice> open =
        account
            .map(a -> invoices.findByVirtualAccountIdAndStatusOrderByIssuedAtAscIdAsc(a.getId(), InvoiceStatus.OPEN))
            .orElse(List.of());
    // The same transfer may have been recorded already: by an officer by hand (README, step 4)
    // or from the other file format, whose deposit key differs.
    List<Payment> recorded =
        account
            .map(
                a ->
                    invoices
                        .findByVirtualAccountIdAndStatusOrderByIssuedAtAscIdAsc(a.getId(), InvoiceStatus.PAID)
                        .stream()
                        .map(paid -> payments.ofInvoice(paid.getId()))
                        .flatMap(Optional::stream)
                        .toList())
            .orElse(List.of());
    DepositMatching.Outcome outcome =
        DepositMatching.match(
            deposit,
            new DepositMatching.Facts(
                firstImportId,
                properties.branchCode(),
                account.isPresent(),
                open,
                recorded,
                ValueDates.today(clock)));
    if (outcome instanceof DepositMatching.Duplicate duplicate) {
      return lines.save(BankStatementLine.duplicate(importId, deposit, duplicate.firstImportId()));
    }
    if (outcome instanceof DepositMatching.Unmatched unmatched) {
      return lines.save(
          BankStatementLine.unmatched(importId, deposit, unmatched.reason(), unmatched.explanation()));
    }
    Invoice paid = ((DepositMatching.Pays) outcome).invoice();
    return lines.save(BankStatementLine.matching(importId, deposit, paid.getApplicationId()));
  }

  /** What the payment keeps as the bank's reference: the bank's number and the remitter. */
  private static String paymentReference(DepositNotification deposit) {
    String reference =
        (deposit.reference() + " " + (deposit.payer() == null ? "" : deposit.payer())).strip();
    return reference.length() > MAX_PAYMENT_REFERENCE
        ? reference.substring(0, MAX_PAYMENT_REFERENCE)
        : reference;
  }

  private <T> T inOwnTransaction(java.util.function.Supplier<T> work) {
    return ownTransaction.execute(tx -> work.get());
  }

  private static long lineOf(Object entry) {
    return entry instanceof MalformedRecord error
        ? error.line()
        : ((DepositNotification) entry).line();
  }

}
