package org.cabackoffice.csr;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The RSA key rules: size and exponent (BR 6.1.5, 6.1.6) and the weak-key tests BR 6.1.1.3 makes
 * the CA run before accepting a key (small factors, close primes found by Fermat's method within 100
 * rounds, the ROCA fingerprint of Infineon's RSALib, CVE-2017-15361).
 */
final class RsaKeyQuality {

  static final int MIN_MODULUS_BITS = 2048;
  // Keys beyond 8192 bits do no good and make every TLS handshake of the site slow; most clients
  // refuse them, so the CA refuses them here rather than issue a certificate that does not work.
  static final int MAX_MODULUS_BITS = 8192;
  private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);
  private static final BigInteger MAX_EXPONENT = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
  private static final int FERMAT_ROUNDS = 100;
  private static final BigInteger SMALL_PRIMES_PRODUCT = productOfPrimesBelow(1000);

  private final RocaFingerprint roca = new RocaFingerprint();

  void check(BigInteger modulus, BigInteger exponent, Findings findings) {
    int bits = modulus.bitLength();
    if (bits < MIN_MODULUS_BITS) {
      findings.add(CsrRule.RSA_MODULUS_TOO_SMALL, bits);
    } else if (bits > MAX_MODULUS_BITS) {
      findings.add(CsrRule.RSA_MODULUS_TOO_LARGE, bits);
    }
    if (bits % 8 != 0) {
      // BR 6.1.5: "the modulus size in bits is evenly divisible by 8".
      findings.add(CsrRule.RSA_MODULUS_NOT_MULTIPLE_OF_8, bits);
    }
    if (!exponent.testBit(0)) {
      findings.add(CsrRule.RSA_EXPONENT_EVEN, exponent);
    }
    if (exponent.compareTo(MIN_EXPONENT) < 0 || exponent.compareTo(MAX_EXPONENT) > 0) {
      // BR 6.1.6 says SHOULD; the CA makes it a MUST, as e = 3 invites the low-exponent attacks
      // and nobody needs an exponent above 2^256 - 1.
      findings.add(CsrRule.RSA_EXPONENT_OUT_OF_RANGE, shortNumber(exponent));
    }
    // The factor tests cost little only for moduli of sane size; an oversized one is refused above.
    if (bits > MAX_MODULUS_BITS) {
      return;
    }
    BigInteger smallFactor = smallFactor(modulus);
    if (smallFactor != null) {
      findings.add(CsrRule.RSA_MODULUS_SMALL_FACTOR, smallFactor);
    } else if (fermatFactorable(modulus)) {
      findings.add(CsrRule.RSA_MODULUS_FERMAT, FERMAT_ROUNDS);
    }
    if (roca.matches(modulus)) {
      findings.add(CsrRule.RSA_MODULUS_ROCA);
    }
  }

  /** The smallest prime below 1000 dividing the modulus, or null. */
  static BigInteger smallFactor(BigInteger modulus) {
    BigInteger common = modulus.gcd(SMALL_PRIMES_PRODUCT);
    if (common.equals(BigInteger.ONE)) {
      return null;
    }
    for (int p = 2; p < 1000; p++) {
      BigInteger prime = BigInteger.valueOf(p);
      if (prime.isProbablePrime(20) && common.mod(prime).signum() == 0) {
        return prime;
      }
    }
    return common;
  }

  /**
   * Fermat's method from a = ceil(sqrt(n)): n = a^2 - b^2 = (a - b)(a + b) is found within r rounds
   * when the two primes are close (CVE-2022-26320); BR 6.1.1.3 asks for at least 100 rounds.
   *
   * <p>Each round asks whether a^2 - n is a square. An integer square root of a 2048-bit number
   * costs tens of microseconds, and 100 of them were most of an RSA check (issue 12, 3 ms). A
   * square is also a square modulo 64, 63, 65 and 11, and only about 1 number in 70 passes all
   * four; so each round first looks at a^2 - n modulo their product in long arithmetic and takes
   * the root only of the few candidates left. The filter never rejects a square, so the rounds
   * find exactly what the plain method finds.
   */
  static boolean fermatFactorable(BigInteger modulus) {
    BigInteger a = modulus.sqrt();
    if (a.multiply(a).equals(modulus)) {
      return true;
    }
    a = a.add(BigInteger.ONE);
    long aResidue = a.mod(SQUARE_FILTER_MODULUS).longValueExact();
    long nResidue = modulus.mod(SQUARE_FILTER_MODULUS).longValueExact();
    for (int round = 0; round < FERMAT_ROUNDS; round++) {
      long x = (aResidue + round) % FILTER_MODULUS;
      long residue = Math.floorMod(x * x - nResidue, FILTER_MODULUS);
      if (mayBeSquare(residue)) {
        BigInteger candidate = a.add(BigInteger.valueOf(round));
        BigInteger bSquared = candidate.multiply(candidate).subtract(modulus);
        BigInteger b = bSquared.sqrt();
        if (b.multiply(b).equals(bSquared)) {
          return true;
        }
      }
    }
    return false;
  }

  private static final int[] SQUARE_FILTERS = {64, 63, 65, 11};
  private static final long FILTER_MODULUS = 64L * 63 * 65 * 11;
  private static final BigInteger SQUARE_FILTER_MODULUS = BigInteger.valueOf(FILTER_MODULUS);
  /** SQUARES[i][x]: x is a square modulo SQUARE_FILTERS[i]. */
  private static final boolean[][] SQUARES = new boolean[SQUARE_FILTERS.length][];

  static {
    for (int i = 0; i < SQUARE_FILTERS.length; i++) {
      int m = SQUARE_FILTERS[i];
      SQUARES[i] = new boolean[m];
      for (int x = 0; x < m; x++) {
        SQUARES[i][x * x % m] = true;
      }
    }
  }

  private static boolean mayBeSquare(long residue) {
    for (int i = 0; i < SQUARE_FILTERS.length; i++) {
      if (!SQUARES[i][(int) (residue % SQUARE_FILTERS[i])]) {
        return false;
      }
    }
    return true;
  }

  private static BigInteger productOfPrimesBelow(int limit) {
    List<Integer> primes = new ArrayList<>();
    for (int candidate = 2; candidate < limit; candidate++) {
      boolean prime = true;
      for (int p : primes) {
        if (p * p > candidate) {
          break;
        }
        if (candidate % p == 0) {
          prime = false;
          break;
        }
      }
      if (prime) {
        primes.add(candidate);
      }
    }
    return primes.stream().map(BigInteger::valueOf).reduce(BigInteger.ONE, BigInteger::multiply);
  }

  private static String shortNumber(BigInteger value) {
    String decimal = value.toString();
    return decimal.length() <= 20 ? decimal : "a " + value.bitLength() + "-bit number";
  }
}
