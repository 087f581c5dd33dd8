package org.cabackoffice.digest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (FIPS 180-4) as bytes, or as the lower-case hex the database and the pages show. */
public final class Sha256 {

  private Sha256() {}

  public static byte[] of(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must implement SHA-256 (MessageDigest's specification).
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  /** Lower-case hex, 64 characters. */
  public static String hex(byte[] data) {
    return HexFormat.of().formatHex(of(data));
  }
}
