package org.cabackoffice.payment;

import org.cabackoffice.digest.Sha256;
import java.time.Clock;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
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
 * <p>Lines are stored a chunk of {@value #CHUNK} at a time, each chunk in a transaction of its
 * own, so what was done before a failure stays done and visible. A deposit is claimed (its line
 * stored under its unique deposit key) before its payment is recorded, and the payments are
 * recorded outside any transaction of ours, as {@link Payments} requires: if two officers post the
 * same file at once, the key lets one of them record it and makes it a duplicate for the other.
 */
@Service
public class BankStatementImports {

  private static final Logger log = LoggerFactory.getLogger(BankStatementImports.class);
  private static final int MAX_FILE_NAME = 255;
  static final int MAX_ERRORS = 1000;
  /**
   * Lines of each kind the report lists; the rest are paged through {@link #lines}. A thousand
   * covers a day's unmatched deposits, which are what an officer works through.
   */
  static final int REPORT_LINES = 1000;
  private static final int MAX_PAYMENT_REFERENCE = 128;
  /**
   * Lines per transaction. A few thousand keep a transaction's locks, the persistence context and
   * the IN lists of the chunk's queries small, while the commits of a million lines are a few
   * hundred instead of millions.
   */
  static final int CHUNK = 2_000;
  /** How often a chunk that met another import's deposits is decided again before going line by line. */
  private static final int CHUNK_ATTEMPTS = 10;

  private final BankStatementImportRepository imports;
  private final BankStatementLineRepository lines;
  private final VirtualAccountRepository accounts;
  private final InvoiceRepository invoices;
  private final Payments payments;
  private final ContractDeposits contractDeposits;
  private final PaymentProperties properties;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final long maxBytes;

  public BankStatementImports(
      BankStatementImportRepository imports,
      BankStatementLineRepository lines,
      VirtualAccountRepository accounts,
      InvoiceRepository invoices,
      Payments payments,
      ContractDeposits contractDeposits,
      PaymentProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this(imports, lines, accounts, invoices, payments, contractDeposits, properties, transactionManager, clock,
        BankStatementReader.MAX_BYTES);
  }

  /** @param maxBytes the largest file read, as {@code RequestBodyLimit} caps the upload */
  @Autowired
  public BankStatementImports(
      BankStatementImportRepository imports,
      BankStatementLineRepository lines,
      VirtualAccountRepository accounts,
      InvoiceRepository invoices,
      Payments payments,
      ContractDeposits contractDeposits,
      PaymentProperties properties,
      PlatformTransactionManager transactionManager,
      Clock clock,
      @Value("${backoffice.api.max-statement-bytes:67108864}") long maxBytes) {
    this.imports = imports;
    this.lines = lines;
    this.accounts = accounts;
    this.invoices = invoices;
    this.payments = payments;
    this.contractDeposits = contractDeposits;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.maxBytes = maxBytes;
  }

  /**
   * Reads the file, stores the import and every line with its outcome, and records the payments
   * of the deposits that match.
   *
   * @throws StatementRejected for an empty or oversized file or one in neither format; nothing is
   *     stored then
   */
  public StatementImportReport importStatement(String fileName, byte[] content, String importedBy) {
    return importStatement(fileName, StatementFile.of(content), importedBy);
  }

  /** As {@link #importStatement(String, byte[], String)} for a file on disk, as uploads are. */
  public StatementImportReport importStatement(String fileName, StatementFile file, String importedBy) {
    return importStatement(fileName, file, importedBy, maxBytes);
  }

  /** The largest file {@link #importStatement} reads ({@code backoffice.api.max-statement-bytes}). */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * As {@link #importStatement(String, StatementFile, String)} without the cap: the scale
   * benchmark's (bench/) statements.
   */
  StatementImportReport importUnlimited(String fileName, StatementFile file, String importedBy) {
    return importStatement(fileName, file, importedBy, Long.MAX_VALUE);
  }

  private StatementImportReport importStatement(
      String fileName, StatementFile file, String importedBy, long maxBytes) {
    if (importedBy == null || importedBy.isBlank()) {
      throw new IllegalArgumentException("who imports the statement is unknown");
    }
    // The whole file is checked before anything is stored; its records are then read again a
    // chunk at a time, so memory stays bounded however long the file is (issue 12).
    BankStatementReader.Reading reading = BankStatementReader.open(file, maxBytes);
    // A file name comes from the uploader's machine; control characters have no place in it.
    String name =
        fileName == null || fileName.isBlank()
            ? "statement"
            : fileName.strip().replaceAll("\\p{Cntrl}", "_");
    if (name.length() > MAX_FILE_NAME) {
      name = name.substring(0, MAX_FILE_NAME);
    }
    String storedName = name;
    String sha256 = file.sha256();
    long size = file.size();
    BankStatementImport statement =
        inOwnTransaction(
            () ->
                imports.save(
                    new BankStatementImport(
                        storedName, sha256, size, reading.format(), importedBy, clock.instant())));
    long importId = statement.getId();
    String recordedBy = "bank-statement:" + importId;

    Tally tally = new Tally();
    List<Object> chunk = new ArrayList<>(CHUNK);
    reading.forEach(
        entry -> {
          chunk.add(entry);
          if (chunk.size() == CHUNK) {
            importChunk(importId, chunk, recordedBy, tally);
            chunk.clear();
          }
        });
    if (!chunk.isEmpty()) {
      importChunk(importId, chunk, recordedBy, tally);
    }
    // Deposits that paid no application's invoice may pay an ACME contract's (issue 15).
    int paidContracts = contractDeposits.settle(importId, recordedBy);
    tally.matched += paidContracts;
    tally.unmatched -= paidContracts;

    BankStatementImport completed =
        inOwnTransaction(
            () -> {
              BankStatementImport current = imports.findById(importId).orElseThrow();
              current.complete(tally.matched, tally.unmatched, tally.duplicates, tally.errors, clock.instant());
              return imports.save(current);
            });
    return report(completed);
  }

  public Optional<StatementImportReport> find(long importId) {
    return imports.findById(importId).map(this::report);
  }

  /**
   * One page of an import's lines in file order, after line {@code afterLine}: all of them, or
   * those of one kind as the report lists them (MATCHING ones with the unmatched).
   */
  public Optional<List<BankStatementLine>> lines(
      long importId, StatementImportReport.Kind kind, long afterLine, int limit) {
    if (imports.findById(importId).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        lines.findByImportIdAndOutcomeInAndLineNumberGreaterThanOrderByLineNumberAscIdAsc(
            importId,
            kind == null ? EnumSet.allOf(StatementLineOutcome.class) : kind.outcomes(),
            afterLine,
            Limit.of(Math.max(1, Math.min(limit, REPORT_LINES)))));
  }

  /**
   * The counts and, of each kind, the first {@value #REPORT_LINES} lines: a report of a million
   * lines would not fit in memory, nor be read by anyone; {@link #lines} pages through the rest.
   * An import that stopped before completing has no counts stored, so they are counted.
   */
  private StatementImportReport report(BankStatementImport statement) {
    long importId = statement.getId();
    Map<StatementImportReport.Kind, Long> counts = new EnumMap<>(StatementImportReport.Kind.class);
    Map<StatementImportReport.Kind, List<BankStatementLine>> first = new EnumMap<>(StatementImportReport.Kind.class);
    for (StatementImportReport.Kind kind : StatementImportReport.Kind.values()) {
      first.put(
          kind,
          lines.findByImportIdAndOutcomeInAndLineNumberGreaterThanOrderByLineNumberAscIdAsc(
              importId, kind.outcomes(), 0, Limit.of(REPORT_LINES)));
      counts.put(
          kind,
          statement.getCompletedAt() != null
              ? kind.countOf(statement)
              : lines.countByImportIdAndOutcomeIn(importId, kind.outcomes()));
    }
    return StatementImportReport.of(statement, counts, first);
  }

  /** Up to 100 imports, newest first, older than {@code before} when given. */
  public List<BankStatementImport> list(Long before) {
    return imports.findTop100ByIdLessThanOrderByIdDesc(before == null ? Long.MAX_VALUE : before);
  }

  /** What the import's lines came to, counted as each chunk completes. */
  private static final class Tally {
    long matched;
    long unmatched;
    long duplicates;
    long errors;

    /** MATCHING: the payment's recording failed after the claim; the report lists it as unmatched. */
    void add(StatementLineOutcome outcome) {
      switch (outcome) {
        case MATCHED -> matched++;
        case UNMATCHED, MATCHING -> unmatched++;
        case DUPLICATE -> duplicates++;
        case ERROR -> errors++;
      }
    }
  }

  /**
   * Stores a chunk of lines in one transaction, then records the chunk's matched deposits in one
   * more (issue 12: a transaction per line made a day's file of a million lines take hours). The
   * facts the matching needs are read for the whole chunk with a query each; the lines of the
   * chunk see the deposits and invoices the lines before them claimed. The lines go in as one
   * JDBC batch and the claimed ones' outcomes as another ({@link BankStatementLineBatches}), not
   * as entities inserted and dirty-checked one by one.
   *
   * <p>The deposit key's unique constraint still decides which import has a deposit: when
   * another import stored one of the chunk's deposits after our look, the insert fails, the chunk
   * is rolled back whole and decided again, and after {@value #CHUNK_ATTEMPTS} such attempts its
   * lines go one by one ({@link #importOneByOne}), as every line did before. A failure after the chunk's commit leaves its lines stored (MATCHING ones say so in the
   * report), so what was done before it stays done.
   */
  private void importChunk(long importId, List<Object> entries, String recordedBy, Tally tally) {
    List<BankStatementLine> stored = null;
    for (int attempt = 1; stored == null; attempt++) {
      try {
        stored =
            inOwnTransaction(
                () -> {
                  List<BankStatementLine> decided = decide(importId, entries, recordedBy);
                  lines.insertAll(decided);
                  return decided;
                });
      } catch (DataIntegrityViolationException | ConcurrencyFailureException e) {
        // Another import stored one of these deposits after our look (a unique violation), or
        // its chunk still holds one (a lock timeout). Once that chunk has committed, deciding
        // again sees its deposits as duplicates; only a chunk that keeps colliding goes line by
        // line.
        if (attempt == CHUNK_ATTEMPTS) {
          log.info(
              "import {}: lines {}-{} collided with another import {} times; importing them one by one",
              importId, BankStatementReader.lineOf(entries.get(0)), BankStatementReader.lineOf(entries.get(entries.size() - 1)), attempt);
          entries.forEach(entry -> tally.add(importOneByOne(importId, entry, recordedBy)));
          return;
        }
      }
    }
    List<BankStatementLine> claimed =
        stored.stream().filter(l -> l.getOutcome() == StatementLineOutcome.MATCHING).toList();
    stored.stream()
        .filter(l -> l.getOutcome() != StatementLineOutcome.MATCHING)
        .forEach(l -> tally.add(l.getOutcome()));
    if (claimed.isEmpty()) {
      return;
    }
    List<Recording> recordings = new ArrayList<>(claimed.size());
    try {
      List<Payments.Settlement> settled =
          payments.recordAll(
              claimed.stream()
                  .map(l -> new Payments.Transfer(
                      l.getApplicationId(), l.getAmountYen(), l.getValueDate(),
                      paymentReference(l.getReference(), l.getPayer())))
                  .toList(),
              recordedBy);
      for (Payments.Settlement s : settled) {
        recordings.add(
            s.recorded() != null
                ? new Recording(s.recorded().payment().getId(), s.recorded().processNote())
                : new Recording(null, s.refused().getMessage()));
      }
    } catch (RuntimeException e) {
      // Nothing of the lot was stored (e.g. an officer paid one of the invoices at the same
      // moment): each is recorded on its own, which tells which one and why.
      recordings.clear();
      for (BankStatementLine l : claimed) {
        recordings.add(
            recordOne(importId, l.getLineNumber(), l.getApplicationId(), l.getAmountYen(), l.getValueDate(),
                paymentReference(l.getReference(), l.getPayer()), recordedBy));
      }
    }
    for (int i = 0; i < claimed.size(); i++) {
      recordings.get(i).applyTo(claimed.get(i));
    }
    // One batch for the chunk's claimed lines, found by their deposit keys (the insert read no ids back).
    inOwnTransaction(
        () -> {
          lines.writeOutcomes(importId, claimed);
          return null;
        });
    recordings.forEach(r -> tally.add(r.outcome()));
  }

  /** What recording a claimed deposit gave: the payment and the process's note, or why not. */
  private record Recording(Long paymentId, String note) {
    StatementLineOutcome outcome() {
      return paymentId != null ? StatementLineOutcome.MATCHED : StatementLineOutcome.UNMATCHED;
    }

    void applyTo(BankStatementLine line) {
      if (paymentId != null) {
        line.matched(paymentId, note);
      } else {
        line.notRecorded(note);
      }
    }
  }

  /**
   * The chunk's lines with their outcomes, decided in file order by {@link DepositMatching} from
   * facts read once for the chunk: the deposit keys stored before, the accounts paid into, their
   * open invoices and their recorded payments. A deposit claimed here takes its invoice out of
   * the open ones and counts as a recorded payment for the lines after it, as the line-by-line
   * import saw in the database.
   */
  private List<BankStatementLine> decide(long importId, List<Object> entries, String recordedBy) {
    List<DepositNotification> deposits =
        entries.stream().filter(DepositNotification.class::isInstance).map(DepositNotification.class::cast).toList();
    Map<String, Long> storedBy =
        deposits.isEmpty()
            ? new HashMap<>()
            : new HashMap<>(
                lines.importsHolding(deposits.stream().map(DepositNotification::depositKey).collect(Collectors.toSet())));
    Set<String> numbers =
        deposits.stream()
            .filter(d -> !storedBy.containsKey(d.depositKey()))
            .map(DepositNotification::accountNumber)
            .collect(Collectors.toSet());
    Map<String, VirtualAccount> accountByNumber = new HashMap<>();
    if (!numbers.isEmpty()) {
      accounts.findByAccountNumberIn(numbers).forEach(a -> accountByNumber.put(a.getAccountNumber(), a));
    }
    Map<Long, List<Invoice>> openByAccount = new HashMap<>();
    Map<Long, List<Payment>> recordedByAccount = new HashMap<>();
    if (!accountByNumber.isEmpty()) {
      Set<Long> accountIds = accountByNumber.values().stream().map(VirtualAccount::getId).collect(Collectors.toSet());
      for (Invoice open : invoices.findByVirtualAccountIdInAndStatus(accountIds, InvoiceStatus.OPEN)) {
        openByAccount.computeIfAbsent(open.getVirtualAccountId(), id -> new ArrayList<>()).add(open);
      }
      Map<Long, Long> accountOfPaidInvoice = new HashMap<>();
      for (Invoice paid : invoices.findByVirtualAccountIdInAndStatus(accountIds, InvoiceStatus.PAID)) {
        accountOfPaidInvoice.put(paid.getId(), paid.getVirtualAccountId());
      }
      if (!accountOfPaidInvoice.isEmpty()) {
        for (Payment recorded : payments.ofInvoices(accountOfPaidInvoice.keySet())) {
          recordedByAccount
              .computeIfAbsent(accountOfPaidInvoice.get(recorded.getInvoiceId()), id -> new ArrayList<>())
              .add(recorded);
        }
      }
    }
    LocalDate today = ValueDates.today(clock);
    List<BankStatementLine> decided = new ArrayList<>(entries.size());
    for (Object entry : entries) {
      if (entry instanceof MalformedRecord error) {
        decided.add(BankStatementLine.error(importId, error));
        continue;
      }
      DepositNotification deposit = (DepositNotification) entry;
      Long firstImportId = storedBy.get(deposit.depositKey());
      VirtualAccount account = firstImportId == null ? accountByNumber.get(deposit.accountNumber()) : null;
      List<Invoice> open = account == null ? List.of() : openByAccount.getOrDefault(account.getId(), List.of());
      List<Payment> recorded =
          account == null ? List.of() : recordedByAccount.getOrDefault(account.getId(), List.of());
      DepositMatching.Outcome outcome =
          DepositMatching.match(
              deposit,
              new DepositMatching.Facts(
                  firstImportId, properties.branchCode(), account != null, open, recorded, today));
      if (outcome instanceof DepositMatching.Duplicate duplicate) {
        decided.add(BankStatementLine.duplicate(importId, deposit, duplicate.firstImportId()));
        continue;
      }
      storedBy.put(deposit.depositKey(), importId);
      if (outcome instanceof DepositMatching.Unmatched unmatched) {
        decided.add(BankStatementLine.unmatched(importId, deposit, unmatched.reason(), unmatched.explanation()));
        continue;
      }
      Invoice paid = ((DepositMatching.Pays) outcome).invoice();
      openByAccount.get(account.getId()).remove(paid);
      recordedByAccount
          .computeIfAbsent(account.getId(), id -> new ArrayList<>())
          .add(
              new Payment(
                  paid.getId(), paid.getApplicationId(), deposit.amountYen(), deposit.valueDate(),
                  deposit.reference(), recordedBy, clock.instant()));
      decided.add(BankStatementLine.matching(importId, deposit, paid.getApplicationId()));
    }
    return decided;
  }

  /** One line in transactions of its own: how every line went before issue 12, now the fallback. */
  private StatementLineOutcome importOneByOne(long importId, Object entry, String recordedBy) {
    if (entry instanceof MalformedRecord error) {
      inOwnTransaction(() -> lines.save(BankStatementLine.error(importId, error)));
      return StatementLineOutcome.ERROR;
    }
    // The other import's chunk may still hold the row lock on this deposit key; the database
    // answers with a lock timeout instead of the duplicate until that chunk commits.
    for (int attempt = 1; ; attempt++) {
      try {
        return importDeposit(importId, (DepositNotification) entry, recordedBy);
      } catch (ConcurrencyFailureException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** The line's outcome in the end. */
  private StatementLineOutcome importDeposit(long importId, DepositNotification deposit, String recordedBy) {
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
      return claimed.getOutcome();
    }
    long lineId = claimed.getId();
    Recording recording =
        recordOne(importId, deposit.line(), claimed.getApplicationId(), deposit.amountYen(), deposit.valueDate(),
            paymentReference(deposit.reference(), deposit.payer()), recordedBy);
    inOwnTransaction(
        () -> {
          BankStatementLine line = lines.findById(lineId).orElseThrow();
          recording.applyTo(line);
          return lines.save(line);
        });
    return recording.outcome();
  }

  /** Records one claimed deposit through {@link Payments#record}; a refusal becomes the line's note. */
  private Recording recordOne(
      long importId, long lineNumber, long applicationId, long amountYen, LocalDate valueDate, String reference,
      String recordedBy) {
    try {
      RecordedPayment recorded = payments.record(applicationId, amountYen, valueDate, reference, recordedBy);
      return new Recording(recorded.payment().getId(), recorded.processNote());
    } catch (PaymentRefused e) {
      return new Recording(null, e.getMessage());
    } catch (DataIntegrityViolationException | OptimisticLockingFailureException e) {
      return new Recording(
          null,
          "the invoice of application "
              + applicationId
              + " was paid by someone else at the same moment; check it before recording this deposit");
    } catch (RuntimeException e) {
      log.error("deposit on line {} of import {} could not be recorded", lineNumber, importId, e);
      // The exception's message may quote SQL; the log has it, the report says where to look.
      return new Recording(null, "the payment could not be recorded (logged for operations); record it by hand");
    }
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
  private static String paymentReference(String bankReference, String payer) {
    String reference = (bankReference + " " + (payer == null ? "" : payer)).strip();
    return reference.length() > MAX_PAYMENT_REFERENCE
        ? reference.substring(0, MAX_PAYMENT_REFERENCE)
        : reference;
  }

  private <T> T inOwnTransaction(java.util.function.Supplier<T> work) {
    return ownTransaction.execute(tx -> work.get());
  }


}
