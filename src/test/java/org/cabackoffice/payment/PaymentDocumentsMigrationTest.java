package org.cabackoffice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cabackoffice.documents.DocumentFixtures;
import org.cabackoffice.documents.DocumentKind;
import org.cabackoffice.documents.DocumentRequestRepository;
import org.cabackoffice.documents.UploadedDocumentRepository;
import org.cabackoffice.documents.DocumentRequest;
import org.cabackoffice.documents.UploadedDocument;
import org.cabackoffice.documents.UploadedDocumentSummary;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;

/**
 * V6 migrates and Hibernate validates the payment and document entities against it, without a
 * Spring context: Flyway and a bare Hibernate session factory with Spring Boot's naming strategy
 * and ddl-auto=validate. Runs on in-memory H2; set {@code -Dbackoffice.test.migration.url} (and
 * {@code .user}, {@code .schema}) to run it against PostgreSQL.
 */
class PaymentDocumentsMigrationTest {

  private final String url =
      System.getProperty(
          "backoffice.test.migration.url", "jdbc:h2:mem:payment-documents;DB_CLOSE_DELAY=-1");
  private final String user = System.getProperty("backoffice.test.migration.user", "sa");
  private final String schema = System.getProperty("backoffice.test.migration.schema");

  private Flyway flyway;
  private SessionFactory sessions;

  @BeforeEach
  void migrate() {
    var config =
        Flyway.configure()
            .dataSource(url, user, "")
            .locations("classpath:db/migration")
            .cleanDisabled(false);
    if (schema != null) {
      config = config.schemas(schema).createSchemas(true);
    }
    flyway = config.load();
    flyway.clean();
    flyway.migrate();

    StandardServiceRegistryBuilder settings =
        new StandardServiceRegistryBuilder()
            .applySetting(AvailableSettings.JAKARTA_JDBC_URL, url)
            .applySetting(AvailableSettings.JAKARTA_JDBC_USER, user)
            .applySetting(AvailableSettings.JAKARTA_JDBC_PASSWORD, "")
            .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
            .applySetting(
                AvailableSettings.PHYSICAL_NAMING_STRATEGY,
                CamelCaseToUnderscoresNamingStrategy.class.getName());
    if (schema != null) {
      settings.applySetting(AvailableSettings.DEFAULT_SCHEMA, schema);
    }
    StandardServiceRegistry registry = settings.build();
    sessions =
        new MetadataSources(registry)
            .addAnnotatedClass(VirtualAccount.class)
            .addAnnotatedClass(Invoice.class)
            .addAnnotatedClass(Payment.class)
            .addAnnotatedClass(DocumentRequest.class)
            .addAnnotatedClass(UploadedDocument.class)
            .buildMetadata()
            .buildSessionFactory();
  }

  @AfterEach
  void close() {
    if (sessions != null) {
      sessions.close();
    }
    flyway.clean();
  }

  @Test
  void entitiesValidateAndRoundTripOnTheMigratedSchema() throws Exception {
    long applicationId = insertApplication();
    byte[] pdf = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
    Instant now = Instant.parse("2025-06-02T01:00:00Z");

    long requestId =
        sessions.fromTransaction(
            session -> {
              long serial =
                  ((Number)
                          session
                              .createNativeQuery(
                                  "select nextval('virtual_account_number_seq')", Long.class)
                              .getSingleResult())
                      .longValue();
              assertThat(serial).isEqualTo(1L);
              VirtualAccount account =
                  new VirtualAccount(1L, VirtualAccounts.accountNumber(serial), now);
              session.persist(account);
              Invoice invoice =
                  new Invoice(applicationId, applicationId, 1L, account.getId(), "EV", true, false, 220_000, 30_000,
                      10, 25_000, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 16), "tech@example.jp", now);
              session.persist(invoice);
              invoice.markPaid(now);
              session.persist(
                  new Payment(invoice.getId(), applicationId, 275_000, LocalDate.of(2025, 6, 2),
                      "ｶ)ﾃｽﾄ", "officer1", now));
              DocumentRequest request =
                  DocumentFixtures.request(
                      applicationId, DocumentKind.SUPPORTING_DOCUMENTS, "登記事項証明書", now,
                      now.plusSeconds(86_400));
              session.persist(request);
              session.persist(DocumentFixtures.upload(request.getId(), pdf, now));
              return request.getId();
            });

    sessions.inTransaction(
        session -> {
          Invoice invoice =
              session
                  .createQuery("from Invoice where applicationId = :id", Invoice.class)
                  .setParameter("id", applicationId)
                  .getSingleResult();
          assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
          assertThat(invoice.getTotalYen()).isEqualTo(275_000L);
          List<UploadedDocumentSummary> summaries =
              session
                  .createQuery(
                      "select new org.cabackoffice.documents.UploadedDocumentSummary("
                          + "d.id, d.requestId, d.originalFilename, d.contentType, d.sizeBytes,"
                          + " d.sha256, d.uploadedAt, d.arrivedBy, d.attachedBy) from UploadedDocument d"
                          + " where d.requestId in :requestIds order by d.id",
                      UploadedDocumentSummary.class)
                  .setParameter("requestIds", List.of(requestId))
                  .getResultList();
          assertThat(summaries).singleElement().satisfies(s -> assertThat(s.sizeBytes()).isEqualTo(pdf.length));
          // A document from before officers attached any came through the link (V58).
          assertThat(summaries.get(0).arrivedBy()).isEqualTo(org.cabackoffice.documents.DocumentArrival.UPLOAD);
          assertThat(summaries.get(0).attachedBy()).isNull();
          UploadedDocument stored = session.get(UploadedDocument.class, summaries.get(0).id());
          assertThat(stored.getContent()).isEqualTo(pdf);
          assertThat(stored.getUploadedAt()).isEqualTo(now);
        });
  }

  private long insertApplication() throws Exception {
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      if (schema != null) {
        s.execute("set search_path to " + schema);
      }
      s.execute(
          "insert into customer_account (id, email, company_name, display_name, password_hash, created_at)"
              + " values (1, 'tech@example.jp', 'Example K.K.', 'Tech', 'x', current_timestamp)");
      s.execute(
          "insert into application (id, customer_account_id, product, application_type, express,"
              + " payment_method, status, csr_pem, organization_name_en, organization_name_ja, country,"
              + " responsible_name, responsible_email, technical_company, technical_name, technical_email,"
              + " submitted_at) values (7, 1, 'EV', 'RENEWAL', true, 'BANK_TRANSFER', 'SUBMITTED', 'pem',"
              + " 'Example K.K.', 'イグザンプル株式会社', 'JP', 'R', 'r@example.jp', 'Example', 'T',"
              + " 'tech@example.jp', current_timestamp)");
      return 7L;
    }
  }

  @Test
  void repositoryQueriesRunOnTheMigratedSchema() throws Exception {
    long applicationId = insertApplication();
    Instant now = Instant.parse("2025-06-02T01:00:00Z");
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    sessions.inTransaction(
        session -> {
          JpaRepositoryFactory factory = new JpaRepositoryFactory(session);
          VirtualAccountRepository accounts = factory.getRepository(VirtualAccountRepository.class);
          InvoiceRepository invoices = factory.getRepository(InvoiceRepository.class);
          PaymentRepository payments = factory.getRepository(PaymentRepository.class);
          DocumentRequestRepository requests = factory.getRepository(DocumentRequestRepository.class);
          UploadedDocumentRepository documents =
              factory.getRepository(UploadedDocumentRepository.class);

          long first = accounts.nextAccountSerial();
          assertThat(accounts.nextAccountSerial()).isEqualTo(first + 1);
          VirtualAccount account =
              accounts.save(new VirtualAccount(1L, VirtualAccounts.accountNumber(first), now));
          assertThat(accounts.findByCustomerAccountId(1L)).containsSame(account);
          assertThat(accounts.findById(account.getId().longValue())).containsSame(account);

          Invoice invoice =
              invoices.save(
                  new Invoice(applicationId, applicationId, 1L, account.getId(), "SECURE_SERVER_ID", false, true,
                      81_000, 0, 10, 8_100, LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 16),
                      "tech@example.jp", now));
          assertThat(invoices.findByApplicationId(applicationId)).containsSame(invoice);
          Payment payment =
              payments.save(
                  new Payment(invoice.getId(), applicationId, 89_100, LocalDate.of(2025, 6, 2),
                      "ref", "officer1", now));
          assertThat(payments.findByInvoiceId(invoice.getId())).containsSame(payment);
          assertThat(payments.findById(payment.getId().longValue())).containsSame(payment);

          DocumentRequest older =
              requests.save(
                  DocumentFixtures.request(applicationId, DocumentKind.SUPPORTING_DOCUMENTS, "a",
                      now, now.plusSeconds(60)));
          DocumentRequest newer =
              requests.save(
                  DocumentFixtures.request(applicationId, DocumentKind.SUPPORTING_DOCUMENTS, "b",
                      now, now.plusSeconds(60)));
          assertThat(
                  requests.findFirstByApplicationIdAndKindOrderByIdDesc(
                      applicationId, DocumentKind.SUPPORTING_DOCUMENTS))
              .containsSame(newer);
          assertThat(
                  requests.findFirstByApplicationIdAndKindOrderByIdDesc(
                      applicationId, DocumentKind.EMPLOYMENT_CERTIFICATE))
              .isEmpty();
          assertThat(requests.findByToken(older.getToken())).containsSame(older);
          assertThat(requests.findByApplicationIdOrderByIdAsc(applicationId))
              .containsExactly(older, newer);
          UploadedDocument document = documents.save(DocumentFixtures.upload(newer.getId(), pdf, now));
          assertThat(documents.summariesOf(List.of(older.getId(), newer.getId())))
              .singleElement()
              .satisfies(
                  summary -> {
                    assertThat(summary.id()).isEqualTo(document.getId());
                    assertThat(summary.requestId()).isEqualTo(newer.getId());
                    assertThat(summary.sizeBytes()).isEqualTo(pdf.length);
                  });
          assertThat(documents.findById(document.getId().longValue())).containsSame(document);
        });
  }
}
