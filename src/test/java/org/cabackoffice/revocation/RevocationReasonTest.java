package org.cabackoffice.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RevocationReasonTest {

  @Test
  void readsTheReasonAsTheBrAndPeopleWriteIt() {
    assertThat(RevocationReason.parse("keyCompromise")).isEqualTo(RevocationReason.KEY_COMPROMISE);
    assertThat(RevocationReason.parse("KEY_COMPROMISE")).isEqualTo(RevocationReason.KEY_COMPROMISE);
    assertThat(RevocationReason.parse("cessation-of-operation"))
        .isEqualTo(RevocationReason.CESSATION_OF_OPERATION);
  }

  @Test
  void unspecifiedIsNotAReasonAndTheErrorListsTheAllowedOnes() {
    assertThatThrownBy(() -> RevocationReason.parse("unspecified"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyCompromise")
        .hasMessageContaining("privilegeWithdrawn");
    assertThatThrownBy(() -> RevocationReason.parse(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keyCompromiseMustBeRevokedWithinADayTheOthersWithinFiveDays() {
    assertThat(RevocationReason.KEY_COMPROMISE.deadline()).isEqualTo(Duration.ofHours(24));
    assertThat(RevocationReason.SUPERSEDED.deadline()).isEqualTo(Duration.ofDays(5));
    assertThat(RevocationReason.KEY_COMPROMISE.crlReasonCode()).isEqualTo(1);
    assertThat(RevocationReason.PRIVILEGE_WITHDRAWN.crlReasonCode()).isEqualTo(9);
  }
}
