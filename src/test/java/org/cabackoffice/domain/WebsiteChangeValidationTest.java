package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cabackoffice.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The agreed-upon change to website v2 (BR 3.2.2.4.18) against an HTTP server on loopback, its
 * host name resolved by the loopback DNS. Port 80 is privileged, so the server's own port stands
 * in for it through {@code backoffice.domain.website-change.test-http-port}, the test-only property
 * the README documents; any other port stays unauthorized.
 */
class WebsiteChangeValidationTest {

  static final String FQDN = "www.example.co.jp";

  private final HttpServer web = start();
  private final int port = web.getAddress().getPort();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final LoopbackDnsServer dnsServer = new LoopbackDnsServer().a(FQDN, "127.0.0.1").a("other.example.co.jp", "127.0.0.1").start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T01:00:00Z"));
  private final DnsProperties properties =
      new DnsProperties(dnsServer.address(), Duration.ofMillis(500), null, DnsProperties.Dnssec.off());
  private final DnsLookup dns = new DnsLookup(properties, clock);
  private final WebsiteFileFetch fetch = new WebsiteFileFetch(dns, port, 443, Duration.ofSeconds(20));
  private final InMemoryDnsValidationRecords records = new InMemoryDnsValidationRecords();
  private final FixedCorroboration perspectives = FixedCorroboration.corroborating();
  private final DnsChangeValidations validations =
      new DnsChangeValidations(
          records.challengeRepository, records.checkRepository, dns, properties, new ValidationProperties(null), clock,
          perspectives, new CaaProperties(null), fetch);

  record Answer(int status, String location, String body) {}

  private HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", exchange -> {
        requests.add(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI());
        Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(), new Answer(404, null, "not found"));
        if (answer.location() != null) {
          exchange.getResponseHeaders().add("Location", answer.location());
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
          exchange.getResponseBody().write(body);
        }
        exchange.close();
      });
      server.start();
      return server;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    web.stop(0);
    dnsServer.close();
  }

  private static String path(DnsChallenge challenge) {
    return challenge.getRecordName().substring(("http://" + FQDN).length());
  }

  @Test
  void theFileWithTheRandomValueValidatesTheFqdnOnlyAndTheValueIsNotInTheRequest() {
    DnsChallenge challenge = validations.issue(1, FQDN, DomainValidationMethod.WEBSITE_CHANGE_V2, null);
    assertThat(challenge.getRecordName()).startsWith("http://" + FQDN + "/.well-known/pki-validation/");
    assertThat(Duration.between(challenge.getIssuedAt(), challenge.getExpiresAt())).isEqualTo(Duration.ofDays(30));
    answers.put(path(challenge), new Answer(200, null, challenge.getValue() + "\n"));

    DnsCheckOutcome outcome = validations.check(1, "example.co.jp");

    assertThat(outcome.status()).as(outcome.reason()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
    assertThat(outcome.reason()).contains("BR 3.2.2.4.18");
    assertThat(challenge.getMethod()).isEqualTo("3.2.2.4.18");
    assertThat(challenge.getDomainName()).isEqualTo(FQDN);
    assertThat(challenge.getFqdn()).isEqualTo(FQDN);
    assertThat(records.checks.get(0).getMethod()).isEqualTo("3.2.2.4.18");
    assertThat(records.checks.get(0).getAnswer()).contains("GET http://" + FQDN).contains("200");
    assertThat(requests).hasSize(1).allMatch(r -> !r.contains(challenge.getValue()));
    assertThat(requests.get(0)).startsWith(FQDN + " ");
    assertThat(perspectives.asked).containsExactly(challenge.getRecordName());
    // BR 3.2.2.4.18 Note: the validated FQDN only.
    assertThat(validations.validated(1, FQDN)).isTrue();
    assertThat(validations.validated(1, "shop." + FQDN)).isFalse();
    assertThat(validations.validated(1, "example.co.jp")).isFalse();
  }

  @Test
  void aPermanentRedirectOnTheAuthorizedPortIsFollowedToTheFile() {
    DnsChallenge challenge = validations.issue(2, FQDN, DomainValidationMethod.WEBSITE_CHANGE_V2, null);
    answers.put(path(challenge), new Answer(301, "http://other.example.co.jp/moved.txt", ""));
    answers.put("/moved.txt", new Answer(200, null, challenge.getValue()));

    WebsiteFileFetch.Fetched fetched = fetch.fetch(FQDN, path(challenge).substring(WebsiteFileFetch.DIRECTORY.length()));

    assertThat(fetched.ok()).as(fetched.transcript()).isTrue();
    assertThat(fetched.url()).isEqualTo("http://other.example.co.jp/moved.txt");
    assertThat(validations.check(2, FQDN).status()).isEqualTo(DnsCheckOutcome.Status.VALIDATED);
  }

  @Test
  void redirectsTheBrDoesNotAllowAndOtherPortsAreRefusedWithTheReason() {
    answers.put("/.well-known/pki-validation/see-other.txt", new Answer(303, "/x", ""));
    answers.put("/.well-known/pki-validation/port.txt", new Answer(302, "http://" + FQDN + ":8081/x", ""));
    answers.put("/.well-known/pki-validation/ftp.txt", new Answer(307, "ftp://" + FQDN + "/x", ""));

    assertThat(fetch.fetch(FQDN, "see-other.txt").failure()).contains("HTTP 303").contains("only 301, 302, 307, 308");
    assertThat(fetch.fetch(FQDN, "port.txt").failure()).contains("not on an Authorized Port");
    assertThat(fetch.fetch(FQDN, "ftp.txt").failure()).contains("neither http nor https");
    assertThat(fetch.fetch(FQDN, "missing.txt").failure()).contains("HTTP 404").contains("not a successful (2xx)");
    assertThat(fetch.fetch("nowhere.example.co.jp", "a.txt").failure()).contains("no address for nowhere.example.co.jp");
  }

  @Test
  void outsideTestsANameThatResolvesToAPrivateAddressIsNotFetchedAndTheReasonDoesNotNameIt() {
    // The production ports: no test stand-in, so only public addresses are fetched from.
    WebsiteFileFetch production = new WebsiteFileFetch(dns, 80, 443, Duration.ofSeconds(2));
    WebsiteFileFetch.Fetched fetched = production.fetch(FQDN, "metadata.txt");
    assertThat(fetched.ok()).isFalse();
    assertThat(fetched.failure()).contains(FQDN, "not public").doesNotContain("127.0.0.1");
    assertThat(requests).isEmpty();
  }

  @Test
  void aRedirectToAHostTlsCannotNameIsRefusedNotThrown() {
    answers.put("/.well-known/pki-validation/dot.txt", new Answer(301, "https://" + FQDN + "./x", ""));
    WebsiteFileFetch.Fetched fetched = fetch.fetch(FQDN, "dot.txt");
    assertThat(fetched.ok()).isFalse();
    assertThat(fetched.failure()).isNotBlank();
  }

  @Test
  void aFileWithoutTheValueOrPerspectivesThatDisagreeKeepItNotYet() {
    DnsChallenge challenge = validations.issue(3, FQDN, DomainValidationMethod.WEBSITE_CHANGE_V2, null);
    answers.put(path(challenge), new Answer(200, null, "something else"));
    assertThat(validations.check(3, FQDN).reason()).contains("without the random value");

    answers.put(path(challenge), new Answer(200, null, challenge.getValue()));
    perspectives.refusing("DNS change record corroborated 1/5 by remote perspectives: quorum NOT met");
    DnsCheckOutcome outcome = validations.check(3, FQDN);
    assertThat(outcome.status()).isEqualTo(DnsCheckOutcome.Status.NOT_YET);
    assertThat(outcome.reason()).contains("quorum NOT met");
  }

  @Test
  void aWildcardCannotBeValidatedByAFile() {
    assertThatThrownBy(() -> validations.issue(4, "*.example.co.jp", DomainValidationMethod.WEBSITE_CHANGE_V2, null))
        .isInstanceOf(InvalidDomainNameException.class)
        .hasMessageContaining("3.2.2.4.18");
  }
}
