package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** RDAP against a loopback HTTP server answering canned JSON per path. */
class RdapLookupTest {

  private record Canned(int status, String body) {}

  private HttpServer server;
  private final Map<String, Canned> answers = new ConcurrentHashMap<>();
  private final List<String> requested = new CopyOnWriteArrayList<>();
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requested.add(path);
          if (path.endsWith("/slow-shop.com")) {
            // Headers at once, then the body a byte at a time: only a whole-exchange deadline ends it.
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
              for (int i = 0; i < 100; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(100);
              }
            } catch (IOException | InterruptedException gone) {
              // the client gave up, as it should
            }
            exchange.close();
            return;
          }
          Canned canned = answers.getOrDefault(path, new Canned(404, "{\"errorCode\":404}"));
          byte[] body = canned.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/rdap+json");
          exchange.sendResponseHeaders(canned.status(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private RdapLookup lookup() {
    return lookup(Duration.ofSeconds(3), ReferralPolicy.anyAddress());
  }

  /** .com at the loopback server's /registry, with no bootstrap file. */
  private RdapLookup lookup(Duration timeout, ReferralPolicy referrals) {
    return new RdapLookup(
        new RdapProperties(Map.of("com", base + "registry"), timeout, null, null),
        RdapBootstrap.none(),
        new ObjectMapper(),
        referrals);
  }

  @Test
  void aTldConfiguredNowhereIsAskedWhereIanasBootstrapPoints() {
    answers.put("/bootstrap/domain/sample-shop.org", new Canned(200, resource("registrar-full.json")));
    RdapLookup lookup =
        new RdapLookup(
            new RdapProperties(Map.of("com", base + "registry"), Duration.ofSeconds(3), null, null),
            new RdapBootstrap("2026-11-26T00:00:00Z", Map.of("org", base + "bootstrap/", "com", base + "other/")),
            new ObjectMapper(),
            ReferralPolicy.anyAddress());

    assertThat(lookup.configuredFor("sample-shop.org")).isFalse();
    assertThat(lookup.serves("sample-shop.org")).isTrue();
    assertThat(lookup.lookup("sample-shop.org").server()).isEqualTo(base + "bootstrap/domain/sample-shop.org");
    // Configuration wins over the bootstrap file.
    lookup.lookup("free-shop.com");
    assertThat(requested).containsExactly("/bootstrap/domain/sample-shop.org", "/registry/domain/free-shop.com");
    assertThat(lookup.serves("sample-shop.jp")).isFalse();
    assertThatThrownBy(() -> lookup.lookup("sample-shop.jp"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("no RDAP server for .jp");
  }

  private static String resource(String name) {
    try (InputStream in = RdapLookupTest.class.getResourceAsStream("/rdap/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The .com registry's record of sample-shop.com, with a related link to the registrar's. */
  private void registryLinksToRegistrar() {
    answers.put(
        "/registry/domain/sample-shop.com",
        new Canned(200, resource("registry-com.json")
            .replace("${BASE}", base + "registry/")
            .replace("${REGISTRAR}", base + "registrar/")));
  }

  @Test
  void aRelatedLinkToAPrivateAddressIsNotFollowed() {
    registryLinksToRegistrar();
    RdapLookup lookup = lookup(Duration.ofSeconds(3), ReferralPolicy.publicAddressesOnly());

    // The registry's record names no registrant: nothing usable, so no result (retried, then an
    // incident naming the refused link).
    assertThatThrownBy(() -> lookup.lookup("sample-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("names no registrant")
        .hasMessageContaining("not a public address");
    assertThat(requested).containsExactly("/registry/domain/sample-shop.com");
  }

  /** A registry record that names the registrant itself and links to the registrar's record. */
  private void registryNamingTheRegistrantLinksTo(String registrarUrl) {
    answers.put(
        "/registry/domain/sample-shop.com",
        new Canned(200, resource("registrar-full.json")
            .replaceFirst(
                "\"objectClassName\": \"domain\",",
                "\"objectClassName\": \"domain\", \"links\": [{\"rel\": \"related\", \"href\": \""
                    + registrarUrl + "\", \"type\": \"application/rdap+json\"}],")));
  }

  @Test
  void aRegistryRecordNamingTheRegistrantIsUsedWhenTheRegistrarFails() {
    registryNamingTheRegistrantLinksTo(base + "registrar/domain/SAMPLE-SHOP.COM");
    answers.put("/registrar/domain/SAMPLE-SHOP.COM", new Canned(503, "{}"));

    RegistryAnswer answer = lookup().lookup("sample-shop.com");

    assertThat(answer.server()).isEqualTo(base + "registry/domain/sample-shop.com");
    assertThat(answer.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(answer.failedReferral().server()).isEqualTo(base + "registrar/domain/SAMPLE-SHOP.COM");
    assertThat(answer.failedReferral().reason()).contains("HTTP 503");
  }

  @Test
  void aRegistryRecordNamingTheRegistrantIsUsedWhenTheRegistrarTimesOutOrHasNoAddress() {
    registryNamingTheRegistrantLinksTo(base + "registrar/domain/slow-shop.com");
    RegistryAnswer timedOut = lookup(Duration.ofMillis(500), ReferralPolicy.anyAddress()).lookup("sample-shop.com");
    registryNamingTheRegistrantLinksTo("https://rdap.no-such-registrar.invalid/domain/SAMPLE-SHOP.COM");
    RegistryAnswer noAddress = lookup().lookup("sample-shop.com");

    assertThat(timedOut.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(timedOut.failedReferral().reason()).contains("took longer than PT0.5S");
    assertThat(noAddress.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(noAddress.failedReferral().reason()).contains("does not resolve");
  }

  @Test
  void followsTheRegistrysRelatedLinkAndReadsTheJCards() {
    registryLinksToRegistrar();
    answers.put("/registrar/domain/SAMPLE-SHOP.COM", new Canned(200, resource("registrar-full.json")));

    RegistryAnswer answer = lookup().lookup("sample-shop.com");

    assertThat(answer.source()).isEqualTo("RDAP");
    assertThat(answer.server()).isEqualTo(base + "registrar/domain/SAMPLE-SHOP.COM");
    assertThat(answer.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    // Registrant, administrative, technical (nested under the registrar): not the abuse address.
    assertThat(answer.record().contactEmails())
        .containsExactly("domains@sample-shop.com", "admin@sample-shop.com", "dns@webagency.example");
    assertThat(answer.referredFrom().server()).isEqualTo(base + "registry/domain/sample-shop.com");
  }

  @Test
  void theExpirationEventGivesTheExpiryDate() {
    String withEvents =
        resource("registrar-full.json")
            .replaceFirst(
                "\"objectClassName\": \"domain\",",
                "\"objectClassName\": \"domain\", \"events\": [{\"eventAction\": \"registration\","
                    + " \"eventDate\": \"2005-03-01T02:00:00Z\"}, {\"eventAction\": \"expiration\","
                    + " \"eventDate\": \"2026-03-01T02:00:00Z\"}],");
    answers.put("/registry/domain/sample-shop.com", new Canned(200, withEvents));

    assertThat(lookup().lookup("sample-shop.com").record().expiresOn()).isEqualTo(java.time.LocalDate.of(2026, 3, 1));
  }

  @Test
  void redactedRegistrant() {
    answers.put("/registry/domain/private-shop.com", new Canned(200, resource("registrar-redacted.json")));

    RegistrationRecord record = lookup().lookup("private-shop.com").record();

    assertThat(record.registered()).isTrue();
    assertThat(record.redacted()).isTrue();
    assertThat(record.registrantNames()).isEmpty();
    assertThat(record.contactEmails()).isEmpty();
  }

  @Test
  void aCompanyWhoseNameSaysPrivacyIsNoRedaction() {
    answers.put(
        "/registry/domain/privacy-tech.com",
        new Canned(200, resource("registrar-full.json")
            .replace("Sample Co., Ltd.", "Privacy Tech K.K.")
            .replace("domains@sample-shop.com", "privacy-officer@privacy-tech.com")));

    RegistrationRecord record = lookup().lookup("privacy-tech.com").record();

    assertThat(record.redacted()).isFalse();
    assertThat(record.registrantNames()).containsExactly("Privacy Tech K.K.");
    assertThat(record.contactEmails()).contains("privacy-officer@privacy-tech.com");
  }

  @Test
  void notFoundIsNotRegistered() {
    assertThat(lookup().lookup("free-shop.com").record().registered()).isFalse();
  }

  @Test
  @Timeout(30)
  void aServerThatDripsItsAnswerIsCutOffAtTheDeadline() {
    RdapLookup lookup = lookup(Duration.ofSeconds(1), ReferralPolicy.anyAddress());

    assertThatThrownBy(() -> lookup.lookup("slow-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("took longer than PT1S");
  }

  @Test
  void rateLimitErrorsAndGarbageAreUnavailable() {
    answers.put("/registry/domain/busy-shop.com", new Canned(429, "{}"));
    answers.put("/registry/domain/broken-shop.com", new Canned(500, "oops"));
    answers.put("/registry/domain/html-shop.com", new Canned(200, "<html>not json</html>"));
    answers.put("/registry/domain/huge-shop.com", new Canned(200, " ".repeat(300 * 1024)));

    assertThatThrownBy(() -> lookup().lookup("busy-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("429");
    assertThatThrownBy(() -> lookup().lookup("broken-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("HTTP 500");
    assertThatThrownBy(() -> lookup().lookup("html-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> lookup().lookup("huge-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("exceeds");
    assertThatThrownBy(() -> lookup().lookup("sample.org"))
        .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("no RDAP server");
  }
}
