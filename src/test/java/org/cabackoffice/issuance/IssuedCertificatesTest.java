package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuedCertificatesTest {

  private static final Clock CLOCK = TestFixtures.clockAt("2025-11-20T01:00:00Z");

  @TempDir Path previousSystemDir;
  private CertificateAuthority previousSystem;
  private String previousPem;
  private TestFixtures.InMemoryCertificates repository;
  private IssuedCertificates certificates;

  @BeforeEach
  void setUp() throws Exception {
    // A certificate of "the previous system": another CA, whose record lives elsewhere.
    previousSystem = TestFixtures.authority(previousSystemDir, CLOCK);
    previousPem =
        new CertificateIssuer(previousSystem, new PreIssuanceLint(), new TestFixtures.InMemoryCertificates(), new TestFixtures.InMemorySignings(), org.springframework.transaction.support.TransactionOperations.withoutTransaction(), CLOCK)
            .issue(TestFixtures.ovRequest(TestFixtures.rsa(2048), "www.example.co.jp", List.of("example.co.jp")))
            .pem();
    repository = new TestFixtures.InMemoryCertificates();
    certificates = new IssuedCertificates(repository);
  }

  @Test
  void importStoresThePreviousSystemsCertificateAsImported() {
    IssuedCertificate imported = certificates.importFromPreviousSystem(previousPem, 7L);

    java.security.cert.X509Certificate parsed = CertificatePem.parse(previousPem).get(0);
    assertThat(imported.imported()).isTrue();
    assertThat(imported.applicationId()).isNull();
    assertThat(imported.customerAccountId()).isEqualTo(7L);
    assertThat(imported.serial()).isEqualTo(parsed.getSerialNumber().toString(16));
    assertThat(imported.commonName()).isEqualTo("www.example.co.jp");
    assertThat(imported.dnsNames()).containsExactly("www.example.co.jp", "example.co.jp");
    assertThat(imported.notBefore()).isEqualTo(parsed.getNotBefore().toInstant());
    assertThat(imported.notAfter()).isEqualTo(parsed.getNotAfter().toInstant());
    assertThat(imported.issuedAt()).isEqualTo(imported.notBefore());
    assertThat(imported.spkiSha256()).isEqualTo(CertificatePem.spkiSha256(parsed));
    assertThat(imported.pem()).isEqualTo(previousPem);
  }

  @Test
  void findBySerialAcceptsUpperCaseAndColons() {
    IssuedCertificate imported = certificates.importFromPreviousSystem(previousPem, 7L);
    String padded = imported.serial().length() % 2 == 0 ? imported.serial() : "0" + imported.serial();
    String withColons = String.join(":", padded.toUpperCase().split("(?<=\\G..)"));

    assertThat(certificates.findBySerial(withColons)).containsSame(imported);
    assertThat(certificates.findBySerial(imported.serial().toUpperCase())).containsSame(imported);
    assertThat(certificates.findBySerial("01")).isEmpty();
  }

  @Test
  void secondImportOfTheSameSerialIsAConflict() {
    certificates.importFromPreviousSystem(previousPem, 7L);

    assertThatThrownBy(() -> certificates.importFromPreviousSystem(previousPem, 8L))
        .isInstanceOf(CertificateAlreadyRecordedException.class)
        .hasMessageContaining("already recorded");
    assertThat(repository.saved).hasSize(1);
  }

  @Test
  void caCertificatesChainsAndGarbageAreRefused() {
    String issuingCa = CertificatePem.encode(previousSystem.issuingCertificate());

    assertThatThrownBy(() -> certificates.importFromPreviousSystem(issuingCa, 7L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CA certificate");
    assertThatThrownBy(() -> certificates.importFromPreviousSystem(previousPem + issuingCa, 7L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found 2");
    assertThatThrownBy(() -> certificates.importFromPreviousSystem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", 7L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> certificates.importFromPreviousSystem("", 7L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no certificate");
    assertThat(repository.saved).isEmpty();
  }
}
