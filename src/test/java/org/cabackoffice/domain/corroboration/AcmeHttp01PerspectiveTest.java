package org.cabackoffice.domain.corroboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cabackoffice.domain.DnsLookup;
import org.cabackoffice.domain.DnsProperties;
import org.cabackoffice.domain.LoopbackDnsServer;
import org.cabackoffice.domain.WebsiteFileFetch;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.AcmeHttp01Question;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.WebsiteFileObservation;
import org.cabackoffice.domain.corroboration.PerspectiveResult.Verdict;
import org.cabackoffice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A remote perspective's part in ACME http-01 (RFC 8555 8.3; BR 3.2.2.4.19, 3.2.2.9): it fetches
 * the key authorization by the website file's rules from its own resolver, and the primary judges
 * the body. The client's web server and the DNS are on loopback; port 80 is privileged, so the
 * server's own port stands in for it through the test-only port setting, which also lifts the
 * public-address rule that loopback would break.
 */
class AcmeHttp01PerspectiveTest {

  static final String FQDN = "www.example.jp";
  static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";
  static final String KEY_AUTHORIZATION = TOKEN + ".nP1qzpXGymHBrUEepNY9HCsQk7K8KhOypzEt62jcerQ";
  static final MpicProperties.Perspective TOKYO =
      new MpicProperties.Perspective("tokyo-1", RirRegion.APNIC, "https://127.0.0.2:8443");

  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final HttpServer web = start();
  private final LoopbackDnsServer dnsServer = new LoopbackDnsServer().a(FQDN, "127.0.0.1").start();
  private final DnsLookup dns =
      new DnsLookup(
          new DnsProperties(dnsServer.address(), Duration.ofMillis(500), null, DnsProperties.Dnssec.off()),
          new MutableClock(Instant.parse("2026-12-07T01:00:00Z")));

  private HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        if (path.equals("/.well-known/acme-challenge/" + TOKEN)) {
          // A client answering from a central server (RFC 8555 8.3 names the case).
          exchange.getResponseHeaders().add("Location", "/central/" + TOKEN);
          exchange.sendResponseHeaders(302, -1);
        } else if (path.equals("/central/" + TOKEN)) {
          byte[] body = (KEY_AUTHORIZATION + "\r\n").getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
        } else {
          exchange.sendResponseHeaders(404, -1);
        }
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    web.stop(0);
    dnsServer.close();
  }

  private PerspectiveEndpoint perspective(int httpPort) {
    return new PerspectiveEndpoint(
        dns, new PerspectiveProperties("tokyo-1", RirRegion.APNIC),
        new WebsiteFileFetch(dns, httpPort, 443, Duration.ofSeconds(20)));
  }

  @Test
  void thePerspectiveFollowsTheRedirectAndTheKeyAuthorizationCorroborates() {
    WebsiteFileObservation seen = perspective(web.getAddress().getPort()).acmeHttp01(new AcmeHttp01Question(FQDN, TOKEN));

    assertThat(seen.perspectiveId()).isEqualTo("tokyo-1");
    assertThat(seen.ok()).as(String.valueOf(seen.failure())).isTrue();
    assertThat(seen.url()).isEqualTo("http://" + FQDN + "/central/" + TOKEN);
    assertThat(requests).containsExactly("/.well-known/acme-challenge/" + TOKEN, "/central/" + TOKEN);
    PerspectiveResult judged = RemotePerspectives.acmeHttp01Result(TOKYO, seen, KEY_AUTHORIZATION);
    assertThat(judged.verdict()).isEqualTo(Verdict.CORROBORATED);
    assertThat(judged.detail()).contains("answered the key authorization");
  }

  @Test
  void anotherBodyOrAFailedFetchDoesNotCorroborate() {
    WebsiteFileObservation seen = perspective(web.getAddress().getPort()).acmeHttp01(new AcmeHttp01Question(FQDN, TOKEN));

    PerspectiveResult otherAccount = RemotePerspectives.acmeHttp01Result(TOKYO, seen, TOKEN + ".anotherAccountKey");
    assertThat(otherAccount.verdict()).isEqualTo(Verdict.NOT_CORROBORATED);
    assertThat(otherAccount.detail()).contains("answered 200, not the key authorization");

    WebsiteFileObservation missing =
        perspective(web.getAddress().getPort()).acmeHttp01(new AcmeHttp01Question(FQDN, TOKEN + "x"));
    PerspectiveResult notFound = RemotePerspectives.acmeHttp01Result(TOKYO, missing, KEY_AUTHORIZATION);
    assertThat(notFound.verdict()).isEqualTo(Verdict.NOT_CORROBORATED);
    assertThat(notFound.detail()).contains("HTTP 404");
  }

  @Test
  void onTheRealPortsANameOnAPrivateAddressIsNotFetched() {
    // Production settings (80 and 443): the name comes from the applicant, so a loopback address
    // is refused before any request (SSRF), without repeating the address.
    WebsiteFileObservation seen = perspective(80).acmeHttp01(new AcmeHttp01Question(FQDN, TOKEN));

    assertThat(seen.ok()).isFalse();
    assertThat(seen.failure()).contains("not public").doesNotContain("127.0.0.1");
    assertThat(requests).isEmpty();
    assertThat(RemotePerspectives.acmeHttp01Result(TOKYO, seen, KEY_AUTHORIZATION).verdict())
        .isEqualTo(Verdict.NOT_CORROBORATED);
  }

  @Test
  void aTokenThatIsNotBase64urlIsRefusedWithoutAFetch() {
    PerspectiveEndpoint perspective = perspective(web.getAddress().getPort());

    assertThatThrownBy(() -> perspective.acmeHttp01(new AcmeHttp01Question(FQDN, "../../admin/secret-page")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token (base64url");
    assertThat(requests).isEmpty();
  }
}
