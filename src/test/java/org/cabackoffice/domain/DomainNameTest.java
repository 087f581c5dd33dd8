package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DomainNameTest {

  @Test
  void normalizesCaseTrailingDotAndIdn() {
    assertThat(DomainName.normalize(" Example.CO.JP. ")).isEqualTo("example.co.jp");
    assertThat(DomainName.normalize("例え.jp")).isEqualTo("xn--r8jz45g.jp");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "localhost", "exa mple.com", "-bad.com", "bad-.com", "a..com", "*.example.com",
        "example.123", "example.com/path", "user@example.com"})
  void refusesWhatIsNoDomainName(String text) {
    assertThatThrownBy(() -> DomainName.normalize(text))
        .isInstanceOf(InvalidDomainNameException.class);
  }
}
