package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two rules that look beyond the request: a key on the blocklist (BR 6.1.1.3) and a key
 * already certified for another customer (BR 9.6.3, 4.9.1.1).
 */
class KeyReuseTest {

  private static final long CUSTOMER = 7;
  private static final long OTHER_CUSTOMER = 8;

  private final TestCsr compliant = TestCsr.compliant();
  private final String rsaFingerprint =
      org.cabackoffice.digest.Sha256.hex(TestCsr.rsaKey(2048).getPublic().getEncoded());

  /** A key history holding certified keys and who holds them; records what it was asked. */
  private static final class RecordingKeyHistory implements KeyHistory {
    final Map<String, Long> holders;
    final List<String> questions = new ArrayList<>();

    RecordingKeyHistory(Map<String, Long> holders) {
      this.holders = holders;
    }

    @Override
    public boolean usedByAnotherCustomer(String spkiSha256, long customerAccountId) {
      questions.add(spkiSha256 + "/" + customerAccountId);
      Long holder = holders.get(spkiSha256);
      return holder != null && holder != customerAccountId;
    }
  }

  private static String[] codes(CsrCheckResult result) {
    return result.findings().stream().map(Finding::code).toArray(String[]::new);
  }

  @Test
  void blocklistedKeyIsRefusedAndNamedByItsFingerprint() {
    CsrCheck csrCheck = new CsrCheck(Set.of(rsaFingerprint)::contains, KeyHistory.none());

    CsrCheckResult result = csrCheck.check(compliant.pem(), CsrCheckContext.standalone());

    assertThat(codes(result)).containsExactly("key.blocklisted");
    assertThat(result.acceptable()).isFalse();
    Finding finding = result.findings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.message()).contains(rsaFingerprint).contains("BR 6.1.1.3").contains("4.9.1.1");
    assertThat(finding.messageJa()).contains(rsaFingerprint).contains("危殆化");
  }

  @Test
  void blocklistIsConsultedWithTheFingerprintTheResultReports() {
    List<String> asked = new ArrayList<>();
    KeyBlocklist recording =
        spki -> {
          asked.add(spki);
          return false;
        };
    KeyPair ec = TestCsr.ecKey("secp256r1");

    CsrCheckResult result =
        new CsrCheck(recording, KeyHistory.none())
            .check(TestCsr.compliant().key(ec, "SHA256withECDSA").pem(), CsrCheckContext.standalone());

    assertThat(result.findings()).isEmpty();
    assertThat(asked)
        .containsExactly(result.publicKey().spkiSha256())
        .containsExactly(org.cabackoffice.digest.Sha256.hex(ec.getPublic().getEncoded()));
  }

  @Test
  void blocklistedKeyIsReportedBesideTheKeysOtherFaults() {
    KeyPair small = TestCsr.rsaKey(1024);
    String fingerprint = org.cabackoffice.digest.Sha256.hex(small.getPublic().getEncoded());
    CsrCheck csrCheck = new CsrCheck(Set.of(fingerprint)::contains, KeyHistory.none());

    CsrCheckResult result =
        csrCheck.check(
            TestCsr.compliant().key(small, "SHA256withRSA").pem(), CsrCheckContext.standalone());

    assertThat(codes(result)).contains("rsa.modulus.too-small", "key.blocklisted");
  }

  @Test
  void keyOfAnotherCustomersCertificateIsRefusedWithoutNamingTheCustomer() {
    RecordingKeyHistory history = new RecordingKeyHistory(Map.of(rsaFingerprint, OTHER_CUSTOMER));
    CsrCheck csrCheck = new CsrCheck(KeyBlocklist.empty(), history);

    CsrCheckResult result =
        csrCheck.check(compliant.pem(), CsrCheckContext.forCustomer(null, CUSTOMER));

    assertThat(codes(result)).containsExactly("key.used-by-another-customer");
    assertThat(result.acceptable()).isFalse();
    Finding finding = result.findings().get(0);
    assertThat(finding.severity()).isEqualTo(Severity.ERROR);
    assertThat(finding.message()).contains("another customer").doesNotContain(String.valueOf(OTHER_CUSTOMER));
    assertThat(finding.messageJa()).contains("別のお客様").doesNotContain(String.valueOf(OTHER_CUSTOMER));
    assertThat(history.questions).containsExactly(rsaFingerprint + "/" + CUSTOMER);
  }

  @Test
  void customersOwnKeyMayBeCertifiedAgain() {
    // A renewal with the same key is the customer's choice; the key is still only theirs.
    RecordingKeyHistory history = new RecordingKeyHistory(Map.of(rsaFingerprint, CUSTOMER));

    CsrCheckResult result =
        new CsrCheck(KeyBlocklist.empty(), history)
            .check(compliant.pem(), CsrCheckContext.forCustomer("www.example.co.jp", CUSTOMER));

    assertThat(result.findings()).isEmpty();
    assertThat(history.questions).hasSize(1);
  }

  @Test
  void withoutACustomerTheKeyHistoryIsNotAsked() {
    RecordingKeyHistory history = new RecordingKeyHistory(Map.of(rsaFingerprint, OTHER_CUSTOMER));
    CsrCheck csrCheck = new CsrCheck(KeyBlocklist.empty(), history);

    assertThat(csrCheck.check(compliant.pem(), CsrCheckContext.standalone()).findings()).isEmpty();
    assertThat(csrCheck.check(compliant.pem(), new CsrCheckContext(null, true)).findings()).isEmpty();
    assertThat(history.questions).isEmpty();
  }

  @Test
  void blocklistedKeyOfAnotherCustomerGetsBothFindings() {
    CsrCheck csrCheck =
        new CsrCheck(
            Set.of(rsaFingerprint)::contains,
            new RecordingKeyHistory(Map.of(rsaFingerprint, OTHER_CUSTOMER)));

    CsrCheckResult result =
        csrCheck.check(compliant.pem(), CsrCheckContext.forCustomer(null, CUSTOMER));

    assertThat(codes(result)).containsExactly("key.blocklisted", "key.used-by-another-customer");
  }

  @Test
  void noArgumentPolicyKnowsNoBlockedOrCertifiedKeys() {
    CsrCheckResult result =
        new CsrCheck().check(compliant.pem(), CsrCheckContext.forCustomer(null, CUSTOMER));

    assertThat(result.findings()).isEmpty();
  }

  @Test
  void contextsKeepTheirEarlierMeaning() {
    assertThat(new CsrCheckContext("www.example.co.jp", false))
        .isEqualTo(new CsrCheckContext("www.example.co.jp", false, null));
    assertThat(CsrCheckContext.standalone()).isEqualTo(new CsrCheckContext(null, true, null));
    assertThat(CsrCheckContext.forCustomer("www.example.co.jp", CUSTOMER))
        .isEqualTo(new CsrCheckContext("www.example.co.jp", true, CUSTOMER));
    assertThat(CsrCheckContext.forCustomer(null, CUSTOMER).organizationValidated()).isTrue();
  }
}
