package org.cabackoffice.domain.corroboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import org.cabackoffice.domain.CaaRequester;
import org.cabackoffice.domain.DnsAnswer;
import org.cabackoffice.domain.DnsLookup;
import org.cabackoffice.domain.DomainValidationMethod;
import org.cabackoffice.domain.WebsiteFileFetch;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.CaaQuestion;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.DnsChangeQuestion;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.WebsiteFileQuestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A perspective answers only questions about DNS names (BR 3.2.2.9): whatever else the question
 * carries never reaches its resolver or its HTTP client, so the question cannot make it fetch
 * another port or path than BR 3.2.2.4.18's, or look up something that is not a name.
 */
class PerspectiveEndpointTest {

  /** Stands for "the lookup or the fetch was asked": the question passed the form check. */
  private static final class Asked extends RuntimeException {}

  private final DnsLookup dns = mock(DnsLookup.class);
  private final WebsiteFileFetch website = mock(WebsiteFileFetch.class);
  private final PerspectiveEndpoint endpoint =
      new PerspectiveEndpoint(dns, new PerspectiveProperties("tokyo-1", RirRegion.values()[0]), website);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "www.example.jp:8080",
        "www.example.jp/admin?x=",
        "www.example.jp/admin#",
        "user@www.example.jp",
        "10.0.0.1",
        "[::1]",
        "www.exa mple.jp",
        "under_score.example.jp",
        "-lead.example.jp",
        "a..example.jp"
      })
  void websiteFileRefusesAnFqdnThatIsNotAHostName(String fqdn) {
    assertThatThrownBy(() -> endpoint.websiteFile(new WebsiteFileQuestion(fqdn, "token.txt")))
        .isInstanceOf(IllegalArgumentException.class);
    verifyNoInteractions(website);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "a/b.txt", ""})
  void websiteFileRefusesAFileNameOutsideTheDirectory(String fileName) {
    assertThatThrownBy(() -> endpoint.websiteFile(new WebsiteFileQuestion("www.example.jp", fileName)))
        .isInstanceOf(IllegalArgumentException.class);
    verifyNoInteractions(website);
  }

  @Test
  void websiteFileFetchesForAHostName() {
    when(website.fetch("www.example.jp", "token.txt")).thenThrow(new Asked());
    assertThatThrownBy(() -> endpoint.websiteFile(new WebsiteFileQuestion("www.example.jp", "token.txt")))
        .isInstanceOf(Asked.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"_acme-challenge.example.jp/x", "example.jp:53", "a b.example.jp", "  "})
  void dnsChangeRefusesARecordNameThatIsNotADnsName(String recordName) {
    assertThatThrownBy(() -> endpoint.dnsChange(new DnsChangeQuestion(recordName)))
        .isInstanceOf(IllegalArgumentException.class);
    verifyNoInteractions(dns);
  }

  @Test
  void dnsChangeLooksUpAnUnderscoredOwnerName() {
    when(dns.query(anyString(), anyInt())).thenThrow(new Asked());
    assertThatThrownBy(() -> endpoint.dnsChange(new DnsChangeQuestion("_validation-persist.example.jp")))
        .isInstanceOf(Asked.class);
  }

  @Test
  void caaRefusesNamesThatAreNotDnsNames() {
    assertThatThrownBy(() -> endpoint.caa(new CaaQuestion(List.of("www.example.jp:53"), List.of("ca.example"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> endpoint.caa(new CaaQuestion(List.of("www.example.jp"), List.of("ca.example/x"))))
        .isInstanceOf(IllegalArgumentException.class);
    verifyNoInteractions(dns);
  }

  @Test
  void caaIsJudgedForTheRequesterTheQuestionNames() throws Exception {
    // A perspective that ignored RFC 8657's parameters would corroborate a permission the primary
    // never had for this request (BR 4.2.2.1.1, 4.2.2.1.2).
    org.xbill.DNS.Name owner = org.xbill.DNS.Name.fromString("example.jp.");
    org.xbill.DNS.CAARecord caa = new org.xbill.DNS.CAARecord(
        owner, org.xbill.DNS.DClass.IN, 300, 0, "issue", "ca.example; validationmethods=ca-tbr-22");
    when(dns.query(anyString(), anyInt()))
        .thenAnswer(call -> new DnsAnswer(
            call.getArgument(0), "CAA", "test", java.time.Instant.now(), DnsAnswer.Status.ANSWERED, null,
            call.getArgument(0).equals("example.jp") ? List.of(caa) : List.of(), "", null));
    CaaRequester persistent =
        CaaRequester.application("https://ca.example/accounts/1", DomainValidationMethod.PERSISTENT_DNS_TXT);
    CaaRequester dnsChange = CaaRequester.application("https://ca.example/accounts/1", DomainValidationMethod.DNS_CHANGE);

    assertThat(endpoint.caa(new CaaQuestion(List.of("www.example.jp"), List.of("ca.example"), List.of(persistent)))
        .permitted()).isTrue();
    assertThat(endpoint.caa(new CaaQuestion(List.of("www.example.jp"), List.of("ca.example"), List.of(dnsChange)))
        .permitted()).isFalse();
    // A primary that names no requester gets the answer for no account and no method.
    assertThat(endpoint.caa(new CaaQuestion(List.of("www.example.jp"), List.of("ca.example"))).permitted()).isFalse();
    assertThatThrownBy(() -> endpoint.caa(
            new CaaQuestion(List.of("www.example.jp", "example.jp"), List.of("ca.example"), List.of(persistent))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theCaaQuestionCarriesEachNamesRequesterAsJson() throws Exception {
    // The primary and the perspectives speak JSON (PerspectiveProtocol); a question from a primary
    // that sends no requesters still reads, with none.
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    CaaRequester requester =
        CaaRequester.application("https://ca.example/accounts/1", DomainValidationMethod.WEBSITE_CHANGE_V2);
    String sent = json.writeValueAsString(
        new CaaQuestion(List.of("www.example.jp"), List.of("ca.example"), List.of(requester)));

    assertThat(json.readValue(sent, CaaQuestion.class).requesters()).containsExactly(requester);
    assertThat(sent).contains("\"methodLabels\":[\"ca-tbr-18\"]").doesNotContain("described");
    assertThat(json.readValue("{\"dnsNames\":[\"www.example.jp\"],\"issuerDomains\":[\"ca.example\"]}",
            CaaQuestion.class).requesters()).isNull();
  }
}
