package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 8657: CAA's accounturi and validationmethods parameters (BR 4.2.2.1.2, ballot SC-098), for
 * requests made through ACME and for applications an officer works, on one record set, no DNS.
 */
class CaaAcmeParametersTest {

  static final List<String> US = List.of("backoffice.example");
  static final String ACCOUNT = "https://ca.example/acme/account/7";
  static final String STOREFRONT = "https://ca.example/accounts/12";
  static final CaaRequester HTTP = CaaRequester.acme(ACCOUNT, "http-01");
  static final CaaRequester DNS = CaaRequester.acme(ACCOUNT, "dns-01");
  static final CaaRequester DNS_CHANGE = CaaRequester.application(STOREFRONT, DomainValidationMethod.DNS_CHANGE);
  static final CaaRequester PERSISTENT =
      CaaRequester.application(STOREFRONT, DomainValidationMethod.PERSISTENT_DNS_TXT);
  static final CaaRequester WEBSITE = CaaRequester.application(STOREFRONT, DomainValidationMethod.WEBSITE_CHANGE_V2);

  static CaaAuthorization.Decision decide(CaaRequester requester, String... issueValues) {
    return CaaAuthorization.evaluate(
        "example.jp", Arrays.stream(issueValues).map(v -> new CaaProperty(0, "issue", v)).toList(), false, US, requester);
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
    assertThat(decide(DNS, "backoffice.example; validationmethods=dns-01").permitted()).isTrue();
  }

  @Test
  void anAcmeChallengeIsAlsoNamedByItsBrLabel() {
    // BR 4.2.2.1.2: http-01 is also ca-tbr-19 (3.2.2.4.19), dns-01 also ca-tbr-7 (3.2.2.4.7).
    assertThat(decide(HTTP, "backoffice.example; validationmethods=ca-tbr-19").permitted()).isTrue();
    assertThat(decide(DNS, "backoffice.example; validationmethods=ca-tbr-7").permitted()).isTrue();
    assertThat(decide(HTTP, "backoffice.example; validationmethods=ca-tbr-7").permitted()).isFalse();
  }

  @Test
  void labelsAreMatchedInTheirCanonicalLowerCaseOnly() {
    // BR 4.2.2.1.2 allows case-insensitive matching only where the CP/CPS says so; this CA's does not.
    CaaAuthorization.Decision upper = decide(DNS, "backoffice.example; validationmethods=DNS-01");
    assertThat(upper.permitted()).isFalse();
    assertThat(upper.reason()).contains("does not list dns-01 or ca-tbr-7 (dns-01)");
  }

  @Test
  void oneOfSeveralPropertiesNamingUsSufficesWhenItsParametersMatch() {
    assertThat(decide(HTTP, "backoffice.example; accounturi=https://other/1", "backoffice.example; accounturi=" + ACCOUNT)
        .permitted()).isTrue();
  }

  @Test
  void aPropertyWithTwoAccountUrisOrTwoMethodListsIsUnsatisfiable() {
    CaaAuthorization.Decision twice =
        decide(HTTP, "backoffice.example; accounturi=" + ACCOUNT + "; accounturi=" + ACCOUNT);
    assertThat(twice.permitted()).isFalse();
    assertThat(twice.reason()).contains("2 accounturi parameters");
    assertThat(decide(HTTP, "backoffice.example; validationmethods=http-01; validationmethods=http-01").permitted())
        .isFalse();
  }

  @Test
  void anApplicationsMethodsHaveTheirBrLabels() {
    assertThat(DomainValidationMethod.DNS_CHANGE.caaLabel()).isEqualTo("ca-tbr-7");
    assertThat(DomainValidationMethod.WEBSITE_CHANGE_V2.caaLabel()).isEqualTo("ca-tbr-18");
    assertThat(DomainValidationMethod.PERSISTENT_DNS_TXT.caaLabel()).isEqualTo("ca-tbr-22");
  }

  @Test
  void anApplicationMeetsValidationmethodsOnlyWithTheMethodItWasValidatedBy() {
    assertThat(decide(DNS_CHANGE, "backoffice.example; validationmethods=ca-tbr-7").permitted()).isTrue();
    assertThat(decide(PERSISTENT, "backoffice.example; validationmethods=ca-tbr-7,ca-tbr-22").permitted()).isTrue();
    assertThat(decide(WEBSITE, "backoffice.example; validationmethods=ca-tbr-18").permitted()).isTrue();

    CaaAuthorization.Decision website = decide(WEBSITE, "backoffice.example; validationmethods=ca-tbr-7");
    assertThat(website.permitted()).isFalse();
    assertThat(website.reason())
        .contains("validationmethods ca-tbr-7 does not list ca-tbr-18 (BR 3.2.2.4.18)")
        .contains("BR 4.2.2.1.2");
    // dns-01 is ACME's own record and key authorization, not the DNS change an officer mails for.
    assertThat(decide(DNS_CHANGE, "backoffice.example; validationmethods=dns-01").permitted()).isFalse();
  }

  @Test
  void anApplicationMeetsAccounturiOnlyWithTheApplicantsStorefrontAccount() {
    assertThat(decide(PERSISTENT, "backoffice.example; accounturi=" + STOREFRONT).permitted()).isTrue();
    CaaAuthorization.Decision acmeAccount = decide(DNS_CHANGE, "backoffice.example; accounturi=" + ACCOUNT);
    assertThat(acmeAccount.permitted()).isFalse();
    assertThat(acmeAccount.reason()).contains("is not the requesting account " + STOREFRONT);
  }

  @Test
  void aNameNoMethodValidatedMeetsNoValidationmethods() {
    CaaRequester registrantEvidence = CaaRequester.application(STOREFRONT, null);
    CaaAuthorization.Decision refused = decide(registrantEvidence, "backoffice.example; validationmethods=ca-tbr-7");
    assertThat(refused.permitted()).isFalse();
    assertThat(refused.reason()).contains("no BR 3.2.2.4 method");
    assertThat(decide(registrantEvidence, "backoffice.example").permitted()).isTrue();
  }

  @Test
  void aRequestThroughNoAccountByNoMethodMeetsNeitherParameter() {
    // RFC 8657 3: a request made with no account URI is never authorized by an accounturi property.
    CaaAuthorization.Decision noAccount = decide(null, "backoffice.example; accounturi=" + STOREFRONT);
    assertThat(noAccount.permitted()).isFalse();
    assertThat(noAccount.reason()).contains("this request comes through none");
    assertThat(decide(null, "backoffice.example; validationmethods=ca-tbr-7").permitted()).isFalse();
    // Parameters RFC 8657 does not define still play no part.
    assertThat(decide(null, "backoffice.example; account=230123").permitted()).isTrue();
  }

  @Test
  void anotherCasPropertyStillDoesNotAuthorizeUs() {
    assertThat(decide(HTTP, "ca1.example.net; accounturi=" + ACCOUNT).permitted()).isFalse();
  }
}
