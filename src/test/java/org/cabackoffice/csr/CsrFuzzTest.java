package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.Test;

/**
 * Mutated DER and PEM from valid requests must give a result or NotACsrException, nothing else: a
 * customer's paste must never become a 500 (DESIGN.md contract of /api/csr/check).
 */
class CsrFuzzTest {

  private static final int ROUNDS = 4000;
  private final CsrCheck csrCheck = new CsrCheck();
  // Fixed, so a failure repeats; -Dcsr.fuzz.seed=N explores other mutations by hand.
  private final Random random = new Random(Long.getLong("csr.fuzz.seed", 0x5EED_C5A1L));

  @Test
  void mutatedInputsGiveAResultOrNotACsr() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    seeds.add(TestCsr.compliant().der());
    seeds.add(TestCsr.compliant().key(TestCsr.ecKey("secp256r1"), "SHA256withECDSA").der());
    seeds.add(TestCsr.compliant().algorithm("SHA256withRSAandMGF1").der());
    seeds.add(
        TestCsr.compliant()
            .subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K.,OU=Web,CN=*.example.co.jp")
            .extension(new Extension(Extension.basicConstraints, true, new BasicConstraints(false).getEncoded()))
            .attribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, new DERPrintableString("pw"))
            .der());
    int results = 0;
    int rejections = 0;
    for (int round = 0; round < ROUNDS; round++) {
      byte[] seed = seeds.get(random.nextInt(seeds.size()));
      byte[] input = round % 2 == 0 ? mutateDer(seed) : mutatePem(TestCsr.pem(seed));
      try {
        CsrCheckResult result = csrCheck.check(input, CsrCheckContext.standalone());
        assertThat(result.findings()).isNotNull();
        assertThat(result.subject()).isNotNull();
        assertThat(result.publicKey()).isNotNull();
        results++;
      } catch (NotACsrException e) {
        assertThat(e.getMessage()).isNotBlank();
        rejections++;
      } catch (Throwable t) {
        fail("round " + round + " threw " + t + " for input " + HexFormat.of().formatHex(input), t);
      }
    }
    // Both outcomes must actually occur, or the mutations test nothing.
    assertThat(results).isPositive();
    assertThat(rejections).isPositive();
  }

  private byte[] mutateDer(byte[] seed) {
    byte[] data = seed.clone();
    int mutations = 1 + random.nextInt(4);
    for (int i = 0; i < mutations; i++) {
      switch (random.nextInt(6)) {
        case 0 -> data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
        case 1 -> data[random.nextInt(data.length)] = (byte) random.nextInt(256);
        case 2 -> data = Arrays.copyOf(data, Math.max(1, random.nextInt(data.length)));
        case 3 -> {
          int at = random.nextInt(data.length);
          byte[] longer = new byte[data.length + 1];
          System.arraycopy(data, 0, longer, 0, at);
          longer[at] = (byte) random.nextInt(256);
          System.arraycopy(data, at, longer, at + 1, data.length - at);
          data = longer;
        }
        case 4 -> {
          if (data.length > 2) {
            int at = random.nextInt(data.length);
            byte[] shorter = new byte[data.length - 1];
            System.arraycopy(data, 0, shorter, 0, at);
            System.arraycopy(data, at + 1, shorter, at, data.length - at - 1);
            data = shorter;
          }
        }
        default -> {
          // Length octets are where parsers go wrong: hit one of the first bytes hard.
          int at = random.nextInt(Math.min(16, data.length));
          data[at] = (byte) (random.nextBoolean() ? 0x80 | random.nextInt(5) : 0xFF);
        }
      }
    }
    return data;
  }

  private byte[] mutatePem(String pem) {
    StringBuilder text = new StringBuilder(pem);
    int mutations = 1 + random.nextInt(3);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-\n \r*";
    for (int i = 0; i < mutations; i++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(4)) {
        case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        case 1 -> text.deleteCharAt(at);
        case 2 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        default -> text.insert(0, "Subject: our CSR\n\n");
      }
    }
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
