package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.cabackoffice.testsupport.NestedDer;
import org.junit.jupiter.api.Test;

class CsrCheckTest {

  private final CsrCheck csrCheck = new CsrCheck();

  private CsrCheckResult check(TestCsr csr) {
    return csrCheck.check(csr.pem(), CsrCheckContext.standalone());
  }

  private static String[] codes(CsrCheckResult result) {
    return result.findings().stream().map(Finding::code).toArray(String[]::new);
  }

  @Test
  void deeplyNestedDerIsRefusedAsNotACsrInsteadOfOverflowingTheStack() {
    byte[] attack = NestedDer.sequences(6000);

    assertThatThrownBy(() -> csrCheck.check(attack, CsrCheckContext.standalone()))
        .isInstanceOf(NotACsrException.class)
        .hasMessageContaining("nested more than 32 levels");
    assertThatThrownBy(
            () ->
                csrCheck.check(
                    NestedDer.pem("CERTIFICATE REQUEST", attack).getBytes(StandardCharsets.US_ASCII),
                    CsrCheckContext.standalone()))
        .isInstanceOf(NotACsrException.class)
        .hasMessageContaining("nested");
  }

  @Test
  void aStructureBouncyCastleCannotCastIsRefusedWithoutItsClassNames() {
    // A SEQUENCE of three SEQUENCEs where CertificationRequestInfo wants an INTEGER first.
    byte[] wrong = NestedDer.wrap(0x30, concat(NestedDer.sequences(2), NestedDer.sequences(2), NestedDer.sequences(2)));

    assertThatThrownBy(() -> csrCheck.check(wrong, CsrCheckContext.standalone()))
        .isInstanceOf(NotACsrException.class)
        .message()
        .doesNotContain("DLSequence", "cannot be cast", "org.bouncycastle", "Exception");
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void compliantRsaRequestPassesAndIsDescribed() {
    TestCsr csr = TestCsr.compliant();
    CsrCheckResult result = check(csr);

    assertThat(result.findings()).isEmpty();
    assertThat(result.acceptable()).isTrue();
    assertThat(result.subject())
        .isEqualTo(
            new CsrSubject(
                TestCsr.COMPLIANT_SUBJECT, "www.example.co.jp", "Example K.K.", null, "Chiyoda-ku",
                "Tokyo", "JP"));
    assertThat(result.sans()).containsExactly("www.example.co.jp", "example.co.jp");
    assertThat(result.publicKey().algorithm()).isEqualTo("RSA");
    assertThat(result.publicKey().sizeBits()).isEqualTo(2048);
    assertThat(result.publicKey().curve()).isNull();
    byte[] spki = TestCsr.rsaKey(2048).getPublic().getEncoded();
    assertThat(result.subjectPublicKeyInfo()).isEqualTo(spki);
    assertThat(result.publicKey().spkiSha256())
        .isEqualTo(org.cabackoffice.digest.Sha256.hex(spki))
        .hasSize(64);
  }

  @Test
  void compliantEcRequestsPass() {
    CsrCheckResult p256 = check(TestCsr.compliant().key(TestCsr.ecKey("secp256r1"), "SHA256withECDSA"));
    CsrCheckResult p384 = check(TestCsr.compliant().key(TestCsr.ecKey("secp384r1"), "SHA384withECDSA"));

    assertThat(p256.findings()).isEmpty();
    assertThat(p256.publicKey()).extracting("algorithm", "sizeBits", "curve").containsExactly("EC", 256, "P-256");
    assertThat(p384.findings()).isEmpty();
    assertThat(p384.publicKey()).extracting("algorithm", "sizeBits", "curve").containsExactly("EC", 384, "P-384");
  }

  @Test
  void acceptedSignatureAlgorithmsPass() {
    for (String algorithm :
        new String[] {"SHA384withRSA", "SHA512withRSA", "SHA256withRSAandMGF1", "SHA512withRSAandMGF1"}) {
      assertThat(check(TestCsr.compliant().algorithm(algorithm)).findings()).as(algorithm).isEmpty();
    }
    assertThat(check(TestCsr.compliant().key(TestCsr.ecKey("secp256r1"), "SHA512withECDSA")).findings())
        .isEmpty();
  }

  @Test
  void signatureByAnotherKeyIsInvalid() {
    KeyPair other = TestCsr.ecKey("secp256r1");
    CsrCheckResult result =
        check(TestCsr.compliant().key(other, "SHA256withECDSA")
            .publicKey(SubjectPublicKeyInfo.getInstance(TestCsr.ecKey("secp384r1").getPublic().getEncoded())));

    assertThat(codes(result)).containsExactly("signature.invalid");
    assertThat(result.acceptable()).isFalse();
  }

  @Test
  void alteredRequestHasAnInvalidSignature() {
    byte[] der = TestCsr.compliant().der();
    String text = new String(der, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("Chiyoda");
    der[at] = 'K';

    CsrCheckResult result = csrCheck.check(der, CsrCheckContext.standalone());

    assertThat(codes(result)).containsExactly("signature.invalid");
    assertThat(result.subject().locality()).isEqualTo("Khiyoda-ku");
  }

  @Test
  void sha1AndMd5SignaturesAreWeak() {
    for (String algorithm : new String[] {"SHA1withRSA", "MD5withRSA", "MD2withRSA"}) {
      CsrCheckResult result = check(TestCsr.compliant().algorithm(algorithm));
      assertThat(codes(result)).as(algorithm).containsExactly("signature.algorithm.weak");
      assertThat(result.findings().get(0).message()).contains(algorithm);
    }
    assertThat(codes(check(TestCsr.compliant().key(TestCsr.ecKey("secp256r1"), "SHA1withECDSA"))))
        .containsExactly("signature.algorithm.weak");
    assertThat(codes(check(TestCsr.compliant().algorithm("SHA1withRSAandMGF1"))))
        .containsExactly("signature.algorithm.weak");
  }

  @Test
  void otherSignatureAlgorithmsAreUnsupportedNamingTheOid() {
    CsrCheckResult result = check(TestCsr.compliant().algorithm("SHA224withRSA"));

    assertThat(codes(result)).containsExactly("signature.algorithm.unsupported");
    assertThat(result.findings().get(0).message()).contains("1.2.840.113549.1.1.14");
    assertThat(result.findings().get(0).messageJa()).contains("1.2.840.113549.1.1.14");
  }

  @Test
  void rsaKeyBelow2048BitsIsRefused() {
    CsrCheckResult result = check(TestCsr.compliant().key(TestCsr.rsaKey(1024), "SHA256withRSA"));

    assertThat(codes(result)).containsExactly("rsa.modulus.too-small");
    assertThat(result.publicKey().sizeBits()).isEqualTo(1024);
  }

  @Test
  void ecCurvesOtherThanP256AndP384AreRefused() {
    CsrCheckResult p521 = check(TestCsr.compliant().key(TestCsr.ecKey("secp521r1"), "SHA512withECDSA"));
    CsrCheckResult k1 = check(TestCsr.compliant().key(TestCsr.ecKey("secp256k1"), "SHA256withECDSA"));

    assertThat(codes(p521)).containsExactly("ec.curve.unsupported");
    assertThat(p521.findings().get(0).message()).contains("secp521r1");
    assertThat(codes(k1)).containsExactly("ec.curve.unsupported");
  }

  @Test
  void otherKeyAlgorithmsAreRefused() {
    CsrCheckResult result = check(TestCsr.compliant().key(TestCsr.ed25519Key(), "Ed25519"));

    assertThat(codes(result)).contains("key.algorithm.unsupported", "signature.algorithm.unsupported");
    assertThat(result.publicKey().algorithm()).isEqualTo("1.3.101.112");
  }

  @Test
  void commonNameIsRequired() {
    CsrCheckResult result = check(TestCsr.compliant().subject("C=JP,ST=Tokyo,L=Chiyoda-ku,O=Example K.K."));

    assertThat(codes(result)).containsExactly("subject.cn.missing");
  }

  @Test
  void renewalKeepsTheCommonNameIgnoringCase() {
    byte[] pem = TestCsr.compliant().pem();

    CsrCheckResult same = csrCheck.check(pem, new CsrCheckContext("WWW.Example.CO.JP", true));
    CsrCheckResult other = csrCheck.check(pem, new CsrCheckContext("shop.example.co.jp", true));

    assertThat(same.findings()).isEmpty();
    assertThat(codes(other)).containsExactly("subject.cn.mismatch");
    assertThat(other.findings().get(0).message()).contains("www.example.co.jp", "shop.example.co.jp");
  }

  @Test
  void acceptsOldPemHeaderSurroundingTextAndDer() {
    byte[] der = TestCsr.compliant().der();
    String pem = TestCsr.pem(der);
    String old = pem.replace("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST");
    String mail = "Dear CA,\r\nhere is our CSR:\r\n\r\n" + old.replace("\n", "\r\n") + "\r\nRegards\r\n";

    // "0" is 0x30, DER's SEQUENCE tag: text opening with a phone number or date is still PEM.
    String signature = "0120-123-456 (support)\nHere is our CSR:\n" + pem;

    for (byte[] input :
        new byte[][] {
          der,
          pem.getBytes(StandardCharsets.US_ASCII),
          mail.getBytes(StandardCharsets.UTF_8),
          signature.getBytes(StandardCharsets.UTF_8)
        }) {
      assertThat(csrCheck.check(input, CsrCheckContext.standalone()).acceptable()).isTrue();
    }
  }

  @Test
  void inputThatIsNotARequestIsRejectedWithAReason() {
    assertNotACsr(new byte[0], "empty");
    assertNotACsr(null, "empty");
    assertNotACsr(new byte[CsrInput.MAX_BYTES + 1], "65536");
    assertNotACsr("hello".getBytes(StandardCharsets.US_ASCII), "neither");
    assertNotACsr(
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII),
        "CERTIFICATE");
    assertNotACsr(
        "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII),
        "private key");
    assertNotACsr(
        "-----BEGIN CERTIFICATE REQUEST-----\nMI*B\n-----END CERTIFICATE REQUEST-----\n".getBytes(StandardCharsets.US_ASCII),
        "Base64");
    assertNotACsr(
        "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n".getBytes(StandardCharsets.US_ASCII), "incomplete");
    String pem = TestCsr.pem(TestCsr.compliant().der());
    assertNotACsr((pem + pem).getBytes(StandardCharsets.US_ASCII), "more than one");
    assertNotACsr(
        pem.replace("BEGIN CERTIFICATE", "BEGIN NEW CERTIFICATE").getBytes(StandardCharsets.US_ASCII),
        "do not match");
    assertNotACsr(new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}, "well-formed");
  }

  @Test
  void trailingBytesAfterTheRequestAreRejected() {
    byte[] der = TestCsr.compliant().der();
    byte[] longer = Arrays.copyOf(der, der.length + 2);

    assertNotACsr(longer, "well-formed");
  }

  @Test
  void versionOtherThanV1IsRejected() {
    ASN1Sequence request = ASN1Sequence.getInstance(TestCsr.compliant().der());
    ASN1Sequence info = ASN1Sequence.getInstance(request.getObjectAt(0));
    ASN1EncodableVector changedInfo = new ASN1EncodableVector();
    changedInfo.add(new ASN1Integer(1));
    for (int i = 1; i < info.size(); i++) {
      changedInfo.add(info.getObjectAt(i));
    }
    byte[] der;
    try {
      der = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
        new DERSequence(changedInfo), request.getObjectAt(1), request.getObjectAt(2)}).getEncoded();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }

    assertNotACsr(der, "has version 1");
  }

  private void assertNotACsr(byte[] input, String reason) {
    assertThatThrownBy(() -> csrCheck.check(input, CsrCheckContext.standalone()))
        .isInstanceOf(NotACsrException.class)
        .hasMessageContaining(reason);
  }
}
