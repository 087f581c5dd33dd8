package org.cabackoffice.documents;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Upload tokens: 256 bits from a CSPRNG, URL-safe base64 without padding (43 characters). The
 * Baseline Requirements ask at least 112 bits of random values that stand in for a credential;
 * the token is the uploader's only credential.
 */
final class UploadTokens {

  static final int TOKEN_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private UploadTokens() {}

  static String next() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return ENCODER.encodeToString(bytes);
  }

  /** Whether a string has the shape of a token; anything else is refused without a query. */
  static boolean isWellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }
}
