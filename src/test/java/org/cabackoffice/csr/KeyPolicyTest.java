package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

/** The key findings, each from a request whose key has exactly that defect. */
class KeyPolicyTest {

  private static final BigInteger F4 = BigInteger.valueOf(65537);
  private final CsrCheck csrCheck = new CsrCheck();
  // A fixed seed keeps the generated weak keys, and so the test, the same on every run.
  private final Random random = new Random(20250315L);

  private String[] codes(TestCsr csr) {
    return csrCheck.check(csr.der(), CsrCheckContext.standalone()).findings().stream()
        .map(Finding::code)
        .toArray(String[]::new);
  }

  private static SubjectPublicKeyInfo rsaSpki(BigInteger modulus, BigInteger exponent) {
    try {
      return new SubjectPublicKeyInfo(
          new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
          new RSAPublicKey(modulus, exponent));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request carrying a public key whose private key we do not have: signed by another key. */
  private TestCsr withForeignKey(SubjectPublicKeyInfo spki) {
    return TestCsr.compliant().publicKey(spki);
  }

  private BigInteger prime(int bits) {
    return BigInteger.probablePrime(bits, random);
  }

  @Test
  void rsaModulusAbove8192BitsIsTooLarge() {
    BigInteger modulus = new BigInteger(8200, random).setBit(8199).setBit(0);

    assertThat(codes(withForeignKey(rsaSpki(modulus, F4))))
        .containsExactly("rsa.modulus.too-large", "signature.invalid");
  }

  @Test
  void rsaModulusNotAMultipleOf8IsRefused() {
    BigInteger p = prime(1028);
    BigInteger q = prime(1027);

    assertThat(codes(TestCsr.compliant().key(TestCsr.rsaKey(p, q, F4), "SHA256withRSA")))
        .containsExactly("rsa.modulus.not-multiple-of-8");
  }

  @Test
  void evenRsaExponentIsRefused() {
    java.security.interfaces.RSAPublicKey key =
        (java.security.interfaces.RSAPublicKey) TestCsr.rsaKey(2048).getPublic();

    assertThat(codes(withForeignKey(rsaSpki(key.getModulus(), BigInteger.valueOf(65538)))))
        .containsExactly("rsa.exponent.even", "signature.invalid");
  }

  @Test
  void rsaExponentOutsideTheBrRangeIsRefused() {
    BigInteger three = BigInteger.valueOf(3);
    BigInteger p;
    BigInteger q;
    do {
      p = prime(1024);
      q = prime(1024);
    } while (p.mod(three).intValue() != 2
        || q.mod(three).intValue() != 2
        || p.multiply(q).bitLength() != 2048);

    assertThat(codes(TestCsr.compliant().key(TestCsr.rsaKey(p, q, three), "SHA256withRSA")))
        .containsExactly("rsa.exponent.out-of-range");

    java.security.interfaces.RSAPublicKey key =
        (java.security.interfaces.RSAPublicKey) TestCsr.rsaKey(2048).getPublic();
    BigInteger huge = BigInteger.ONE.shiftLeft(256).add(BigInteger.ONE);
    assertThat(codes(withForeignKey(rsaSpki(key.getModulus(), huge))))
        .containsExactly("rsa.exponent.out-of-range", "signature.invalid");
  }

  @Test
  void rsaModulusWithASmallFactorIsRefused() {
    BigInteger small = BigInteger.valueOf(997);
    BigInteger q;
    do {
      q = prime(2038);
    } while (small.multiply(q).bitLength() != 2048);

    CsrCheckResult result =
        csrCheck.check(
            TestCsr.compliant().key(TestCsr.rsaKey(small, q, F4), "SHA256withRSA").der(),
            CsrCheckContext.standalone());

    assertThat(result.findings()).extracting(Finding::code).containsExactly("rsa.modulus.small-factor");
    assertThat(result.findings().get(0).message()).contains("997");
  }

  @Test
  void rsaModulusOfClosePrimesIsFactoredByFermat() {
    BigInteger p;
    BigInteger q;
    do {
      p = prime(1024);
      q = p.nextProbablePrime();
    } while (p.multiply(q).bitLength() != 2048);

    assertThat(codes(TestCsr.compliant().key(TestCsr.rsaKey(p, q, F4), "SHA256withRSA")))
        .containsExactly("rsa.modulus.fermat-factorable");
  }

  @Test
  void fermatNeedsCloseprimesNotJustAny() {
    java.security.interfaces.RSAPublicKey key =
        (java.security.interfaces.RSAPublicKey) TestCsr.rsaKey(2048).getPublic();

    assertThat(RsaKeyQuality.fermatFactorable(key.getModulus())).isFalse();
    assertThat(RsaKeyQuality.fermatFactorable(BigInteger.valueOf(101 * 103))).isTrue();
  }

  /**
   * The residue filter in front of each round's square root (issue 12) must not change the answer:
   * on moduli whose primes lie near the 100-round limit either side, it agrees with the plain
   * method that takes every root.
   */
  @Test
  void fermatWithItsSquareFilterFindsExactlyWhatThePlainMethodFinds() {
    java.util.Random random = new java.util.Random(12);
    int found = 0;
    for (int i = 0; i < 400; i++) {
      BigInteger p = BigInteger.probablePrime(40 + random.nextInt(200), random);
      // Fermat needs about (q - p)^2 / 8p rounds: gaps up to 40 sqrt(p) need up to 200.
      BigInteger limit = p.sqrt().multiply(BigInteger.valueOf(40));
      BigInteger gap = new BigInteger(limit.bitLength(), random).mod(limit);
      BigInteger q = p.add(gap).nextProbablePrime();
      BigInteger n = p.multiply(q);
      boolean plain = plainFermat(n);
      found += plain ? 1 : 0;
      assertThat(RsaKeyQuality.fermatFactorable(n)).as("p=%s q=%s", p, q).isEqualTo(plain);
    }
    assertThat(found).as("moduli factored within 100 rounds").isBetween(20, 380);
  }

  private static boolean plainFermat(BigInteger n) {
    BigInteger a = n.sqrt();
    if (a.multiply(a).equals(n)) {
      return true;
    }
    a = a.add(BigInteger.ONE);
    for (int round = 0; round < 100; round++) {
      BigInteger bSquared = a.multiply(a).subtract(n);
      BigInteger b = bSquared.sqrt();
      if (b.multiply(b).equals(bSquared)) {
        return true;
      }
      a = a.add(BigInteger.ONE);
    }
    return false;
  }

  /**
   * A modulus built the way Infineon's RSALib built its primes, p = k * M + (65537^a mod M) with M
   * the product of the fingerprint's primes, has the ROCA fingerprint.
   */
  @Test
  void rsaModulusWithTheRocaFingerprintIsRefused() {
    BigInteger m =
        Arrays.stream(RocaFingerprint.primes())
            .mapToObj(BigInteger::valueOf)
            .reduce(BigInteger.TWO, BigInteger::multiply);
    BigInteger p;
    BigInteger q;
    do {
      p = rocaPrime(m);
      q = rocaPrime(m);
    } while (p.multiply(q).bitLength() != 2048);

    assertThat(new RocaFingerprint().matches(p.multiply(q))).isTrue();
    assertThat(codes(TestCsr.compliant().key(TestCsr.rsaKey(p, q, F4), "SHA256withRSA")))
        .containsExactly("rsa.modulus.roca");
  }

  @Test
  void ordinaryModuliDoNotHaveTheRocaFingerprint() {
    RocaFingerprint roca = new RocaFingerprint();
    SecureRandom secure = new SecureRandom();
    for (int i = 0; i < 20; i++) {
      BigInteger n = BigInteger.probablePrime(512, secure).multiply(BigInteger.probablePrime(512, secure));
      assertThat(roca.matches(n)).isFalse();
    }
  }

  /** A 1024-bit RSALib-style prime of at least 1.5 * 2^1023, so two of them make 2048 bits. */
  private BigInteger rocaPrime(BigInteger m) {
    BigInteger limit = BigInteger.ONE.shiftLeft(1024).divide(m);
    while (true) {
      BigInteger a = new BigInteger(64, random);
      BigInteger k = new BigInteger(limit.bitLength(), random).mod(limit);
      BigInteger candidate = k.multiply(m).add(BigInteger.valueOf(65537).modPow(a, m));
      if (candidate.bitLength() == 1024 && candidate.testBit(1022) && candidate.isProbablePrime(40)) {
        return candidate;
      }
    }
  }

  @Test
  void ecPointOffTheCurveIsInvalid() {
    byte[] point = ecPoint(TestCsr.ecKey("secp256r1"));
    point[point.length - 1] ^= 1;

    assertThat(codes(withForeignKey(ecSpki(SECObjectIdentifiers.secp256r1, point))))
        .containsExactly("ec.point.invalid", "signature.invalid");
  }

  @Test
  void ecPointAtInfinityOrOutOfRangeIsInvalid() {
    BigInteger prime = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1).getCurve().getField().getCharacteristic();
    byte[] outOfRange = new byte[65];
    outOfRange[0] = 4;
    byte[] x = prime.toByteArray(); // 33 bytes with a leading zero
    System.arraycopy(x, x.length - 32, outOfRange, 1, 32);

    CsrCheckResult infinity =
        csrCheck.check(withForeignKey(ecSpki(SECObjectIdentifiers.secp256r1, new byte[] {0})).der(), CsrCheckContext.standalone());
    CsrCheckResult range =
        csrCheck.check(withForeignKey(ecSpki(SECObjectIdentifiers.secp256r1, outOfRange)).der(), CsrCheckContext.standalone());

    assertThat(infinity.findings().get(0).code()).isEqualTo("ec.point.invalid");
    assertThat(infinity.findings().get(0).message()).contains("infinity");
    assertThat(range.findings().get(0).code()).isEqualTo("ec.point.invalid");
    assertThat(range.findings().get(0).message()).contains("field prime");
  }

  @Test
  void keyThatCannotBeDecodedIsMalformed() {
    SubjectPublicKeyInfo garbage =
        new SubjectPublicKeyInfo(
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
            new byte[] {1, 2, 3, 4});

    assertThat(codes(withForeignKey(garbage))).containsExactly("key.malformed", "signature.invalid");
  }

  private static byte[] ecPoint(java.security.KeyPair pair) {
    return SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).getPublicKeyData().getOctets();
  }

  private static SubjectPublicKeyInfo ecSpki(ASN1ObjectIdentifier curve, byte[] point) {
    return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), new DERBitString(point).getBytes());
  }
}
