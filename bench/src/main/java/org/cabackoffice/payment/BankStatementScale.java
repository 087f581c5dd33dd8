package org.cabackoffice.payment;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.cabackoffice.workflow.ProcessSignals;
import org.flywaydb.core.Flyway;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.repository.core.support.RepositoryComposition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Issue 12, "bank statement: 1M deposit lines against 100k open invoices": one CSV statement of
 * {@code lines} deposits imported by the real {@link BankStatementImports} against {@code
 * invoices} open invoices, on an H2 file database migrated by the application's own Flyway
 * scripts, with the application's JPA mappings and repositories (no Spring Boot context, whose
 * start would cost minutes on the shared machine). Prints wall time, the process's CPU time, the
 * importing thread's own CPU time (the JIT and the collector run beside it), GC time and the peak
 * heap.
 *
 * <p>The file, a realistic day gone large: every invoice's virtual account pays its exact total
 * once (those match); of the rest, about 40 % go to accounts that are none of ours, 20 % pay
 * another amount into a customer's account, 20 % repeat an earlier line of the file (the same
 * deposit: duplicates), 20 % pay a customer's total a second time (no open invoice left, or
 * "possibly recorded"). The lines are shuffled.
 *
 * <p>What it leaves out: the process engine. {@link ProcessSignals} only counts the deliveries,
 * so the figures have the payments' and lines' database work but not Camunda's message
 * correlation per matched deposit. The invoices reference applications and customer accounts the
 * benchmark does not create, so H2's referential checks are off for the run.
 *
 * <p>It lives in package {@code payment} (like the CRL measure in {@code crl}) to import without
 * the endpoint's size cap (64 MiB), which more than a million lines exceed.
 */
public final class BankStatementScale {

  private static final String BRANCH = "123";
  private static final long TOTAL = 89_100L;

  /** The bench bills no ACME contract: the import's contract pass (ContractDeposits) looks at no line. */
  private static final ContractInvoices NO_CONTRACTS =
      new ContractInvoices() {
        @Override
        public java.util.Collection<Long> accountsWithOpenInvoices() {
          return java.util.List.of();
        }

        @Override
        public java.util.List<Open> openOf(long virtualAccountId) {
          return java.util.List.of();
        }

        @Override
        public boolean pay(long contractId, LocalDate valueDate, String reference, String recordedBy) {
          return false;
        }
      };

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int invoices = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path dir = Path.of(args.length > 2 ? args[2] : "target/bankscale-db");
    deleteRecursively(dir);
    Files.createDirectories(dir);
    String url = "jdbc:h2:file:" + dir.toAbsolutePath() + "/bench;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("sa");
    config.setPassword("");
    config.setMaximumPoolSize(4);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
      String[] accounts = seed(dataSource, invoices, today.minusDays(30));
      Path file = dir.resolve("statement.csv");
      statement(lines, accounts, today.minusDays(1), file);
      System.out.printf("seeded %,d open invoices; statement of %,d lines, %,d bytes%n", invoices, lines, Files.size(file));

      LocalContainerEntityManagerFactoryBean factoryBean = new LocalContainerEntityManagerFactoryBean();
      factoryBean.setDataSource(dataSource);
      factoryBean.setPackagesToScan("org.cabackoffice.payment");
      factoryBean.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
      Properties jpa = new Properties();
      jpa.setProperty("hibernate.hbm2ddl.auto", "none");
      // As Spring Boot sets them for the application (JpaProperties / HibernateProperties).
      jpa.setProperty(
          "hibernate.physical_naming_strategy",
          "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
      factoryBean.setJpaProperties(jpa);
      factoryBean.afterPropertiesSet();
      EntityManagerFactory emf = factoryBean.getObject();
      JpaTransactionManager transactions = new JpaTransactionManager(emf);
      EntityManager em = SharedEntityManagerCreator.createSharedEntityManager(emf);
      JpaRepositoryFactory repositories = new JpaRepositoryFactory(em);
      AtomicLong told = new AtomicLong();
      ProcessSignals signals =
          new ProcessSignals() {
            @Override
            public void startApplicationProcess(long applicationId, Map<String, Object> variables) {
              throw new UnsupportedOperationException();
            }

            @Override
            public void deliver(String messageName, long applicationId, Map<String, Object> variables) {
              told.incrementAndGet();
            }

            @Override
            public java.util.List<String> currentActivities(long applicationId) {
              return java.util.List.of("wait-for-payment");
            }
          };
      PaymentProperties properties = new PaymentProperties(null, null, BRANCH, null, null, null, null, null);
      InvoiceRepository invoiceRepository = repositories.getRepository(InvoiceRepository.class);
      // The application's Spring Data finds the JDBC fragment by its name; a bare factory is handed it.
      BankStatementLineRepository lineRepository =
          repositories.getRepository(
              BankStatementLineRepository.class,
              RepositoryComposition.RepositoryFragments.just(new BankStatementLineBatchesImpl(new JdbcTemplate(dataSource))));
      Payments payments =
          new Payments(
              invoiceRepository, repositories.getRepository(PaymentRepository.class), signals, transactions,
              Clock.systemUTC());
      BankStatementImports imports =
          new BankStatementImports(
              repositories.getRepository(BankStatementImportRepository.class),
              lineRepository,
              repositories.getRepository(VirtualAccountRepository.class),
              invoiceRepository,
              payments,
              new ContractDeposits(
                  lineRepository,
                  repositories.getRepository(VirtualAccountRepository.class),
                  NO_CONTRACTS,
                  transactions),
              properties,
              transactions,
              Clock.systemUTC());

      System.gc();
      resetPeaks();
      long gcBefore = gcMillis();
      long cpuBefore = processCpuNanos();
      long threadCpuBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long start = System.nanoTime();
      StatementImportReport report = imports.importUnlimited("bench.csv", StatementFile.at(file), "bench");
      long wall = System.nanoTime() - start;
      long cpu = processCpuNanos() - cpuBefore;
      // The importing thread alone: the JIT compilers and GC threads run beside it on other cores.
      long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpuBefore;
      long gc = gcMillis() - gcBefore;
      System.out.printf(
          "imported %,d lines: matched %,d, unmatched %,d, duplicates %,d, errors %,d; processes told %,d%n",
          lines, report.matchedCount(), report.unmatchedCount(), report.duplicateCount(),
          report.errorCount(), told.get());
      System.out.printf(
          "wall %.1f s, process CPU %.1f s, GC %.1f s, peak heap %,d MiB (max %,d MiB), %,.0f lines/s%n",
          wall / 1e9, cpu / 1e9, gc / 1e3, peakHeapBytes() >> 20,
          Runtime.getRuntime().maxMemory() >> 20, lines / (wall / 1e9));
      System.out.printf("importing thread CPU %.1f s, %,.0f lines per CPU-second of it%n", threadCpu / 1e9, lines / (threadCpu / 1e9));
      System.out.printf("load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      factoryBean.destroy();
    }
  }

  /** {@code count} customers, each with a virtual account and one open invoice of {@link #TOTAL}. */
  private static String[] seed(HikariDataSource dataSource, int count, LocalDate issuedOn) throws Exception {
    String[] accounts = new String[count];
    Timestamp issuedAt = Timestamp.valueOf(issuedOn.atTime(10, 0));
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("set referential_integrity false");
      }
      try (PreparedStatement account =
              c.prepareStatement(
                  "insert into virtual_account (id, customer_account_id, account_number, created_at) values (?, ?, ?, ?)");
          PreparedStatement invoice =
              c.prepareStatement(
                  "insert into invoice (id, application_id, invoice_number, customer_account_id, virtual_account_id,"
                      + " product, express, deferred_payment, price_yen, express_surcharge_yen, tax_percent, tax_yen,"
                      + " total_yen, issued_on, due_on, status, technical_contact_email, issued_at, version)"
                      + " values (?, ?, ?, ?, ?, 'SECURE_SERVER_ID', false, false, 81000, 0, 10, 8100, ?, ?, ?, 'OPEN',"
                      + " 'tech@example.jp', ?, 0)")) {
        for (int i = 1; i <= count; i++) {
          accounts[i - 1] = String.format("%07d", 1_000_000 + i);
          account.setLong(1, i);
          account.setLong(2, i);
          account.setString(3, accounts[i - 1]);
          account.setTimestamp(4, issuedAt);
          account.addBatch();
          invoice.setLong(1, i);
          invoice.setLong(2, i);
          invoice.setLong(3, i);
          invoice.setLong(4, i);
          invoice.setLong(5, i);
          invoice.setLong(6, TOTAL);
          invoice.setObject(7, issuedOn);
          invoice.setObject(8, issuedOn.plusDays(14));
          invoice.setTimestamp(9, issuedAt);
          invoice.addBatch();
          if (i % 5_000 == 0 || i == count) {
            account.executeBatch();
            invoice.executeBatch();
            c.commit();
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("alter table virtual_account alter column id restart with " + (count + 1));
        s.execute("alter table invoice alter column id restart with " + (count + 1));
      }
      c.commit();
    }
    return accounts;
  }

  /**
   * The CSV statement described in the class comment, shuffled with a fixed seed, written to a
   * file as an upload is spooled (its rows are garbage before the import starts).
   */
  private static void statement(int lines, String[] accounts, LocalDate valueDate, Path file) throws Exception {
    SplittableRandom random = new SplittableRandom(12);
    String[] rows = new String[lines];
    int matching = Math.min(accounts.length, lines);
    for (int i = 0; i < matching; i++) {
      rows[i] = row(valueDate, accounts[i], TOTAL, "R" + i);
    }
    for (int i = matching; i < lines; i++) {
      int kind = random.nextInt(10);
      String account = accounts[random.nextInt(accounts.length)];
      if (kind < 4) {
        rows[i] = row(valueDate, String.format("%07d", 8_000_000 + random.nextInt(1_000_000)), 10_000 + random.nextInt(500_000), "R" + i);
      } else if (kind < 6) {
        rows[i] = row(valueDate, account, 45_000, "R" + i);
      } else if (kind < 8) {
        rows[i] = rows[random.nextInt(i)];
      } else {
        rows[i] = row(valueDate, account, TOTAL, "R" + i);
      }
    }
    for (int i = lines - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String swap = rows[i];
      rows[i] = rows[j];
      rows[j] = swap;
    }
    try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("value_date,account_number,amount,payer,reference\n");
      for (String row : rows) {
        out.write(row);
      }
    }
  }

  private static String row(LocalDate valueDate, String account, long amount, String reference) {
    return valueDate + "," + BRANCH + "-" + account + "," + amount + ",ｶ)ｻﾝﾌﾟﾙ," + reference + "\n";
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime)
        .sum();
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks since {@link #resetPeaks}: an upper bound of the peak heap. */
  private static long peakHeapBytes() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  private static void deleteRecursively(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
