package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cabackoffice.testsupport.Bounded;
import org.cabackoffice.testsupport.Mutations;

/**
 * Issue 13: whatever a customer posts as a CSR, the check answers with findings or refuses it as
 * no CSR ({@link NotACsrException}, the API's 400); it never throws anything else (a 500) and
 * never hangs. Tries: {@code jqwik.tries.default} (junit-platform.properties).
 */
class CsrFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final List<byte[]> SAMPLES =
      List.of(
          TestCsr.compliant().der(),
          TestCsr.compliant().key(TestCsr.ecKey("secp256r1"), "SHA256withECDSA").der());

  private final CsrCheck check = new CsrCheck();

  @Property
  void mutatedRequestsAreCheckedOrRefused(@ForAll("mutatedDer") byte[] der) throws Exception {
    checkedOrRefused(der);
  }

  @Property
  void mutatedPemIsCheckedOrRefused(@ForAll("mutatedDer") byte[] der) throws Exception {
    checkedOrRefused(TestCsr.pem(der).getBytes(StandardCharsets.US_ASCII));
  }

  @Property
  void arbitraryBytesAreRefused(@ForAll("bytes") byte[] input) throws Exception {
    checkedOrRefused(input);
  }

  @Property
  void textAroundAPemBlockIsCheckedOrRefused(@ForAll("pemLike") String text) throws Exception {
    checkedOrRefused(text.getBytes(StandardCharsets.UTF_8));
  }

  private void checkedOrRefused(byte[] input) throws Exception {
    Object outcome =
        Bounded.call(
            LIMIT,
            input.length + " bytes",
            () -> {
              try {
                return check.check(input, CsrCheckContext.standalone());
              } catch (NotACsrException refused) {
                return refused;
              }
            });
    if (outcome instanceof NotACsrException refused) {
      assertThat(refused.getMessage()).as("a refusal says why").isNotBlank();
    } else {
      assertThat(outcome).isInstanceOf(CsrCheckResult.class);
    }
  }

  @Provide
  Arbitrary<byte[]> mutatedDer() {
    return Mutations.of(SAMPLES);
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
  }

  @Provide
  Arbitrary<String> pemLike() {
    Arbitrary<String> body = Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=\n\r -").ofMaxLength(400);
    Arbitrary<String> label = Arbitraries.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "CERTIFICATE", "PRIVATE KEY", "X");
    Arbitrary<String> around = Arbitraries.strings().ofMaxLength(40);
    return net.jqwik.api.Combinators.combine(around, label, body, around)
        .as((before, l, b, after) -> before + "-----BEGIN " + l + "-----\n" + b + "\n-----END " + l + "-----\n" + after);
  }
}
