package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8659 sections 4.1 to 4.3 on one relevant record set, no DNS. */
class CaaAuthorizationTest {

  static final List<String> US = List.of("backoffice.example");

  static CaaProperty p(int flags, String tag, String value) {
    return new CaaProperty(flags, tag, value);
  }

  static CaaAuthorization.Decision decide(boolean wildcard, CaaProperty... set) {
    return CaaAuthorization.evaluate("example.com", List.of(set), wildcard, US);
  }

  @Test
  void anIssuePropertyNamingUsPermitsAndOneNamingAnotherCaDoesNot() {
    // RFC 8659 4.2's example: two CAs authorized side by side.
    assertThat(decide(false, p(0, "issue", "ca1.example.net"), p(0, "issue", "backoffice.example")).permitted())
        .isTrue();
    CaaAuthorization.Decision other = decide(false, p(0, "issue", "ca1.example.net"));
    assertThat(other.permitted()).isFalse();
    assertThat(other.reason()).contains("ca1.example.net").contains("do not name this CA's issuer domain");
  }

  @Test
  void anEmptyIssueValueForbidsEveryCa() {
    CaaAuthorization.Decision none = decide(false, p(0, "issue", ";"));
    assertThat(none.permitted()).isFalse();
    assertThat(none.reason()).contains("no CA may issue");
    assertThat(decide(false, p(0, "issue", "")).permitted()).isFalse();
    assertThat(decide(true, p(0, "issue", " ; ")).permitted()).isFalse();
  }

  @Test
  void issuewildGovernsWildcardsAndIsIgnoredForOtherNames() {
    CaaProperty issueUs = p(0, "issue", "backoffice.example");
    CaaProperty wildNone = p(0, "issuewild", ";");
    assertThat(decide(false, issueUs, wildNone).permitted()).isTrue();
    assertThat(decide(true, issueUs, wildNone).permitted()).isFalse();

    CaaProperty issueNone = p(0, "issue", ";");
    CaaProperty wildUs = p(0, "issuewild", "backoffice.example");
    assertThat(decide(false, issueNone, wildUs).permitted()).isFalse();
    assertThat(decide(true, issueNone, wildUs).permitted()).isTrue();

    // Without issuewild, a wildcard falls back to issue.
    assertThat(decide(true, issueUs).permitted()).isTrue();
    assertThat(decide(true, p(0, "issue", "ca1.example.net")).permitted()).isFalse();
    // issuewild alone restricts only wildcards.
    assertThat(decide(false, p(0, "issuewild", "ca1.example.net")).permitted()).isTrue();
  }

  @Test
  void anUnknownCriticalPropertyForbidsIssuanceAndAnUnknownNonCriticalOneIsIgnored() {
    CaaAuthorization.Decision critical =
        decide(false, p(0, "issue", "backoffice.example"), p(128, "tbs", "Unknown"));
    assertThat(critical.permitted()).isFalse();
    assertThat(critical.reason()).contains("critical property 128 tbs \"Unknown\"");

    assertThat(decide(false, p(0, "issue", "backoffice.example"), p(0, "tbs", "Unknown")).permitted())
        .isTrue();
    assertThat(decide(false, p(128, "issue", "backoffice.example")).permitted()).isTrue();
    assertThat(decide(false, p(128, "iodef", "mailto:security@example.com")).permitted()).isTrue();
  }

  @Test
  void tagsAndIssuerDomainsMatchWithoutRegardToCase() {
    assertThat(decide(false, p(0, "ISSUE", "BackOffice.Example")).permitted()).isTrue();
    assertThat(decide(true, p(0, "issue", ";"), p(0, "IssueWild", "BACKOFFICE.EXAMPLE")).permitted())
        .isTrue();
  }

  @Test
  void parametersAfterTheSemicolonPlayNoPartInMatchingTheIssuer() {
    assertThat(decide(false, p(0, "issue", "backoffice.example; account=230123")).permitted()).isTrue();
    // RFC 8657's parameters restrict the request (CaaAcmeParametersTest); this one has no method.
    assertThat(decide(false, p(0, "issue", "  backoffice.example ;validationmethods=dns-01")).permitted())
        .isFalse();
    assertThat(decide(false, p(0, "issue", "ca1.example.net; backoffice.example")).permitted()).isFalse();
  }

  @Test
  void aMalformedIssuerDomainAuthorizesNobody() {
    assertThat(CaaAuthorization.issuerDomain("backoffice.example.")).isNull();
    assertThat(CaaAuthorization.issuerDomain("back office.example")).isNull();
    assertThat(CaaAuthorization.issuerDomain(";")).isEmpty();
    assertThat(CaaAuthorization.issuerDomain("Ca-1.Example; x=y")).isEqualTo("ca-1.example");
    assertThat(decide(false, p(0, "issue", "backoffice.example.")).permitted()).isFalse();
  }

  @Test
  void aSetWithoutIssuePropertiesRestrictsNoCa() {
    CaaAuthorization.Decision iodefOnly = decide(false, p(0, "iodef", "mailto:security@example.com"));
    assertThat(iodefOnly.permitted()).isTrue();
    assertThat(iodefOnly.reason()).contains("has no issue property");
  }
}
