package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class SpkiFingerprintTest {

  private final KeyPair key = TestCsr.ecKey("secp256r1");
  private final String expected = org.cabackoffice.digest.Sha256.hex(key.getPublic().getEncoded());

  static String pem(Object object) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }

  static String certificatePem(KeyPair subject) throws Exception {
    Instant now = Instant.now();
    KeyPair issuer = TestCsr.ecKey("secp384r1");
    return pem(
        new JcaX509v3CertificateBuilder(
                new X500Name("CN=Test CA"),
                BigInteger.valueOf(4711),
                Date.from(now),
                Date.from(now.plus(90, ChronoUnit.DAYS)),
                new X500Name("CN=www.example.co.jp"),
                subject.getPublic())
            .build(new JcaContentSignerBuilder("SHA384withECDSA").build(issuer.getPrivate())));
  }

  @Test
  void hexIsNormalizedToLowerCaseWithoutSeparators() {
    String colons = expected.toUpperCase(Locale.ROOT).replaceAll("(..)(?!$)", "$1:");

    assertThat(SpkiFingerprint.ofHex(colons)).isEqualTo(expected);
    assertThat(SpkiFingerprint.ofHex(" " + expected + "\n")).isEqualTo(expected);
  }

  @Test
  void hexThatIsNoSha256IsRefused() {
    for (String bad : new String[] {"", "abc", expected.substring(1), expected + "00", "g" + expected.substring(1)}) {
      assertThatThrownBy(() -> SpkiFingerprint.ofHex(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              BlocklistEntryInvalidException.class,
              e -> assertThat(e.code()).isEqualTo("key-blocklist.fingerprint-invalid"));
    }
  }

  @Test
  void publicKeyRequestAndCertificateOfOneKeyHaveTheCsrChecksFingerprint() throws Exception {
    byte[] csr = TestCsr.compliant().key(key, "SHA256withECDSA").pem();
    String csrFingerprint = new CsrCheck().check(csr, CsrCheckContext.standalone()).publicKey().spkiSha256();

    assertThat(csrFingerprint).isEqualTo(expected);
    assertThat(SpkiFingerprint.ofPem(pem(key.getPublic()))).isEqualTo(expected);
    assertThat(SpkiFingerprint.ofPem(new String(csr, StandardCharsets.US_ASCII))).isEqualTo(expected);
    assertThat(SpkiFingerprint.ofPem(certificatePem(key))).isEqualTo(expected);
  }

  @Test
  void privateKeysAreRefusedWithTheCommandThatDerivesThePublicKey() throws Exception {
    assertThatThrownBy(() -> SpkiFingerprint.ofPem(pem(key.getPrivate())))
        .isInstanceOfSatisfying(
            BlocklistEntryInvalidException.class,
            e -> {
              assertThat(e.code()).isEqualTo("key-blocklist.private-key");
              assertThat(e.getMessage()).contains("-pubout");
            });
  }

  @Test
  void textWithoutExactlyOneKeyIsRefused() throws Exception {
    String two = pem(key.getPublic()) + pem(TestCsr.ecKey("secp384r1").getPublic());
    String truncated = pem(key.getPublic()).replace("-----END PUBLIC KEY-----", "");
    for (String bad : new String[] {"hello", two, truncated, "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n"}) {
      assertThatThrownBy(() -> SpkiFingerprint.ofPem(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              BlocklistEntryInvalidException.class,
              e -> assertThat(e.code()).isEqualTo("key-blocklist.pem-unreadable"));
    }
  }
}
