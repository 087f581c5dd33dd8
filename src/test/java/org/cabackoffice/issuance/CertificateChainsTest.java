package org.cabackoffice.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guide [5-2]: the chain a server installs, as PEM and as the PKCS#7 file Microsoft IIS reads. */
class CertificateChainsTest {

  private static final Clock CLOCK = TestFixtures.clockAt("2026-01-10T03:00:00Z");

  @TempDir Path dir;
  private CertificateAuthority authority;
  private IssuedCertificate certificate;
  private CertificateChains chains;

  @BeforeEach
  void setUp() throws Exception {
    authority = TestFixtures.authority(dir, CLOCK);
    certificate =
        new CertificateIssuer(authority, new PreIssuanceLint(), new TestFixtures.InMemoryCertificates(), new TestFixtures.InMemorySignings(), org.springframework.transaction.support.TransactionOperations.withoutTransaction(), CLOCK)
            .issue(TestFixtures.ovRequest(TestFixtures.ec("secp256r1"), "www.example.co.jp", List.of()));
    chains = new CertificateChains(authority);
  }

  @Test
  void pemIsTheCertificateThenItsIntermediate() {
    List<X509Certificate> parsed =
        CertificatePem.parse(new String(chains.pem(certificate), StandardCharsets.US_ASCII));
    assertThat(parsed).hasSize(2);
    assertThat(parsed.get(0).getSubjectX500Principal().getName()).contains("CN=www.example.co.jp");
    assertThat(parsed.get(1)).isEqualTo(authority.issuingCertificate());
  }

  @Test
  void pkcs7IsCertsOnlySignedDataWithTheChainAndNoRoot() throws Exception {
    CMSSignedData p7b = new CMSSignedData(chains.pkcs7(certificate));
    assertThat(p7b.getSignerInfos().size()).isZero();
    assertThat(p7b.getSignedContent()).isNull();
    List<byte[]> carried = new ArrayList<>();
    for (X509CertificateHolder holder : p7b.getCertificates().getMatches(null)) {
      carried.add(holder.getEncoded());
    }
    X509Certificate leaf = CertificatePem.parse(certificate.pem()).get(0);
    assertThat(carried)
        .hasSize(2)
        .anySatisfy(der -> assertThat(der).isEqualTo(leaf.getEncoded()))
        .anySatisfy(der -> assertThat(der).isEqualTo(authority.issuingCertificate().getEncoded()))
        .noneSatisfy(der -> assertThat(der).isEqualTo(authority.rootCertificate().getEncoded()));
  }

  @Test
  void theIssuanceMailOfAnIisApplicationCarriesThePkcs7() {
    List<OutgoingMail> outbox = new ArrayList<>();
    new CertificateDelivery(new MailTemplates(), outbox::add, authority)
        .mail(certificate, "tech@example.co.jp", "グローバル・サーバ ID", "Global Server ID", true);
    assertThat(outbox.get(0).attachments())
        .extracting(OutgoingMail.Attachment::filename, OutgoingMail.Attachment::contentType)
        .contains(org.assertj.core.groups.Tuple.tuple("server-chain.p7b", "application/x-pkcs7-certificates"));
  }
}
