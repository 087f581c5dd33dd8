package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.workflow.RenewalProcess;
import org.junit.jupiter.api.Test;

class BankStatementImportsTest {

  private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
  /** The virtual accounts' branch in {@link InvoicesTest#defaults()}. */
  private static final String BRANCH = "123";

  private final InMemoryPaymentStore store = new InMemoryPaymentStore();
  private final RecordingProcessSignals signals = new RecordingProcessSignals();
  private final RecordingTransactions transactions = new RecordingTransactions();
  private final Payments payments =
      new Payments(store.invoiceRepository, store.paymentRepository, signals, transactions, InvoicesTest.CLOCK);
  private final InMemoryContractInvoices contractInvoices = new InMemoryContractInvoices();
  private final ContractDeposits contractDeposits =
      new ContractDeposits(store.statementLineRepository, store.virtualAccountRepository, contractInvoices, transactions);
  private final BankStatementImports imports =
      new BankStatementImports(
          store.statementImportRepository,
          store.statementLineRepository,
          store.virtualAccountRepository,
          store.invoiceRepository,
          payments,
          contractDeposits,
          InvoicesTest.defaults(),
          transactions,
          InvoicesTest.CLOCK);

  private Invoices invoicesAt(Clock clock) {
    return new Invoices(
        store.invoiceRepository,
        new java.util.concurrent.atomic.AtomicLong(1)::getAndIncrement,
        new VirtualAccounts(store.virtualAccountRepository, clock),
        store.virtualAccountRepository,
        InvoicesTest.defaults(),
        new MailTemplates(),
        new ArrayList<>()::add,
        clock);
  }

  /** SECURE_SERVER_ID without express: 81,000 + 8,100 tax = 89,100 yen. */
  private Invoice invoice(long applicationId, long customer) {
    return invoicesAt(InvoicesTest.CLOCK)
        .issue(applicationId, customer, "SECURE_SERVER_ID", false, false, "tech@example.jp");
  }

  private String accountOf(Invoice invoice) {
    return store.virtualAccountRepository.findById(invoice.getVirtualAccountId()).orElseThrow().getAccountNumber();
  }

  private static byte[] zengin(String account, long amount, int inquiry) {
    return ZenginFixture.withCrLf()
        .header(BRANCH, account, TODAY)
        .deposit(inquiry, TODAY, amount, "ｶ)ｻﾝﾌﾟﾙ")
        .trailer(1, amount)
        .end()
        .build();
  }

  @Test
  void aDepositOfExactlyTheTotalPaysTheInvoiceAndTellsTheProcess() {
    Invoice invoice = invoice(7L, 1L);

    StatementImportReport report = imports.importStatement("0602.txt", zengin(accountOf(invoice), 89_100, 123), "officer1");

    assertThat(report.format()).isEqualTo(BankStatementFormat.ZENGIN);
    assertThat(report.matched()).singleElement().satisfies(m -> {
      assertThat(m.line()).isEqualTo(2);
      assertThat(m.applicationId()).isEqualTo(7L);
      assertThat(m.amountYen()).isEqualTo(89_100L);
    });
    assertThat(report.unmatched()).isEmpty();
    assertThat(report.duplicates()).isEmpty();
    assertThat(report.errors()).isEmpty();
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(store.payments).singleElement().satisfies(p -> {
      assertThat(p.getRecordedBy()).isEqualTo("bank-statement:" + report.importId());
      assertThat(p.getReference()).isEqualTo("000123 ｶ)ｻﾝﾌﾟﾙ");
      assertThat(p.getValueDate()).isEqualTo(TODAY);
    });
    assertThat(signals.delivered)
        .containsExactly(new RecordingProcessSignals.Delivery(RenewalProcess.Messages.PAYMENT_RECEIVED, 7L));
    BankStatementImport stored = store.statementImports.get(0);
    assertThat(stored.getFileName()).isEqualTo("0602.txt");
    assertThat(stored.getSha256()).hasSize(64);
    assertThat(stored.getImportedBy()).isEqualTo("officer1");
    assertThat(stored.getCompletedAt()).isNotNull();
    assertThat(stored.getMatchedCount()).isEqualTo(1);
  }

  @Test
  void aDepositThatPaysNoApplicationPaysTheAccountsAcmeContractOnce() {
    // Issue 15: a contract's invoice goes to the same dedicated account; its transfer pays it.
    VirtualAccount account = new VirtualAccounts(store.virtualAccountRepository, InvoicesTest.CLOCK).forCustomer(2L);
    contractInvoices.bill(account.getId(), 41L, 900L, 1_639_000L, TODAY.minusDays(3));
    contractInvoices.bill(account.getId(), 40L, 899L, 1_639_000L, TODAY.minusDays(3));
    contractInvoices.bill(account.getId(), 42L, 901L, 1_639_000L, TODAY.plusDays(1));
    byte[] file =
        ZenginFixture.withCrLf()
            .header(BRANCH, account.getAccountNumber(), TODAY)
            .deposit(1, TODAY, 1_639_000, "ｶ)ｻﾝﾌﾟﾙ")
            .deposit(2, TODAY, 1_639_000, "ｶ)ｻﾝﾌﾟﾙ")
            .deposit(3, TODAY, 1_639_000, "ｶ)ｻﾝﾌﾟﾙ")
            .trailer(3, 4_917_000)
            .end()
            .build();

    StatementImportReport report = imports.importStatement("a", file, "officer1");

    // The oldest invoice of the amount first; one invoiced after the value date is not paid by it.
    assertThat(report.matched())
        .extracting(StatementImportReport.Matched::line, StatementImportReport.Matched::acmeContractId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 40L), org.assertj.core.groups.Tuple.tuple(3L, 41L));
    assertThat(report.matched().get(0).note()).contains("invoice No. 000899").contains("ACME contract 40");
    assertThat(report.matched().get(0).paymentId()).isNull();
    assertThat(contractInvoices.paid).containsOnlyKeys(40L, 41L);
    assertThat(contractInvoices.paid.get(40L)).isEqualTo("000001 ｶ)ｻﾝﾌﾟﾙ / " + TODAY + " / bank-statement:" + report.importId());
    assertThat(report.unmatched()).singleElement().satisfies(u -> {
      assertThat(u.line()).isEqualTo(4);
      assertThat(u.reasonCode()).isEqualTo(UnmatchedReason.NO_OPEN_INVOICE);
    });
    assertThat(store.statementImports.get(0).getMatchedCount()).isEqualTo(2);
    assertThat(store.payments).isEmpty();
    assertThat(signals.delivered).isEmpty();
  }

  @Test
  void anApplicationsInvoiceOfTheAmountIsPaidBeforeAContractsAndAnotherAmountPaysNeither() {
    Invoice invoice = invoice(7L, 1L);
    contractInvoices.bill(invoice.getVirtualAccountId(), 40L, 899L, 89_100L, TODAY.minusDays(30));
    byte[] file =
        ZenginFixture.withCrLf()
            .header(BRANCH, accountOf(invoice), TODAY)
            .deposit(1, TODAY, 89_100, "ｶ)ｻﾝﾌﾟﾙ")
            .deposit(2, TODAY, 50_000, "ｶ)ｻﾝﾌﾟﾙ")
            .trailer(2, 139_100)
            .end()
            .build();

    StatementImportReport report = imports.importStatement("a", file, "officer1");

    assertThat(report.matched()).singleElement().satisfies(m -> {
      assertThat(m.applicationId()).isEqualTo(7L);
      assertThat(m.acmeContractId()).isNull();
    });
    assertThat(report.unmatched()).singleElement().satisfies(u ->
        assertThat(u.reasonCode()).isEqualTo(UnmatchedReason.NO_OPEN_INVOICE));
    assertThat(contractInvoices.paid).isEmpty();
  }

  @Test
  void equalOpenInvoicesOfOneAccountArePaidOldestFirst() {
    // guide [3-2]: one account per user ID, reused for every application, so equal open
    // invoices are normal; the README's rule pays the oldest, as the customer expects.
    Invoice newer = invoicesAt(Clock.offset(InvoicesTest.CLOCK, Duration.ofDays(-1)))
        .issue(8L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");
    Invoice older = invoicesAt(Clock.offset(InvoicesTest.CLOCK, Duration.ofDays(-5)))
        .issue(7L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");
    Invoice otherProduct = invoicesAt(Clock.offset(InvoicesTest.CLOCK, Duration.ofDays(-9)))
        .issue(6L, 1L, "EV", false, false, "tech@example.jp");
    assertThat(accountOf(newer)).isEqualTo(accountOf(older)).isEqualTo(accountOf(otherProduct));
    byte[] file =
        ZenginFixture.withCrLf()
            .header(BRANCH, accountOf(older), TODAY)
            .deposit(1, TODAY.minusDays(1), 89_100, "ｶ)ｻﾝﾌﾟﾙ")
            .deposit(2, TODAY, 89_100, "ｶ)ｻﾝﾌﾟﾙ")
            .trailer(2, 178_200)
            .end()
            .build();

    StatementImportReport report = imports.importStatement("a", file, "officer1");

    assertThat(report.unmatched()).isEmpty();
    assertThat(report.matched())
        .extracting(StatementImportReport.Matched::line, StatementImportReport.Matched::applicationId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, 7L), org.assertj.core.groups.Tuple.tuple(3L, 8L));
    assertThat(older.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(newer.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(otherProduct.getStatus()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void aDepositBookedBeforeTheInvoiceOrInTheFutureIsKeptUnmatched() {
    Invoice invoice = invoice(7L, 1L); // issued 2025-06-02
    byte[] file =
        ZenginFixture.withCrLf()
            .header(BRANCH, accountOf(invoice), TODAY)
            .deposit(1, LocalDate.of(2019, 6, 1), 89_100, "ｱ") // 令和元年: years before the invoice
            .deposit(2, TODAY.plusDays(1), 89_100, "ｱ")
            .trailer(2, 178_200)
            .end()
            .build();

    StatementImportReport report = imports.importStatement("a", file, "officer1");

    assertThat(report.matched()).isEmpty();
    assertThat(report.unmatched())
        .extracting(StatementImportReport.Unmatched::line, StatementImportReport.Unmatched::reasonCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, UnmatchedReason.VALUE_DATE_BEFORE_INVOICE),
            org.assertj.core.groups.Tuple.tuple(3L, UnmatchedReason.VALUE_DATE_IN_FUTURE));
    assertThat(report.unmatched().get(0).reason()).contains("2019-06-01", "issued on 2025-06-02");
    assertThat(report.unmatched().get(1).reason()).contains("2025-06-03", "future");
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(store.payments).isEmpty();
  }

  @Test
  void aCsvValueDateNoTransferCanHaveIsAnErrorAsWritten() {
    Invoice invoice = invoice(7L, 1L);
    String account = accountOf(invoice);
    String csv =
        "value_date,account_number,amount,payer,reference\n"
            + "1900-01-01," + account + ",89100,ｱ,TX-1\n"
            + "0000-01-01," + account + ",89100,ｱ,TX-2\n"
            + "-0005-01-01," + account + ",89100,ｱ,TX-3\n";

    StatementImportReport report = imports.importStatement("x.csv", csv.getBytes(StandardCharsets.UTF_8), "officer1");

    assertThat(report.errors())
        .extracting(StatementImportReport.Error::line)
        .containsExactly(2L, 3L, 4L);
    assertThat(report.errors().get(1).message()).contains("'0000-01-01'", "2000-01-01");
    assertThat(report.matched()).isEmpty();
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void aTransferAnOfficerRecordedByHandDoesNotPayTheNextInvoice() {
    Invoice first = invoice(7L, 1L);
    Invoice second = invoicesAt(Clock.offset(InvoicesTest.CLOCK, Duration.ofDays(1)))
        .issue(8L, 1L, "SECURE_SERVER_ID", false, false, "tech@example.jp");
    payments.record(7L, first.getTotalYen(), TODAY, "FURIKOMI", "officer1");

    StatementImportReport report = imports.importStatement("0602.txt", zengin(accountOf(first), 89_100, 55), "officer1");

    assertThat(report.matched()).isEmpty();
    assertThat(report.unmatched()).singleElement().satisfies(u -> assertThat(u.reason()).contains("recorded already"));
    assertThat(second.getStatus()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void aFileOfThousandsOfMalformedRecordsIsRefusedAndNothingIsStored() {
    StringBuilder csv = new StringBuilder("value_date,account_number,amount,payer,reference\n");
    for (int i = 0; i <= BankStatementImports.MAX_ERRORS; i++) {
      csv.append("not a date,x,y,z,").append(i).append('\n');
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> imports.importStatement("junk.csv", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "officer1"))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("malformed records");
    assertThat(store.statementImports).isEmpty();
  }

  @Test
  void aFileThatFailsItsOwnTotalsRecordsNothingAndIsNotStored() {
    Invoice invoice = invoice(7L, 1L);
    byte[] file =
        ZenginFixture.withCrLf()
            .header(BRANCH, accountOf(invoice), TODAY)
            .deposit(1, TODAY, 89_100, "ｱ")
            .trailer(2, 178_200) // a second transfer went missing on the way
            .end()
            .build();

    assertThatThrownBy(() -> imports.importStatement("0602.txt", file, "officer1"))
        .isInstanceOf(StatementRejected.class)
        .hasMessageContaining("declares 2 transfers of 178,200 yen")
        .hasMessageContaining("holds 1 transfers of 89,100 yen");
    assertThat(store.statementImports).isEmpty();
    assertThat(store.statementLines).isEmpty();
    assertThat(store.payments).isEmpty();
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(signals.delivered).isEmpty();
  }

  @Test
  void aDepositImportedBeforeIsADuplicateAndNothingIsRecordedTwice() {
    Invoice invoice = invoice(7L, 1L);
    byte[] file = zengin(accountOf(invoice), 89_100, 123);
    StatementImportReport first = imports.importStatement("0602.txt", file, "officer1");

    StatementImportReport again = imports.importStatement("0602.txt", file, "operator");

    assertThat(again.matched()).isEmpty();
    assertThat(again.unmatched()).isEmpty();
    assertThat(again.duplicates()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(2);
      assertThat(d.reference()).isEqualTo("000123");
      assertThat(d.firstImportId()).isEqualTo(first.importId());
    });
    assertThat(store.payments).hasSize(1);
    assertThat(signals.delivered).hasSize(1);
    assertThat(store.statementImports).hasSize(2);
  }

  @Test
  void anAccountThatIsNoVirtualAccountIsKeptUnmatched() {
    invoice(7L, 1L);

    StatementImportReport report = imports.importStatement("a", zengin("1234567", 89_100, 1), "officer1");

    assertThat(report.unmatched()).singleElement().satisfies(u -> {
      assertThat(u.line()).isEqualTo(2);
      assertThat(u.accountNumber()).isEqualTo("1234567");
      assertThat(u.amountYen()).isEqualTo(89_100L);
      assertThat(u.reasonCode()).isEqualTo(UnmatchedReason.UNKNOWN_ACCOUNT);
      assertThat(u.reason()).contains("1234567");
    });
    assertThat(store.payments).isEmpty();
  }

  @Test
  void anotherAmountIsKeptUnmatchedNamingTheOpenTotals() {
    Invoice invoice = invoice(7L, 1L);

    StatementImportReport report = imports.importStatement("a", zengin(accountOf(invoice), 81_000, 1), "officer1");

    assertThat(report.unmatched()).singleElement().satisfies(u -> {
      assertThat(u.reasonCode()).isEqualTo(UnmatchedReason.AMOUNT_MISMATCH);
      assertThat(u.reason()).contains("81,000", "application 7: 89,100 yen");
    });
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
    assertThat(store.payments).isEmpty();
    assertThat(signals.delivered).isEmpty();
  }

  @Test
  void anAccountWithoutOpenInvoiceIsKeptUnmatched() {
    Invoice invoice = invoice(7L, 1L);
    invoicesAt(InvoicesTest.CLOCK).cancel(7L);

    StatementImportReport report = imports.importStatement("a", zengin(accountOf(invoice), 89_100, 1), "officer1");

    assertThat(report.unmatched()).singleElement()
        .satisfies(u -> assertThat(u.reasonCode()).isEqualTo(UnmatchedReason.NO_OPEN_INVOICE));
  }

  @Test
  void anotherBranchAndTheBanksCancellationAreKeptUnmatched() {
    Invoice invoice = invoice(7L, 1L);
    String account = accountOf(invoice);
    byte[] file =
        ZenginFixture.withoutLineBreaks()
            .header("456", account, TODAY)
            .deposit(1, TODAY, 89_100, "ｱ")
            .trailer(1, 89_100)
            .header(BRANCH, account, TODAY)
            .data(2, ZenginFixture.wareki(TODAY), 89_100, "ｱ", "1")
            .raw("8" + "000000" + ZenginFixture.n(0, 12) + "000001" + ZenginFixture.n(89_100, 12) + " ".repeat(163))
            .end()
            .build();

    StatementImportReport report = imports.importStatement("a", file, "officer1");

    assertThat(report.unmatched())
        .extracting(StatementImportReport.Unmatched::line, StatementImportReport.Unmatched::reasonCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, UnmatchedReason.OTHER_BRANCH),
            org.assertj.core.groups.Tuple.tuple(5L, UnmatchedReason.CANCELLED_BY_BANK));
    assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OPEN);
  }

  @Test
  void aPaymentTheInvoiceRefusesLeavesTheDepositUnmatchedWithTheReason() {
    Invoice invoice = invoice(7L, 1L);
    // the invoice was paid by an officer by hand between the match and the recording
    Payments refusing =
        new Payments(store.invoiceRepository, store.paymentRepository, signals, transactions, InvoicesTest.CLOCK) {
          @Override
          List<Settlement> recordAll(List<Transfer> transfers, String recordedBy) {
            record(7L, 89_100, TODAY, "by hand", "officer2");
            return super.recordAll(transfers, recordedBy);
          }
        };
    BankStatementImports importsRefused =
        new BankStatementImports(
            store.statementImportRepository,
            store.statementLineRepository,
            store.virtualAccountRepository,
            store.invoiceRepository,
            refusing,
            contractDeposits,
            InvoicesTest.defaults(),
            transactions,
            InvoicesTest.CLOCK);

    StatementImportReport report = importsRefused.importStatement("a", zengin(accountOf(invoice), 89_100, 1), "officer1");

    assertThat(report.unmatched()).singleElement().satisfies(u -> {
      assertThat(u.reasonCode()).isEqualTo(UnmatchedReason.NOT_RECORDED);
      assertThat(u.reason()).contains("already paid");
      assertThat(u.applicationId()).isEqualTo(7L);
    });
    assertThat(store.payments).singleElement().satisfies(p -> assertThat(p.getRecordedBy()).isEqualTo("officer2"));
    assertThat(store.statementLines).singleElement()
        .satisfies(l -> assertThat(l.getOutcome()).isEqualTo(StatementLineOutcome.UNMATCHED));
  }

  @Test
  void malformedLinesAreErrorsAndTheRestOfTheCsvImports() {
    Invoice invoice = invoice(7L, 1L);
    String csv =
        "value_date,account_number,amount,payer,reference\n"
            + "2025-06-02,0000000,abc,ｱ,TX-1\n"
            + "2025-06-02," + accountOf(invoice) + ",\"89,100\",ｶ)ｻﾝﾌﾟﾙ,TX-2\n";

    StatementImportReport report = imports.importStatement("export.csv", csv.getBytes(StandardCharsets.UTF_8), "officer1");

    assertThat(report.format()).isEqualTo(BankStatementFormat.CSV);
    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.message()).contains("amount");
    });
    assertThat(report.matched()).singleElement().satisfies(m -> {
      assertThat(m.line()).isEqualTo(3);
      assertThat(m.applicationId()).isEqualTo(7L);
    });
    assertThat(store.payments).singleElement().satisfies(p -> assertThat(p.getReference()).isEqualTo("TX-2 ｶ)ｻﾝﾌﾟﾙ"));
    assertThat(imports.find(report.importId())).contains(report);
  }

  @Test
  void aMalformedLineInTheMiddleOfAChunkIsAnErrorAndTheDepositsAroundItImport() {
    Invoice first = invoice(7L, 1L);
    Invoice second = invoice(8L, 2L);
    StringBuilder csv = new StringBuilder("value_date,account_number,amount,payer,reference\n");
    for (int i = 0; i < 10; i++) {
      csv.append("2025-06-02,0000000,5000,ｱ,U-").append(i).append('\n'); // lines 2-11
    }
    csv.append("2025-06-02,").append(accountOf(first)).append(",89100,ｶ)ｻﾝﾌﾟﾙ,TX-A\n"); // 12
    csv.append("2025-06-02,0000000,-5,ｱ,BAD\n"); // 13
    csv.append("2025-06-02,").append(accountOf(second)).append(",89100,ｶ)ｻﾝﾌﾟﾙ,TX-B\n"); // 14
    csv.append("2025-06-02,").append(accountOf(first)).append(",89100,ｶ)ｻﾝﾌﾟﾙ,TX-A\n"); // 15

    StatementImportReport report =
        imports.importStatement("export.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "officer1");

    assertThat(report.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(13);
      assertThat(e.message()).contains("amount");
    });
    assertThat(report.matched())
        .extracting(StatementImportReport.Matched::line, StatementImportReport.Matched::applicationId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(12L, 7L), org.assertj.core.groups.Tuple.tuple(14L, 8L));
    assertThat(report.duplicates()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(15);
      assertThat(d.firstImportId()).isEqualTo(report.importId());
    });
    assertThat(report.unmatched()).hasSize(10).allSatisfy(u -> assertThat(u.reasonCode()).isEqualTo(UnmatchedReason.UNKNOWN_ACCOUNT));
    // Every line is stored with its outcome, the error among them.
    assertThat(store.statementLines).extracting(BankStatementLine::getLineNumber).containsExactlyInAnyOrderElementsOf(
        java.util.stream.LongStream.rangeClosed(2, 15).boxed().toList());
    assertThat(store.payments).hasSize(2);
    assertThat(first.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(second.getStatus()).isEqualTo(InvoiceStatus.PAID);
    assertThat(signals.delivered).hasSize(2);
  }

  @Test
  void aFileLongerThanAChunkPaysAnInvoiceOnceAndKnowsItsOwnDepositsInTheNextChunk() {
    Invoice invoice = invoice(7L, 1L);
    StringBuilder csv = new StringBuilder("value_date,account_number,amount,payer,reference\n");
    for (int i = 0; i < BankStatementImports.CHUNK - 1; i++) {
      csv.append("2025-06-02,0000000,5000,ｱ,U-").append(i).append('\n');
    }
    String pays = "2025-06-02," + accountOf(invoice) + ",89100,ｶ)ｻﾝﾌﾟﾙ,TX-A\n";
    csv.append(pays); // the last line of the first chunk
    csv.append("2025-06-02,").append(accountOf(invoice)).append(",89100,ｶ)ｻﾝﾌﾟﾙ,TX-B\n"); // the next chunk
    csv.append(pays);

    StatementImportReport report =
        imports.importStatement("export.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "officer1");

    long last = BankStatementImports.CHUNK + 1;
    assertThat(report.matched()).singleElement().satisfies(m -> assertThat(m.line()).isEqualTo(last));
    // The report lists the first 1,000 unmatched lines and counts them all; the others are paged.
    assertThat(report.unmatchedCount()).isEqualTo(BankStatementImports.CHUNK);
    assertThat(report.unmatched())
        .hasSize(BankStatementImports.REPORT_LINES)
        .extracting(StatementImportReport.Unmatched::line)
        .startsWith(2L, 3L)
        .endsWith((long) BankStatementImports.REPORT_LINES + 1);
    assertThat(imports.lines(report.importId(), StatementImportReport.Kind.UNMATCHED, last, 10).orElseThrow())
        .singleElement()
        .satisfies(u -> {
          assertThat(u.getLineNumber()).isEqualTo(last + 1);
          assertThat(u.getReason()).isEqualTo(UnmatchedReason.POSSIBLY_RECORDED);
        });
    assertThat(report.duplicates()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(last + 2);
      assertThat(d.firstImportId()).isEqualTo(report.importId());
    });
    assertThat(report.duplicateCount()).isEqualTo(1);
    assertThat(report.matchedCount()).isEqualTo(1);
    assertThat(store.payments).singleElement();
    assertThat(signals.delivered).hasSize(1);
  }

  @Test
  void aRefusedFileStoresNothing() {
    assertThatThrownBy(() -> imports.importStatement("x.pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "officer1"))
        .isInstanceOf(StatementRejected.class);
    assertThat(store.statementImports).isEmpty();
    assertThat(transactions.events).isEmpty();
  }
}
