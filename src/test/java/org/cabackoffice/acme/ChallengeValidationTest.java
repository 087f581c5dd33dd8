package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.cabackoffice.domain.DnsAnswer;
import org.cabackoffice.domain.DnsLookup;
import org.cabackoffice.domain.DnssecStatus;
import org.cabackoffice.domain.WebsiteFileFetch;
import org.cabackoffice.domain.corroboration.MultiPerspectiveCorroboration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * dns-01 (RFC 8555 8.4) and http-01 (8.3) decided by the primary and then the remote perspectives'
 * quorum (BR 3.2.2.9).
 */
class ChallengeValidationTest {

  static final String NAME = "_acme-challenge.www.example.jp";
  static final String KEY_AUTHORIZATION = "token123.thumbprint456";
  static final String DIGEST =
      Base64.getUrlEncoder().withoutPadding().encodeToString(ChallengeValidation.sha256(KEY_AUTHORIZATION));

  DnsLookup dns = mock(DnsLookup.class);
  MultiPerspectiveCorroboration corroboration = mock(MultiPerspectiveCorroboration.class);
  WebsiteFileFetch website = mock(WebsiteFileFetch.class);
  ChallengeValidation validation = new ChallengeValidation(dns, new AcmeProperties(null, null, null), corroboration, website);

  private void primaryFinds(String value) throws Exception {
    TXTRecord txt = new TXTRecord(Name.fromString(NAME + "."), DClass.IN, 300, value);
    when(dns.query(NAME, Type.TXT))
        .thenReturn(new DnsAnswer(NAME, "TXT", "127.0.0.1", Instant.EPOCH, DnsAnswer.Status.ANSWERED, null,
            List.of(txt), "", DnssecStatus.SECURE));
  }

  @Test
  void aRecordTheQuorumCorroboratesValidates() throws Exception {
    primaryFinds(DIGEST);
    when(corroboration.dnsChange(null, NAME, DIGEST))
        .thenReturn(new MultiPerspectiveCorroboration.Outcome(true, "DNS change record corroborated 5/5 by remote perspectives: quorum met", 17L));

    ChallengeValidation.Outcome outcome = validation.check(AcmeChallenge.DNS_01, "www.example.jp", KEY_AUTHORIZATION);

    assertThat(outcome.valid()).isTrue();
    assertThat(outcome.evidence()).contains("quorum met").contains("corroboration #17");
  }

  @Test
  void aMissedQuorumMakesTheChallengeInvalidNamingTheDissentingPerspectives() throws Exception {
    primaryFinds(DIGEST);
    String summary =
        "DNS change record corroborated 3/5 by remote perspectives: quorum NOT met, nothing issued"
            + " (2 did not corroborate: perspective-d (NO_ANSWER), perspective-e (DISAGREED))";
    when(corroboration.dnsChange(null, NAME, DIGEST))
        .thenReturn(new MultiPerspectiveCorroboration.Outcome(false, summary, 18L));

    ChallengeValidation.Outcome outcome = validation.check(AcmeChallenge.DNS_01, "www.example.jp", KEY_AUTHORIZATION);

    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.problemType()).isEqualTo(AcmeProblem.UNAUTHORIZED);
    assertThat(outcome.error()).contains("BR 3.2.2.9").contains("perspective-d").contains("perspective-e");
    assertThat(outcome.evidence()).contains("corroboration #18");
  }

  @Test
  void aRecordThePrimaryDoesNotFindIsNotCorroborated() throws Exception {
    primaryFinds("something-else");

    ChallengeValidation.Outcome outcome = validation.check(AcmeChallenge.DNS_01, "www.example.jp", KEY_AUTHORIZATION);

    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.problemType()).isEqualTo(AcmeProblem.INCORRECT_RESPONSE);
    verify(corroboration, never()).dnsChange(any(), anyString(), anyString());
  }

  /** The client's web server for http-01, on loopback: the test's stand-in for port 80. */
  private HttpServer web;

  private ChallengeValidation http01Serving(String body) throws IOException {
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext("/.well-known/acme-challenge/token123", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    web.start();
    return new ChallengeValidation(
        dns, new AcmeProperties(web.getAddress().getPort(), "127.0.0.1", null), corroboration, website);
  }

  @AfterEach
  void stopWeb() {
    if (web != null) {
      web.stop(0);
    }
  }

  @Test
  void anHttp01KeyAuthorizationTheQuorumAlsoFetchedValidatesWithTheQuorumInTheEvidence() throws Exception {
    ChallengeValidation http01 = http01Serving(KEY_AUTHORIZATION + "\n");
    when(corroboration.acmeHttp01("www.example.jp", "token123", KEY_AUTHORIZATION))
        .thenReturn(new MultiPerspectiveCorroboration.Outcome(
            true, "ACME http-01 key authorization corroborated 5/6 by remote perspectives: quorum met", 21L));

    ChallengeValidation.Outcome outcome = http01.check(AcmeChallenge.HTTP_01, "www.example.jp", KEY_AUTHORIZATION);

    assertThat(outcome.valid()).isTrue();
    assertThat(outcome.evidence())
        .contains("200, the key authorization")
        .contains("corroborated 5/6")
        .contains("quorum met")
        .contains("corroboration #21");
  }

  @Test
  void anHttp01KeyAuthorizationTheQuorumDidNotFetchIsInvalidNamingTheUrl() throws Exception {
    ChallengeValidation http01 = http01Serving(KEY_AUTHORIZATION);
    when(corroboration.acmeHttp01("www.example.jp", "token123", KEY_AUTHORIZATION))
        .thenReturn(new MultiPerspectiveCorroboration.Outcome(
            false,
            "ACME http-01 key authorization corroborated 3/5 by remote perspectives: quorum NOT met, nothing issued"
                + " (2 did not corroborate: saopaulo-1 (LACNIC, NOT_CORROBORATED), johannesburg-1 (AFRINIC, NO_ANSWER))",
            22L));

    ChallengeValidation.Outcome outcome = http01.check(AcmeChallenge.HTTP_01, "www.example.jp", KEY_AUTHORIZATION);

    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.problemType()).isEqualTo(AcmeProblem.UNAUTHORIZED);
    assertThat(outcome.error())
        .contains("BR 3.2.2.9")
        .contains("http://www.example.jp/.well-known/acme-challenge/token123")
        .contains("saopaulo-1")
        .contains("johannesburg-1");
    assertThat(outcome.evidence()).contains("corroborated 3/5").contains("corroboration #22");
  }

  @Test
  void anHttp01AnswerThePrimaryRejectsIsNotCorroborated() throws Exception {
    ChallengeValidation http01 = http01Serving("token123.someone-else");

    ChallengeValidation.Outcome outcome = http01.check(AcmeChallenge.HTTP_01, "www.example.jp", KEY_AUTHORIZATION);

    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.problemType()).isEqualTo(AcmeProblem.INCORRECT_RESPONSE);
    verify(corroboration, never()).acmeHttp01(anyString(), anyString(), anyString());
  }

  // --- the CA's own fetch: the name through the DNSSEC-validating resolver (SC-085) ----------

  private final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** A CA whose http-01 fetch resolves the name itself, as in production; port 80 stands in on loopback. */
  private ChallengeValidation resolvingTheName(String body) throws IOException {
    web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    web.createContext("/", exchange -> {
      requests.add(exchange.getRequestURI().getPath());
      byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    web.start();
    WebsiteFileFetch fetch = new WebsiteFileFetch(dns, web.getAddress().getPort(), 443, java.time.Duration.ofSeconds(20));
    return new ChallengeValidation(dns, new AcmeProperties(null, null, null), corroboration, fetch);
  }

  private void resolves(String name, DnssecStatus dnssec) throws Exception {
    org.xbill.DNS.ARecord a = new org.xbill.DNS.ARecord(Name.fromString(name + "."), DClass.IN, 300,
        java.net.InetAddress.getByName("127.0.0.1"));
    when(dns.query(name, Type.A))
        .thenReturn(new DnsAnswer(name, "A", "validating-resolver", Instant.EPOCH, DnsAnswer.Status.ANSWERED, null,
            List.of(a), "", dnssec));
  }

  @Test
  void theCasOwnHttp01FetchFindsTheAddressThroughTheValidatingResolver() throws Exception {
    ChallengeValidation http01 = resolvingTheName(KEY_AUTHORIZATION + "\n");
    resolves("www.example.jp", DnssecStatus.SECURE);
    when(corroboration.acmeHttp01("www.example.jp", "token123", KEY_AUTHORIZATION))
        .thenReturn(new MultiPerspectiveCorroboration.Outcome(true, "corroborated 5/5: quorum met", 23L));

    ChallengeValidation.Outcome outcome = http01.check(AcmeChallenge.HTTP_01, "www.example.jp", KEY_AUTHORIZATION);

    assertThat(outcome.valid()).as(outcome.error()).isTrue();
    assertThat(outcome.evidence()).contains("200, the key authorization").contains("corroboration #23");
    assertThat(requests).containsExactly("/.well-known/acme-challenge/token123");
    verify(dns).query("www.example.jp", Type.A);
  }

  @Test
  void aNameTheValidatingResolverCannotVouchForIsNeverFetched() throws Exception {
    ChallengeValidation http01 = resolvingTheName(KEY_AUTHORIZATION);
    String bogus = "DNSSEC validation of www.example.jp A failed in zone example.jp: signature expired";
    for (int type : new int[] {Type.A, Type.AAAA}) {
      when(dns.query("www.example.jp", type))
          .thenReturn(new DnsAnswer("www.example.jp", Type.string(type), "validating-resolver", Instant.EPOCH,
              DnsAnswer.Status.FAILED, bogus, List.of(), "", DnssecStatus.BOGUS));
    }

    ChallengeValidation.Outcome outcome = http01.check(AcmeChallenge.HTTP_01, "www.example.jp", KEY_AUTHORIZATION);

    assertThat(outcome.valid()).isFalse();
    assertThat(outcome.problemType()).isEqualTo(AcmeProblem.DNS);
    assertThat(outcome.error()).contains("DNSSEC validation of www.example.jp A failed");
    assertThat(requests).isEmpty();
    verify(corroboration, never()).acmeHttp01(anyString(), anyString(), anyString());
  }
}
