package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.repository.core.support.RepositoryComposition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chunk's JDBC batches (issue 12) keep what the entity inserts guaranteed: they run in the
 * JPA transaction of the chunk, so a rollback leaves none of its lines, and a deposit key stored
 * already refuses the whole chunk with the exception the import retries on. In-memory H2 migrated
 * by the application's scripts, the repository and its fragment wired as Spring Data wires them.
 */
class BankStatementLineBatchesTest {

  private HikariDataSource dataSource;
  private LocalContainerEntityManagerFactoryBean entityManagers;
  private BankStatementLineRepository lines;
  private TransactionTemplate transaction;
  private JdbcTemplate jdbc;
  private long importId;

  @BeforeEach
  void database() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:h2:mem:statement-line-batches;DB_CLOSE_DELAY=-1");
    config.setUsername("sa");
    dataSource = new HikariDataSource(config);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    entityManagers = new LocalContainerEntityManagerFactoryBean();
    entityManagers.setDataSource(dataSource);
    entityManagers.setPackagesToScan("org.cabackoffice.payment");
    entityManagers.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
    Properties jpa = new Properties();
    jpa.setProperty(
        "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    entityManagers.setJpaProperties(jpa);
    entityManagers.afterPropertiesSet();
    transaction = new TransactionTemplate(new JpaTransactionManager(entityManagers.getObject()));
    JpaRepositoryFactory repositories =
        new JpaRepositoryFactory(SharedEntityManagerCreator.createSharedEntityManager(entityManagers.getObject()));
    jdbc = new JdbcTemplate(dataSource);
    // The applications and payments the lines name are not what these tests are about; the
    // unique deposit key, which they are about, is a constraint of its own and stays checked.
    jdbc.execute("set referential_integrity false");
    lines =
        repositories.getRepository(
            BankStatementLineRepository.class,
            RepositoryComposition.RepositoryFragments.just(new BankStatementLineBatchesImpl(jdbc)));
    BankStatementImportRepository imports = repositories.getRepository(BankStatementImportRepository.class);
    importId =
        transaction.execute(
            tx -> imports.save(
                new BankStatementImport("a.csv", "0".repeat(64), 1, BankStatementFormat.CSV, "officer1", Instant.now()))
                .getId());
  }

  @AfterEach
  void close() {
    entityManagers.destroy();
    dataSource.close();
  }

  private static DepositNotification deposit(long line, String reference) {
    return new DepositNotification(
        line, "csv:0000018:" + reference, reference, "123", "0000018", 89_100, LocalDate.of(2025, 6, 2), "ｶ)ｻﾝﾌﾟﾙ", false);
  }

  private long stored() {
    return jdbc.queryForObject("select count(*) from bank_statement_line", Long.class);
  }

  @Test
  void aChunkRolledBackLeavesNoneOfItsLines() {
    assertThatThrownBy(
            () -> transaction.execute(
                tx -> {
                  lines.insertAll(List.of(BankStatementLine.unmatched(importId, deposit(2, "T1"), UnmatchedReason.UNKNOWN_ACCOUNT, "none of ours")));
                  throw new IllegalStateException("the chunk fails after its insert");
                }))
        .hasMessageContaining("the chunk fails");

    assertThat(stored()).isZero();
  }

  @Test
  void aDepositKeyStoredAlreadyRefusesTheWholeChunk() {
    transaction.executeWithoutResult(
        tx -> lines.insertAll(List.of(BankStatementLine.matching(importId, deposit(2, "T1"), 7L))));

    assertThatThrownBy(
            () -> transaction.executeWithoutResult(
                tx -> lines.insertAll(List.of(
                    BankStatementLine.unmatched(importId, deposit(3, "T2"), UnmatchedReason.UNKNOWN_ACCOUNT, "none of ours"),
                    BankStatementLine.unmatched(importId, deposit(4, "T1"), UnmatchedReason.UNKNOWN_ACCOUNT, "none of ours")))))
        .isInstanceOf(DataIntegrityViolationException.class);

    assertThat(stored()).isEqualTo(1);
    assertThat(lines.importsHolding(List.of("csv:0000018:T1", "csv:0000018:T2"))).containsOnlyKeys("csv:0000018:T1");
  }

  @Test
  void aClaimedLinesOutcomeIsWrittenByItsDepositKey() {
    BankStatementLine claimed = BankStatementLine.matching(importId, deposit(2, "T1"), 7L);
    BankStatementLine refused = BankStatementLine.matching(importId, deposit(3, "T2"), 8L);
    transaction.executeWithoutResult(tx -> lines.insertAll(List.of(claimed, refused)));
    claimed.matched(41L, null);
    refused.notRecorded("the invoice of application 8 is cancelled; refund the transfer");

    transaction.executeWithoutResult(tx -> lines.writeOutcomes(importId, List.of(claimed, refused)));

    assertThat(jdbc.queryForList(
            "select outcome, payment_id, reason, message from bank_statement_line order by line_number"))
        .extracting(row -> List.of(row.get("OUTCOME"), String.valueOf(row.get("PAYMENT_ID")), String.valueOf(row.get("REASON")), String.valueOf(row.get("MESSAGE"))))
        .containsExactly(
            List.of("MATCHED", "41", "null", "null"),
            List.of("UNMATCHED", "null", "NOT_RECORDED", "the invoice of application 8 is cancelled; refund the transfer"));
  }
}
