package org.cabackoffice.payment;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays contract invoices ({@link ContractInvoices}, the ACME contracts of issue 15) with the
 * deposits of an import that paid no application's invoice. It runs once after the import's lines
 * are stored and leaves the import's own matching ({@link DepositMatching}) as it is: an
 * application's invoice of the amount is paid first, as before contracts existed.
 *
 * <p>Only a deposit that passed every other check waits here: into one of our virtual accounts, at
 * our branch, a plausible value date, not a duplicate nor a cancellation, and not possibly
 * recorded already. It pays the account's oldest unpaid contract invoice whose total is exactly the
 * amount and whose date is not after the value date, the rule an application's invoice follows
 * (guide [3-2]: one account per user ID, reused for everything it buys).
 *
 * <p>It reads only the import's lines into the few accounts that have an unpaid contract invoice:
 * a statement of a million deposits for applications (bench/, BankStatementScale) costs it one
 * query, not a transaction per unmatched line.
 */
@Service
public class ContractDeposits {

  private static final Logger log = LoggerFactory.getLogger(ContractDeposits.class);

  /** The reasons a deposit may still pay a contract's invoice: it found no application's invoice of its amount. */
  static final Set<UnmatchedReason> WAITING =
      EnumSet.of(UnmatchedReason.NO_OPEN_INVOICE, UnmatchedReason.AMOUNT_MISMATCH, UnmatchedReason.VALUE_DATE_BEFORE_INVOICE);

  private final BankStatementLineRepository lines;
  private final VirtualAccountRepository accounts;
  private final ContractInvoices contracts;
  private final TransactionTemplate ownTransaction;

  public ContractDeposits(
      BankStatementLineRepository lines,
      VirtualAccountRepository accounts,
      ContractInvoices contracts,
      PlatformTransactionManager transactionManager) {
    this.lines = lines;
    this.accounts = accounts;
    this.contracts = contracts;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The contract invoice a deposit pays: the oldest of exactly its amount issued by its value date. */
  static Optional<ContractInvoices.Open> paidBy(long amountYen, LocalDate valueDate, List<ContractInvoices.Open> open) {
    return open.stream()
        .filter(i -> i.totalYen() == amountYen && !valueDate.isBefore(i.invoicedOn()))
        .min(Comparator.comparingLong(ContractInvoices.Open::invoiceNumber));
  }

  /**
   * Pays contract invoices with the import's waiting deposits, each deposit with its contract in a
   * transaction of its own, so a contract is never paid without its line saying so.
   *
   * @return how many deposits paid a contract
   */
  int settle(long importId, String recordedBy) {
    Set<String> billed = new java.util.HashSet<>();
    for (Long accountId : contracts.accountsWithOpenInvoices()) {
      accounts.findById(accountId).ifPresent(a -> billed.add(a.getAccountNumber()));
    }
    if (billed.isEmpty()) {
      return 0;
    }
    int paid = 0;
    for (BankStatementLine waiting :
        lines.findByImportIdAndOutcomeAndReasonInAndAccountNumberInOrderByLineNumberAsc(
            importId, StatementLineOutcome.UNMATCHED, WAITING, billed)) {
      Boolean done = ownTransaction.execute(tx -> settleOne(waiting.getId(), recordedBy));
      if (Boolean.TRUE.equals(done)) {
        paid++;
      }
    }
    return paid;
  }

  private boolean settleOne(long lineId, String recordedBy) {
    BankStatementLine line = lines.findById(lineId).orElseThrow();
    Optional<VirtualAccount> account = accounts.findByAccountNumber(line.getAccountNumber());
    if (account.isEmpty()) {
      return false;
    }
    Optional<ContractInvoices.Open> invoice =
        paidBy(line.getAmountYen(), line.getValueDate(), contracts.openOf(account.get().getId()));
    if (invoice.isEmpty()) {
      return false;
    }
    String reference = line.getReference() + (line.getPayer() == null ? "" : " " + line.getPayer());
    if (!contracts.pay(invoice.get().contractId(), line.getValueDate(), reference.strip(), recordedBy)) {
      // Paid by an officer or another import since we looked: the deposit stays for an officer.
      return false;
    }
    line.paidContract(
        invoice.get().contractId(),
        String.format(Locale.ROOT, "paid the invoice No. %06d of ACME contract %d (%,d yen)",
            invoice.get().invoiceNumber(), invoice.get().contractId(), invoice.get().totalYen()));
    lines.save(line);
    log.info("import {}: line {} paid ACME contract {} (invoice No. {})",
        line.getImportId(), line.getLineNumber(), invoice.get().contractId(), invoice.get().invoiceNumber());
    return true;
  }
}
