package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Requests made with the openssl command line (src/test/resources/csr/README.md says how). */
class OpensslCsrTest {

  private final CsrCheck csrCheck = new CsrCheck();

  private CsrCheckResult check(String file) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/csr/" + file)) {
      return csrCheck.check(in.readAllBytes(), CsrCheckContext.standalone());
    }
  }

  @Test
  void compliantOpensslRequestsPass() throws IOException {
    for (String file : new String[] {"rsa2048-compliant.csr", "rsa2048-compliant.der", "ecp384-compliant.csr", "rsa2048-pss.csr"}) {
      CsrCheckResult result = check(file);
      assertThat(result.findings()).as(file).isEmpty();
      assertThat(result.acceptable()).as(file).isTrue();
      assertThat(result.subject().commonName()).isEqualTo("www.example.co.jp");
    }
    assertThat(check("rsa2048-compliant.csr").sans()).containsExactly("www.example.co.jp", "example.co.jp");
    assertThat(check("ecp384-compliant.csr").publicKey().curve()).isEqualTo("P-384");
    assertThat(check("rsa2048-compliant.der").publicKey().spkiSha256())
        .isEqualTo(check("rsa2048-compliant.csr").publicKey().spkiSha256());
  }

  @Test
  void weakOpensslRequestIsRefused() throws IOException {
    assertThat(check("rsa1024-sha1.csr").findings())
        .extracting(Finding::code)
        .containsExactly("signature.algorithm.weak", "rsa.modulus.too-small");
  }

  @Test
  void badNamesFromOpensslAreRefused() throws IOException {
    CsrCheckResult result = check("rsa2048-bad-names.csr");

    assertThat(result.acceptable()).isFalse();
    assertThat(result.findings())
        .extracting(Finding::code)
        .containsExactlyInAnyOrder(
            "subject.ou.not-allowed",
            "name.ip-address",
            "extension.basic-constraints.ca",
            "name.wildcard.public-suffix",
            "name.internal");
    assertThat(result.sans()).containsExactly("*.co.jp", "intranet");
  }
}
