package org.cabackoffice.csr;

import org.cabackoffice.digest.Sha256;
import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The key rules of BR 6.1.5 (RSA at least 2048 bits; ECDSA on P-256, P-384 or P-521) narrowed by
 * Mozilla Root Store Policy 5.1, which allows P-256 and P-384 only for the curves, and BR 7.1.3.1,
 * which allows rsaEncryption and id-ecPublicKey with a named curve only as key algorithms.
 */
final class PublicKeyPolicy {

  record Outcome(CsrPublicKey key, byte[] spkiDer) {}

  private static final Map<ASN1ObjectIdentifier, String> ACCEPTED_CURVES =
      Map.of(SECObjectIdentifiers.secp256r1, "P-256", SECObjectIdentifiers.secp384r1, "P-384");

  private final RsaKeyQuality rsaQuality = new RsaKeyQuality();
  private final EcPointValidation ecPoint = new EcPointValidation();

  Outcome check(SubjectPublicKeyInfo spki, Findings findings) {
    byte[] der;
    try {
      der = spki.getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException e) {
      throw new NotACsrException("The public key of the CSR cannot be encoded.", e);
    }
    String fingerprint = Sha256.hex(der);
    ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
    if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      return new Outcome(checkRsa(spki, fingerprint, findings), der);
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      return new Outcome(checkEc(spki, fingerprint, findings), der);
    }
    findings.add(CsrRule.KEY_ALGORITHM_UNSUPPORTED, algorithmName(algorithm));
    return new Outcome(new CsrPublicKey(algorithm.getId(), null, null, fingerprint), der);
  }

  private CsrPublicKey checkRsa(SubjectPublicKeyInfo spki, String fingerprint, Findings findings) {
    RSAPublicKey key;
    try {
      key = RSAPublicKey.getInstance(spki.parsePublicKey());
    } catch (java.io.IOException | RuntimeException e) {
      findings.add(CsrRule.KEY_MALFORMED, "not an RSAPublicKey structure");
      return new CsrPublicKey("RSA", null, null, fingerprint);
    }
    BigInteger modulus = key.getModulus();
    BigInteger exponent = key.getPublicExponent();
    if (modulus.signum() <= 0 || exponent.signum() <= 0) {
      findings.add(CsrRule.KEY_MALFORMED, "the RSA modulus or exponent is not positive");
      return new CsrPublicKey("RSA", modulus.bitLength(), null, fingerprint);
    }
    rsaQuality.check(modulus, exponent, findings);
    return new CsrPublicKey("RSA", modulus.bitLength(), null, fingerprint);
  }

  private CsrPublicKey checkEc(SubjectPublicKeyInfo spki, String fingerprint, Findings findings) {
    ASN1Primitive parameters = spki.getAlgorithm().getParameters() == null
        ? null
        : spki.getAlgorithm().getParameters().toASN1Primitive();
    if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
      // RFC 5480 2.1.1: explicit curve parameters MUST NOT be used; BR 7.1.3.1.2 fixes the
      // encodings to the named curves.
      findings.add(CsrRule.EC_CURVE_UNSUPPORTED, "given by explicit parameters");
      return new CsrPublicKey("EC", null, null, fingerprint);
    }
    String name = ACCEPTED_CURVES.get(curve);
    X9ECParameters curveParameters = ECNamedCurveTable.getByOID(curve);
    Integer size = curveParameters == null ? null : curveParameters.getCurve().getFieldSize();
    if (name == null) {
      String known = ECNamedCurveTable.getName(curve);
      findings.add(
          CsrRule.EC_CURVE_UNSUPPORTED, known == null ? curve.getId() : known + " (" + curve.getId() + ")");
      return new CsrPublicKey("EC", size, known, fingerprint);
    }
    byte[] point;
    try {
      point = spki.getPublicKeyData().getOctets();
    } catch (RuntimeException e) {
      findings.add(CsrRule.KEY_MALFORMED, "the EC point is not a whole number of bytes");
      return new CsrPublicKey("EC", size, name, fingerprint);
    }
    ecPoint.check(curveParameters, point, findings);
    return new CsrPublicKey("EC", size, name, fingerprint);
  }

  private static String algorithmName(ASN1ObjectIdentifier algorithm) {
    String name = KNOWN_KEY_ALGORITHMS.get(algorithm);
    return name == null ? algorithm.getId() : name + " (" + algorithm.getId() + ")";
  }

  private static final Map<ASN1ObjectIdentifier, String> KNOWN_KEY_ALGORITHMS =
      Map.of(
          PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS key",
          X9ObjectIdentifiers.id_dsa, "DSA",
          new ASN1ObjectIdentifier("1.3.101.112"), "Ed25519",
          new ASN1ObjectIdentifier("1.3.101.113"), "Ed448");

}
