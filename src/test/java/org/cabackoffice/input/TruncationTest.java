package org.cabackoffice.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TruncationTest {

  @Test
  void cutsToTheLimitAndKeepsShortTextAndNull() {
    assertThat(Truncation.cut("abcdef", 4)).isEqualTo("abcd");
    assertThat(Truncation.cut("abc", 4)).isEqualTo("abc");
    assertThat(Truncation.cut(null, 4)).isNull();
  }

  @Test
  void neverSplitsASurrogatePair() {
    // "𠮷" (U+20BB7, common in Japanese names) is two UTF-16 units; half of it is no text.
    assertThat(Truncation.cut("ab𠮷c", 3)).isEqualTo("ab");
    assertThat(Truncation.cut("ab𠮷c", 4)).isEqualTo("ab𠮷");
  }

  @Test
  void anAbbreviationEndsInAnEllipsisWithinTheLimit() {
    assertThat(Truncation.abbreviated("0123456789", 5)).isEqualTo("0123…").hasSize(5);
    assertThat(Truncation.abbreviated("01234", 5)).isEqualTo("01234");
    assertThat(Truncation.abbreviated(null, 5)).isNull();
  }
}
