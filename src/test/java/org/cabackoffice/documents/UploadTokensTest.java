package org.cabackoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadTokensTest {

  @Test
  void tokensCarry256RandomBitsInUrlSafeBase64() {
    String token = UploadTokens.next();

    assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
    byte[] raw = Base64.getUrlDecoder().decode(token);
    assertThat(raw.length * 8).isGreaterThanOrEqualTo(128).isEqualTo(256);
    assertThat(UploadTokens.isWellFormed(token)).isTrue();
  }

  @Test
  void tokensDoNotRepeatAndUseTheWholeAlphabet() {
    Set<String> tokens = new HashSet<>();
    Set<Character> characters = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      String token = UploadTokens.next();
      tokens.add(token);
      token.chars().forEach(c -> characters.add((char) c));
    }
    assertThat(tokens).hasSize(2_000);
    // 86,000 characters over a 64-symbol alphabet: every symbol shows up
    assertThat(characters).hasSize(64);
  }

  @Test
  void malformedTokensAreRecognized() {
    assertThat(UploadTokens.isWellFormed(null)).isFalse();
    assertThat(UploadTokens.isWellFormed("short")).isFalse();
    assertThat(UploadTokens.isWellFormed("a".repeat(42) + "/")).isFalse();
    assertThat(UploadTokens.isWellFormed("a".repeat(44))).isFalse();
  }
}
