package org.cabackoffice.csr;

import java.math.BigInteger;

/**
 * The published ROCA fingerprint test (Nemec et al., "The Return of Coppersmith's Attack", CCS
 * 2017, CVE-2017-15361). Infineon's RSALib made primes p = k * M + (65537^a mod M) with M a
 * primorial, so for every small prime r dividing M the modulus n mod r lies in the subgroup that
 * 65537 generates modulo r. The test checks this for the primes 3 to 167, as the authors' detector
 * does; a random modulus passes all 38 with negligible probability, an RSALib one always does.
 * The subgroups are computed here rather than copied as the detector's bit masks; they are the same
 * sets.
 */
final class RocaFingerprint {

  private static final int[] PRIMES = {
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97,
    101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167
  };
  private static final int GENERATOR = 65537;
  /** SUBGROUPS[i][x] is true when x is a power of 65537 modulo PRIMES[i]. */
  private static final boolean[][] SUBGROUPS = new boolean[PRIMES.length][];

  static {
    for (int i = 0; i < PRIMES.length; i++) {
      int r = PRIMES[i];
      boolean[] powers = new boolean[r];
      int g = GENERATOR % r;
      int x = 1;
      do {
        powers[x] = true;
        x = (x * g) % r;
      } while (x != 1);
      SUBGROUPS[i] = powers;
    }
  }

  boolean matches(BigInteger modulus) {
    for (int i = 0; i < PRIMES.length; i++) {
      int residue = modulus.mod(BigInteger.valueOf(PRIMES[i])).intValue();
      if (!SUBGROUPS[i][residue]) {
        return false;
      }
    }
    return true;
  }

  /** The primes of the test, for building a matching modulus in tests. */
  static int[] primes() {
    return PRIMES.clone();
  }
}
