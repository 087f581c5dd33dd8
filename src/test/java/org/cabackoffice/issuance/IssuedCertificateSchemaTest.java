package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The entity against the Flyway migrations on H2, as ddl-auto=validate will check it at start,
 * with plain Hibernate rather than a Spring context.
 */
class IssuedCertificateSchemaTest {

  private static final String URL = "jdbc:h2:mem:issuance-schema;DB_CLOSE_DELAY=-1";

  private StandardServiceRegistry registry;
  private SessionFactory sessions;

  @BeforeEach
  void migrateAndValidate() {
    Flyway.configure().dataSource(URL, "sa", "").cleanDisabled(false).load().clean();
    Flyway.configure().dataSource(URL, "sa", "").load().migrate();
    registry =
        new StandardServiceRegistryBuilder()
            .applySetting("hibernate.connection.url", URL)
            .applySetting("hibernate.connection.username", "sa")
            .applySetting("hibernate.connection.password", "")
            .applySetting("hibernate.hbm2ddl.auto", "validate")
            .build();
    sessions =
        new MetadataSources(registry)
            .addAnnotatedClass(IssuedCertificate.class)
            .buildMetadata()
            .buildSessionFactory();
  }

  @AfterEach
  void close() {
    sessions.close();
    StandardServiceRegistryBuilder.destroy(registry);
  }

  @Test
  void storesAndReadsAnIssuedCertificateWithItsNames() {
    sessions.inTransaction(
        s ->
            s.createNativeMutationQuery(
                    "insert into customer_account (email, company_name, display_name, password_hash, created_at)"
                        + " values ('tech@example.jp', 'Example', 'Tech', 'x', current_timestamp)")
                .executeUpdate());
    long customerId =
        sessions.fromTransaction(
            s -> s.createNativeQuery("select id from customer_account", Long.class).getSingleResult());

    Instant notBefore = Instant.parse("2026-01-10T03:00:00Z");
    sessions.inTransaction(
        s ->
            s.persist(
                new IssuedCertificate(
                    "a1b2c3", null, customerId, "www.example.jp", List.of("www.example.jp", "example.jp"),
                    "00".repeat(32), notBefore, notBefore.plusSeconds(3600), notBefore, "PEM", true, null)));

    IssuedCertificate read =
        sessions.fromTransaction(
            s ->
                s.createSelectionQuery("from IssuedCertificate where serial = :serial", IssuedCertificate.class)
                    .setParameter("serial", "a1b2c3")
                    .getSingleResult());
    assertThat(read.dnsNames()).containsExactlyInAnyOrder("www.example.jp", "example.jp");
    assertThat(read.notBefore()).isEqualTo(notBefore);
    assertThat(read.imported()).isTrue();

    assertThatThrownBy(
            () ->
                sessions.inTransaction(
                    s ->
                        s.persist(
                            new IssuedCertificate(
                                "a1b2c3", null, customerId, "x.example.jp", List.of("x.example.jp"),
                                "00".repeat(32), notBefore, notBefore, notBefore, "PEM", false, 0))))
        .isInstanceOf(org.hibernate.exception.ConstraintViolationException.class);
  }
}
