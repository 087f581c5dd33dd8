package org.cabackoffice.issuance;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Certificate serial numbers: how they are drawn and how they are written as text.
 *
 * <p>BR 7.1: non-sequential, greater than zero, less than 2^159, with at least 64 bits of CSPRNG
 * output. We draw 16 bytes (128 bits) from {@link SecureRandom}; as an unsigned number that is
 * below 2^128, so it is always under 2^159 and DER-encodes in at most 17 octets (RFC 5280 4.1.2.2
 * allows 20).
 */
public final class CertificateSerial {

  static final int RANDOM_BYTES = 16;
  static final BigInteger LIMIT = BigInteger.TWO.pow(159);

  private CertificateSerial() {}

  public static BigInteger random(SecureRandom random) {
    byte[] bytes = new byte[RANDOM_BYTES];
    BigInteger serial;
    do {
      random.nextBytes(bytes);
      serial = new BigInteger(1, bytes);
    } while (serial.signum() == 0); // zero is not a valid serial (RFC 5280 4.1.2.2)
    return serial;
  }

  /** The stored form: lower-case hex without separators or leading zeros. */
  public static String hex(BigInteger serial) {
    return serial.toString(16);
  }

  /**
   * Reads a serial as people write it: upper or lower case, with or without colons or spaces
   * ({@code 0A:1B:...} as browsers show it).
   *
   * @throws IllegalArgumentException when the text is not a hex number
   */
  public static String normalize(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no serial number given");
    }
    String digits = text.replaceAll("[:\\s]", "").toLowerCase(Locale.ROOT);
    if (digits.startsWith("0x")) {
      digits = digits.substring(2);
    }
    if (digits.isEmpty() || digits.length() > 42 || !digits.matches("[0-9a-f]+")) {
      throw new IllegalArgumentException("not a hexadecimal serial number: " + text);
    }
    return hex(new BigInteger(digits, 16));
  }
}
