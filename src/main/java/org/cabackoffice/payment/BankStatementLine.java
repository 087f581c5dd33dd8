package org.cabackoffice.payment;

import org.cabackoffice.input.Truncation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One record or line of an imported statement file and its outcome. The unmatched ones are the
 * deposits an officer works through.
 */
@Entity
@Table(name = "bank_statement_line")
public class BankStatementLine {

  private static final int MAX_MESSAGE = 1000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "import_id", nullable = false, updatable = false)
  private long importId;

  @Column(name = "line_number", nullable = false, updatable = false)
  private long lineNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 16)
  private StatementLineOutcome outcome;

  /** Set on a deposit's first sighting only; unique, see V12__bank_statements.sql. */
  @Column(name = "deposit_key", updatable = false, length = 200, unique = true)
  private String depositKey;

  @Column(name = "reference", updatable = false, length = 64)
  private String reference;

  @Column(name = "branch_code", updatable = false, length = 3)
  private String branchCode;

  @Column(name = "account_number", updatable = false, length = 7)
  private String accountNumber;

  @Column(name = "amount_yen", updatable = false)
  private Long amountYen;

  @Column(name = "value_date", updatable = false)
  private LocalDate valueDate;

  @Column(name = "payer", updatable = false, length = 100)
  private String payer;

  @Column(name = "application_id")
  private Long applicationId;

  @Column(name = "payment_id")
  private Long paymentId;

  /** The ACME contract whose invoice the deposit paid ({@link ContractDeposits}); no payment row then. */
  @Column(name = "acme_contract_id")
  private Long acmeContractId;

  @Enumerated(EnumType.STRING)
  @Column(name = "reason", length = 32)
  private UnmatchedReason reason;

  @Column(name = "message", length = MAX_MESSAGE)
  private String message;

  @Column(name = "duplicate_of_import_id", updatable = false)
  private Long duplicateOfImportId;

  protected BankStatementLine() {}

  private BankStatementLine(long importId, long lineNumber, StatementLineOutcome outcome) {
    this.importId = importId;
    this.lineNumber = lineNumber;
    this.outcome = outcome;
  }

  private BankStatementLine(
      long importId, DepositNotification deposit, StatementLineOutcome outcome, String depositKey) {
    this(importId, deposit.line(), outcome);
    this.depositKey = depositKey;
    this.reference = deposit.reference();
    this.branchCode = deposit.branchCode();
    this.accountNumber = deposit.accountNumber();
    this.amountYen = deposit.amountYen();
    this.valueDate = deposit.valueDate();
    this.payer = deposit.payer();
  }

  static BankStatementLine error(long importId, MalformedRecord record) {
    BankStatementLine line = new BankStatementLine(importId, record.line(), StatementLineOutcome.ERROR);
    line.message = shorten(record.message());
    return line;
  }

  static BankStatementLine duplicate(long importId, DepositNotification deposit, Long firstImportId) {
    BankStatementLine line =
        new BankStatementLine(importId, deposit, StatementLineOutcome.DUPLICATE, null);
    line.duplicateOfImportId = firstImportId;
    return line;
  }

  static BankStatementLine unmatched(
      long importId, DepositNotification deposit, UnmatchedReason reason, String message) {
    BankStatementLine line =
        new BankStatementLine(importId, deposit, StatementLineOutcome.UNMATCHED, deposit.depositKey());
    line.reason = reason;
    line.message = shorten(message);
    return line;
  }

  /** The deposit claimed for the invoice of an application, before the payment is recorded. */
  static BankStatementLine matching(long importId, DepositNotification deposit, long applicationId) {
    BankStatementLine line =
        new BankStatementLine(importId, deposit, StatementLineOutcome.MATCHING, deposit.depositKey());
    line.applicationId = applicationId;
    return line;
  }

  void matched(long paymentId, String note) {
    this.outcome = StatementLineOutcome.MATCHED;
    this.paymentId = paymentId;
    this.message = shorten(note);
  }

  /** The deposit paid an ACME contract's invoice, which records its payment on the contract. */
  void paidContract(long contractId, String note) {
    this.outcome = StatementLineOutcome.MATCHED;
    this.reason = null;
    this.acmeContractId = contractId;
    this.message = shorten(note);
  }

  void notRecorded(String why) {
    this.outcome = StatementLineOutcome.UNMATCHED;
    this.reason = UnmatchedReason.NOT_RECORDED;
    this.message = shorten(why);
  }

  private static String shorten(String text) {
    return Truncation.abbreviated(text, MAX_MESSAGE);
  }

  public Long getId() {
    return id;
  }

  public long getImportId() {
    return importId;
  }

  public long getLineNumber() {
    return lineNumber;
  }

  public StatementLineOutcome getOutcome() {
    return outcome;
  }

  public String getDepositKey() {
    return depositKey;
  }

  public String getReference() {
    return reference;
  }

  public String getBranchCode() {
    return branchCode;
  }

  public String getAccountNumber() {
    return accountNumber;
  }

  public Long getAmountYen() {
    return amountYen;
  }

  public LocalDate getValueDate() {
    return valueDate;
  }

  public String getPayer() {
    return payer;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public Long getPaymentId() {
    return paymentId;
  }

  public UnmatchedReason getReason() {
    return reason;
  }

  public String getMessage() {
    return message;
  }

  public Long getDuplicateOfImportId() {
    return duplicateOfImportId;
  }

  public Long getAcmeContractId() {
    return acmeContractId;
  }
}
