package org.cabackoffice.csr;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The full public key validation of NIST SP 800-56A 5.6.2.3.3 for the point of an EC key: not the
 * point at infinity, coordinates in the range [0, p - 1], on the curve, and of the group order (for
 * P-256 and P-384, whose cofactor is 1, this follows from being on the curve; BC checks it anyway).
 * A key failing it is not a key anyone holds the private half of, or one that leaks it.
 */
final class EcPointValidation {

  private static final byte UNCOMPRESSED = 0x04;

  void check(X9ECParameters parameters, byte[] encoded, Findings findings) {
    ECCurve curve = parameters.getCurve();
    BigInteger p = curve.getField().getCharacteristic();
    int coordinateBytes = (curve.getFieldSize() + 7) / 8;
    if (encoded.length == 0 || (encoded.length == 1 && encoded[0] == 0)) {
      findings.add(CsrRule.EC_POINT_INVALID, "it is the point at infinity");
      return;
    }
    if (encoded[0] == UNCOMPRESSED && encoded.length == 1 + 2 * coordinateBytes) {
      BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + coordinateBytes));
      BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + coordinateBytes, encoded.length));
      if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
        findings.add(CsrRule.EC_POINT_INVALID, "a coordinate is not below the field prime");
        return;
      }
      BigInteger left = y.multiply(y).mod(p);
      BigInteger right =
          x.pow(3)
              .add(curve.getA().toBigInteger().multiply(x))
              .add(curve.getB().toBigInteger())
              .mod(p);
      if (!left.equals(right)) {
        findings.add(CsrRule.EC_POINT_INVALID, "it is not on the curve");
        return;
      }
    }
    ECPoint point;
    try {
      point = curve.decodePoint(encoded);
    } catch (RuntimeException e) {
      findings.add(CsrRule.EC_POINT_INVALID, "its encoding is invalid (" + e.getMessage() + ")");
      return;
    }
    if (point.isInfinity()) {
      findings.add(CsrRule.EC_POINT_INVALID, "it is the point at infinity");
    } else if (!point.isValid() || !point.multiply(parameters.getN()).isInfinity()) {
      findings.add(CsrRule.EC_POINT_INVALID, "it is not in the group of the curve");
    }
  }
}
