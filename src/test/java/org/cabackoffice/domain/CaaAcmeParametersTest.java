package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8657: CAA's accounturi and validationmethods parameters, for requests made through ACME. */
class CaaAcmeParametersTest {

  static final List<String> US = List.of("backoffice.example");
  static final String ACCOUNT = "https://ca.example/acme/account/7";
  static final CaaCheck.AcmeRequest HTTP = new CaaCheck.AcmeRequest(ACCOUNT, "http-01");

  static CaaAuthorization.Decision decide(CaaCheck.AcmeRequest acme, String... issueValues) {
    return CaaAuthorization.evaluate(
        "example.jp", java.util.Arrays.stream(issueValues).map(v -> new CaaProperty(0, "issue", v)).toList(), false, US, acme);
  }

  @Test
  void accounturiAuthorizesOnlyThatAccount() {
    assertThat(decide(HTTP, "backoffice.example; accounturi=" + ACCOUNT).permitted()).isTrue();
    CaaAuthorization.Decision other = decide(HTTP, "backoffice.example; accounturi=https://ca.example/acme/account/8");
    assertThat(other.permitted()).isFalse();
    assertThat(other.reason()).contains("RFC 8657").contains("accounturi");
  }

  @Test
  void validationmethodsAuthorizesOnlyTheListedMethods() {
    assertThat(decide(HTTP, "backoffice.example; validationmethods=dns-01,http-01").permitted()).isTrue();
    assertThat(decide(HTTP, "backoffice.example;validationmethods=dns-01").permitted()).isFalse();
    assertThat(decide(new CaaCheck.AcmeRequest(ACCOUNT, "dns-01"), "backoffice.example; validationmethods=dns-01")
        .permitted()).isTrue();
  }

  @Test
  void oneOfSeveralPropertiesNamingUsSufficesWhenItsParametersMatch() {
    assertThat(decide(HTTP, "backoffice.example; accounturi=https://other/1", "backoffice.example; accounturi=" + ACCOUNT)
        .permitted()).isTrue();
  }

  @Test
  void withoutAnAcmeRequestTheParametersPlayNoPartAsBefore() {
    // The application path (no ACME account) keeps RFC 8659's reading: parameters do not restrict.
    assertThat(CaaAuthorization.evaluate(
            "example.jp", List.of(new CaaProperty(0, "issue", "backoffice.example; accounturi=https://x/1")), false, US)
        .permitted()).isTrue();
    assertThat(decide(null, "backoffice.example; validationmethods=dns-01").permitted()).isTrue();
  }

  @Test
  void anotherCasPropertyStillDoesNotAuthorizeUs() {
    assertThat(decide(HTTP, "ca1.example.net; accounturi=" + ACCOUNT).permitted()).isFalse();
  }
}
