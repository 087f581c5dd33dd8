package org.cabackoffice.issuance;

import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.util.encoders.Hex;

/**
 * BR 7.1.3.2: the AlgorithmIdentifier encodings, byte for byte, a CA may sign a certificate or a
 * CRL with, by the issuing key they belong to (BR 7.1.3.2.2: a P-256 key signs with SHA-256, P-384
 * with SHA-384, P-521 with SHA-512). The BR lists encodings, not OIDs: an RSA identifier without
 * its NULL parameters, or an ECDSA one with any, is as wrong as another algorithm. SHA-1 is gone
 * (ballot SC-097, 2026-09-15, and never for a subscriber certificate); RSASSA-PSS, which the BR
 * permits, is left out because this CA never signs with it, so an encoding of it here would be a
 * fault.
 */
public final class SignatureAlgorithmEncodings {

  private static final Map<String, String> RSA =
      Map.of(
          "300d06092a864886f70d01010b0500", "sha256WithRSAEncryption",
          "300d06092a864886f70d01010c0500", "sha384WithRSAEncryption",
          "300d06092a864886f70d01010d0500", "sha512WithRSAEncryption");

  private static final Map<Integer, String> ECDSA_BY_CURVE_BITS =
      Map.of(
          256, "300a06082a8648ce3d040302",
          384, "300a06082a8648ce3d040303",
          521, "300a06082a8648ce3d040304");

  private SignatureAlgorithmEncodings() {}

  /** The DER encoding in lower-case hex, as the BR prints it. */
  public static String hex(AlgorithmIdentifier algorithm) {
    try {
      return Hex.toHexString(algorithm.getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalArgumentException("an AlgorithmIdentifier does not encode", e);
    }
  }

  /** Whether the encoding is one of those BR 7.1.3.2 permits, whatever the key. */
  public static boolean permitted(String encoding) {
    return RSA.containsKey(encoding) || ECDSA_BY_CURVE_BITS.containsValue(encoding);
  }

  /** Whether {@code key} may sign with the (permitted) encoding (BR 7.1.3.2.2). */
  public static boolean permittedFor(PublicKey key, String encoding) {
    return expectedFor(key).map(encoding::equals).orElseGet(() -> RSA.containsKey(encoding));
  }

  /** The one ECDSA encoding an EC key signs with; empty for an RSA key (any PKCS#1 v1.5 one). */
  public static Optional<String> expectedFor(PublicKey key) {
    if (key instanceof ECPublicKey ec) {
      return Optional.of(ECDSA_BY_CURVE_BITS.getOrDefault(ec.getParams().getOrder().bitLength(), "none"));
    }
    return Optional.empty();
  }
}
