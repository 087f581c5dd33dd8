package org.cabackoffice.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FourEyesTest {

  @Test
  void theSecondPersonIsAnyoneButTheFirstWhateverTheCase() {
    FourEyes proposal = new FourEyes("operator");
    assertThat(proposal.admits("operator2")).isTrue();
    assertThat(proposal.admits("admin")).isTrue();
    assertThat(proposal.admits("operator")).isFalse();
    assertThat(proposal.admits("Operator")).isFalse();
    assertThat(proposal.admits(" operator ")).isFalse();
    assertThat(proposal.admits(null)).isFalse();
    assertThat(proposal.admits(" ")).isFalse();
  }
}
