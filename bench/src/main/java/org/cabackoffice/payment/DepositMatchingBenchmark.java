package org.cabackoffice.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 12: how many deposits per second {@link DepositMatching#match} decides, once the import
 * has gathered a chunk's facts (BankStatementImports.importChunk). The deposit pays an account's
 * open invoice of its amount; the account has {@code openInvoices} open invoices (guide [3-2]: one
 * virtual account per user ID, reused for every application), half of them of the deposit's
 * amount, and as many recorded payments of other amounts, so every rule runs up to the last.
 * The database reads and writes around it are BankStatementScale's, not this figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DepositMatchingBenchmark {

  @Param({"3", "100"})
  public int openInvoices;

  private DepositNotification deposit;
  private DepositMatching.Facts facts;

  @Setup
  public void gatherFacts() {
    ZoneId japan = ZoneId.of("Asia/Tokyo");
    LocalDate today = LocalDate.of(2026, 12, 4);
    List<Invoice> open = new ArrayList<>();
    List<Payment> paid = new ArrayList<>();
    for (int i = 0; i < openInvoices; i++) {
      LocalDate issued = today.minusDays(openInvoices - i);
      long price = i % 2 == 0 ? 60_000 : 90_000;
      open.add(new Invoice(1_000 + i, 500 + i, 7, 42, "GLOBAL_SERVER_ID", false, false, price, 0, 10, price / 10,
          issued, issued.plusDays(14), "admin@sample.co.jp", issued.atStartOfDay(japan).toInstant()));
      paid.add(new Payment(9_000 + i, 400 + i, 55_000, issued, "REF" + i, "import", Instant.now()));
    }
    deposit = new DepositNotification(1, "2026120400001", "0000001", "101", "1234567", 66_000, today, "ｻﾝﾌﾟﾙ(ｶ", false);
    facts = new DepositMatching.Facts(null, "101", true, open, paid, today);
    if (!(DepositMatching.match(deposit, facts) instanceof DepositMatching.Pays)) {
      throw new IllegalStateException("the benchmark's deposit must pay an invoice: " + DepositMatching.match(deposit, facts));
    }
  }

  @Benchmark
  public DepositMatching.Outcome match() {
    return DepositMatching.match(deposit, facts);
  }
}
