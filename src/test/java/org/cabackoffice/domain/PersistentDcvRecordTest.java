package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Persistent DCV TXT Record's value, read by BR 3.2.2.4.22's rules. */
class PersistentDcvRecordTest {

  static final List<String> ISSUERS = List.of("backoffice.example");
  static final String ACCOUNT = "https://ca.example/accounts/12";
  static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

  private static boolean usable(String value) {
    return PersistentDcvRecord.firstUsable(List.of(value), ISSUERS, ACCOUNT, NOW).isPresent();
  }

  @Test
  void theBrsExampleShapeIsUsableWithExtraParametersIgnored() {
    assertThat(usable("backoffice.example; accounturi=https://ca.example/accounts/12")).isTrue();
    assertThat(usable("BackOffice.Example;accounturi=https://ca.example/accounts/12;policy=ev")).isTrue();
    assertThat(PersistentDcvRecord.valueToPublish("backoffice.example", ACCOUNT))
        .isEqualTo("backoffice.example; accounturi=" + ACCOUNT);
    assertThat(PersistentDcvRecord.recordName("example.co.jp")).isEqualTo("_validation-persist.example.co.jp");
  }

  @Test
  void persistUntilFollowsTheBrsTable() {
    // BR 3.2.2.4.22's table: checked 2025-06-15T12:00Z.
    assertThat(usable("backoffice.example; accounturi=" + ACCOUNT + "; persistUntil=1767225600")).isTrue();
    assertThat(usable("backoffice.example; accounturi=" + ACCOUNT + "; persistUntil=1735689600")).isFalse();
    assertThat(usable("backoffice.example; accounturi=" + ACCOUNT + "; persistUntil=tomorrow")).isFalse();
  }

  @Test
  void anotherIssuerAnotherAccountNoAccountOrBrokenSyntaxIsNoEvidence() {
    assertThat(usable("other-ca.example; accounturi=" + ACCOUNT)).isFalse();
    assertThat(usable("backoffice.example; accounturi=https://ca.example/accounts/13")).isFalse();
    assertThat(usable("backoffice.example")).isFalse();
    assertThat(usable("backoffice.example; accounturi")).isFalse();
    assertThat(usable("backoffice.example; accounturi=a b")).isFalse();
    assertThat(usable("-bad-.example; accounturi=" + ACCOUNT)).isFalse();

    assertThat(PersistentDcvRecord.whyNoneUsable(
            List.of("other-ca.example; accounturi=" + ACCOUNT, "v=spf1 -all"), ISSUERS, ACCOUNT, NOW))
        .contains("names issuer other-ca.example, not this CA")
        .contains("\"v=spf1 -all\" is not an RFC 8659 issue-value");
  }
}
