package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WhoisLookupTest {

  private LoopbackWhoisServer registry;
  private LoopbackWhoisServer registrar;
  /** Plays whois.iana.org: answers a TLD query with the TLD's registry in a refer: line. */
  private LoopbackWhoisServer iana;

  @BeforeEach
  void start() {
    registry = new LoopbackWhoisServer().start();
    registrar = new LoopbackWhoisServer().start();
    iana = new LoopbackWhoisServer().start();
  }

  @AfterEach
  void stop() {
    registry.close();
    registrar.close();
    iana.close();
  }

  private WhoisLookup lookupViaIana(Map<String, String> servers) {
    return lookupViaIana(servers, ReferralPolicy.anyAddress());
  }

  private WhoisLookup lookupViaIana(Map<String, String> servers, ReferralPolicy referrals) {
    return new WhoisLookup(
        new WhoisProperties(
            servers,
            Duration.ofSeconds(2),
            Duration.ofMillis(500),
            Duration.ofSeconds(3),
            null,
            iana.address(),
            null),
        referrals);
  }

  private String ianaRefersTo(LoopbackWhoisServer server) {
    return WhoisAnswers.text("iana-tld.txt").replace("${REGISTRY}", server.address());
  }

  @Test
  void aTldWithoutAServerIsAskedAtIanaAndItsReferralIsRemembered() {
    iana.answer("org", ianaRefersTo(registry));
    registry.answer(
        "sample-shop.org",
        WhoisAnswers.text("verisign-thin.txt").replace("${REGISTRAR}", registrar.address()));
    registrar.answer("sample-shop.org", WhoisAnswers.bytes("registrar-full.txt"));
    WhoisLookup lookup = lookupViaIana(Map.of("com", "127.0.0.1:1"));

    RegistryAnswer answer = lookup.lookup("sample-shop.org");
    RegistryAnswer again = lookup.lookup("free-shop.org");

    // IANA is asked about the TLD, not the domain, and once: the referral is kept per TLD.
    assertThat(iana.queries()).containsExactly("org");
    assertThat(registry.queries()).containsExactly("sample-shop.org", "free-shop.org");
    // The registry's own registrar referral is still followed once.
    assertThat(answer.server()).isEqualTo(registrar.address());
    assertThat(answer.referredFrom().server()).isEqualTo(registry.address());
    assertThat(answer.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(again.record().registered()).isFalse();
  }

  @Test
  void aConfiguredServerIsAskedWithoutIana() {
    registry.answer("sample-shop.com", WhoisAnswers.bytes("jprs-general-en.txt"));

    lookupViaIana(Map.of("com", registry.address())).lookup("sample-shop.com");

    assertThat(iana.queries()).isEmpty();
  }

  @Test
  void ianaNamingNoServerIsUnavailableAndAskedAgainNextTime() {
    iana.answer("example", WhoisAnswers.bytes("iana-no-object.txt"));
    WhoisLookup lookup = lookupViaIana(Map.of());

    assertThatThrownBy(() -> lookup.lookup("shop.example"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining(iana.address())
        .hasMessageContaining("names no WHOIS server for .example");

    // A failure is not remembered: once IANA names a server, the retried job gets through.
    iana.answer("example", ianaRefersTo(registry));
    registry.answer("shop.example", WhoisAnswers.bytes("jprs-general-en.txt"));
    assertThat(lookup.lookup("shop.example").server()).isEqualTo(registry.address());
    assertThat(iana.queries()).containsExactly("example", "example");
  }

  @Test
  void anUnreachableIanaIsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    WhoisLookup lookup =
        new WhoisLookup(
            new WhoisProperties(
                Map.of(), Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(3),
                null, "127.0.0.1:" + closedPort, null), ReferralPolicy.anyAddress());

    assertThatThrownBy(() -> lookup.lookup("sample-shop.org"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageContaining("unreachable");
  }

  @Test
  void ianasReferralLineIsRead() {
    assertThat(WhoisRecordParser.ianaReferral(WhoisAnswers.text("iana-tld.txt")))
        .isEqualTo("${REGISTRY}");
    assertThat(WhoisRecordParser.ianaReferral("refer:        whois.jprs.jp\n")).isEqualTo("whois.jprs.jp");
    assertThat(WhoisRecordParser.ianaReferral(WhoisAnswers.text("iana-no-object.txt"))).isNull();
    // Only a line that starts with refer: counts, not the word in a remark.
    assertThat(WhoisRecordParser.ianaReferral("remarks: no refer: given\n")).isNull();
  }

  @Test
  void theIanaServerAndTheCacheAgeAreCheckedAtStart() {
    WhoisProperties defaults = new WhoisProperties(null, null, null, null, null, null, null);
    assertThat(defaults.iana()).isEqualTo("whois.iana.org:43");
    assertThat(defaults.ianaServer()).contains(new RegistryServer("whois.iana.org", 43));
    assertThat(defaults.cacheMaxAge()).isEqualTo(Duration.ofHours(48));
    assertThat(new WhoisProperties(null, null, null, null, null, " ", null).ianaServer()).isEmpty();
    assertThatThrownBy(() -> new WhoisProperties(null, null, null, null, null, "whois.iana.org:x", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoffice.whois.iana");
    assertThatThrownBy(
            () -> new WhoisProperties(null, null, null, null, null, null, Duration.ofHours(48).plusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("backoffice.whois.cache-max-age")
        .hasMessageContaining("48 hours");
    assertThatThrownBy(() -> new WhoisProperties(null, null, null, null, null, null, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private WhoisLookup lookup(Map<String, String> servers) {
    return lookup(servers, ReferralPolicy.anyAddress());
  }

  private WhoisLookup lookup(Map<String, String> servers, ReferralPolicy referrals) {
    return new WhoisLookup(
        new WhoisProperties(
            servers, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(3), null, "", null),
        referrals);
  }

  @Test
  void followsTheThinRegistrysReferralOnce() {
    registry.answer(
        "sample-shop.com",
        WhoisAnswers.text("verisign-thin.txt").replace("${REGISTRAR}", registrar.address()));
    registrar.answer("sample-shop.com", WhoisAnswers.bytes("registrar-full.txt"));

    RegistryAnswer answer = lookup(Map.of("com", registry.address())).lookup("sample-shop.com");

    assertThat(answer.source()).isEqualTo("WHOIS");
    assertThat(answer.server()).isEqualTo(registrar.address());
    assertThat(answer.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(answer.response()).contains("Registrant Organization: Sample Co., Ltd.");
    assertThat(answer.referredFrom().server()).isEqualTo(registry.address());
    assertThat(answer.referredFrom().response()).contains("Registrar WHOIS Server");
    assertThat(registry.queries()).containsExactly("sample-shop.com");
    // The registrar's own "Registrar WHOIS Server:" line is not followed again.
    assertThat(registrar.queries()).containsExactly("sample-shop.com");
  }

  @Test
  void aReferralToAPrivateAddressIsNotFollowed() {
    // A registrar record (or a spoofed answer) naming a host inside our own network.
    registry.answer(
        "sample-shop.com",
        WhoisAnswers.text("verisign-thin.txt").replace("${REGISTRAR}", registrar.address()));
    registrar.answer("sample-shop.com", WhoisAnswers.bytes("registrar-full.txt"));
    WhoisLookup lookup = lookup(Map.of("com", registry.address()), ReferralPolicy.publicAddressesOnly());

    // The thin registry names no registrant: nothing usable, so no result (retried, then an
    // incident naming the refused referral), never a lookup that reads as "no registrant".
    assertThatThrownBy(() -> lookup.lookup("sample-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("names no registrant")
        .hasMessageContaining(registrar.address())
        .hasMessageContaining("not a public address");
    assertThat(registrar.queries()).isEmpty();
  }

  /** A registry that names the registrant itself and a registrar server besides (thick data). */
  private void registryNamingTheRegistrantReferringTo(String registrarServer) {
    registry.answer(
        "sample-shop.com",
        WhoisAnswers.text("registrar-full.txt").replace("whois.registrar.example", registrarServer));
  }

  @Test
  void aRegistryAnswerNamingTheRegistrantIsUsedWhenItsReferralTimesOut() {
    registryNamingTheRegistrantReferringTo(registrar.address());
    registrar.delay("sample-shop.com", 3000).answer("sample-shop.com", WhoisAnswers.bytes("registrar-full.txt"));

    RegistryAnswer answer = lookup(Map.of("com", registry.address())).lookup("sample-shop.com");

    assertThat(answer.server()).isEqualTo(registry.address());
    assertThat(answer.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(answer.failedReferral().server()).isEqualTo(registrar.address());
    assertThat(answer.failedReferral().reason()).contains("timed out");
    assertThat(registrar.queries()).containsExactly("sample-shop.com");
  }

  @Test
  void aRegistryAnswerNamingTheRegistrantIsUsedWhenItsReferralHasNoAddress() {
    registryNamingTheRegistrantReferringTo("whois.no-such-registrar.invalid");

    RegistryAnswer answer = lookup(Map.of("com", registry.address())).lookup("sample-shop.com");

    assertThat(answer.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(answer.failedReferral().server()).isEqualTo("whois.no-such-registrar.invalid:43");
    assertThat(answer.failedReferral().reason()).contains("does not resolve");
  }

  @Test
  void aRegistryAnswerNamingTheRegistrantIsUsedWhenItsReferralIsRefused() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    registryNamingTheRegistrantReferringTo("127.0.0.1:" + closedPort);

    RegistryAnswer connectionRefused = lookup(Map.of("com", registry.address())).lookup("sample-shop.com");
    RegistryAnswer policyRefused =
        lookup(Map.of("com", registry.address()), ReferralPolicy.publicAddressesOnly())
            .lookup("sample-shop.com");

    assertThat(connectionRefused.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(connectionRefused.failedReferral().reason()).contains("unreachable");
    assertThat(policyRefused.record().registrantNames()).containsExactly("Sample Co., Ltd.");
    assertThat(policyRefused.failedReferral().reason()).contains("not a public address");
  }

  @Test
  void aThinAnswerWhoseReferralTimesOutIsNoResult() {
    registry.answer(
        "sample-shop.com",
        WhoisAnswers.text("verisign-thin.txt").replace("${REGISTRAR}", registrar.address()));
    registrar.delay("sample-shop.com", 3000).answer("sample-shop.com", WhoisAnswers.bytes("registrar-full.txt"));

    assertThatThrownBy(() -> lookup(Map.of("com", registry.address())).lookup("sample-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("WHOIS server " + registry.address())
        .hasMessageContaining("names no registrant")
        .hasMessageContaining("timed out");
  }

  @Test
  void ianaNamingAPrivateAddressIsUnavailable() {
    iana.answer("org", ianaRefersTo(registry));
    WhoisLookup lookup = lookupViaIana(Map.of(), ReferralPolicy.publicAddressesOnly());

    assertThatThrownBy(() -> lookup.lookup("sample-shop.org"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("not a public address")
        .hasMessageContaining("configure backoffice.whois.servers");
    assertThat(registry.queries()).isEmpty();
  }

  @Test
  void decodesJprsJapaneseAnswersSentAsIso2022Jp() {
    registry.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-general-ja.txt"));

    RegistryAnswer answer = lookup(Map.of("jp", registry.address())).lookup("sample-shop.jp");

    assertThat(answer.record().registrantNames()).containsExactly("サンプル株式会社", "Sample K.K.");
    assertThat(answer.response()).contains("[登録者名]");
  }

  @Test
  void theLongestConfiguredSuffixWins() {
    registrar.answer("sample.co.jp", WhoisAnswers.bytes("jprs-organization-ja.txt"));

    RegistryAnswer answer =
        lookup(Map.of("jp", registry.address(), "co.jp", registrar.address()))
            .lookup("sample.co.jp");

    assertThat(answer.server()).isEqualTo(registrar.address());
    assertThat(registry.queries()).isEmpty();
  }

  @Test
  void anOrganizationTypeDomainsContactHandlesAreLookedUpForTheirAddresses() {
    registry.answer("sample.co.jp", WhoisAnswers.bytes("jprs-organization-ja.txt"));
    registry.answer("CONTACT TS12345JP", WhoisAnswers.bytes("jprs-contact-en.txt"));
    registry.answer("CONTACT HN23456JP", WhoisAnswers.bytes("jprs-contact-ja.txt"));

    RegistryAnswer answer = lookup(Map.of("jp", registry.address())).lookup("sample.co.jp");

    assertThat(answer.record().contactEmails())
        .containsExactly("hostmaster@sample.co.jp", "web-admin@sample.co.jp");
    assertThat(registry.queries())
        .containsExactly("sample.co.jp", "CONTACT TS12345JP", "CONTACT HN23456JP");
    // Kept verbatim for auditors, decoded from ISO-2022-JP.
    assertThat(answer.contactRecords())
        .extracting(RegistryAnswer.ContactRecord::query)
        .containsExactly("CONTACT TS12345JP", "CONTACT HN23456JP");
    assertThat(answer.contactRecords().get(1).response()).contains("[電子メイル]");
  }

  @Test
  void aHandleTheRegistryDoesNotKnowAddsNoAddress() {
    registry.answer("sample.co.jp", WhoisAnswers.bytes("jprs-organization-en.txt"));
    registry.answer("CONTACT HN23456JP", WhoisAnswers.bytes("jprs-contact-ja.txt"));

    RegistryAnswer answer = lookup(Map.of("jp", registry.address())).lookup("sample.co.jp");

    assertThat(answer.record().contactEmails()).containsExactly("web-admin@sample.co.jp");
  }

  @Test
  void aThrottledContactQueryIsARetryableFailure() {
    registry.answer("sample.co.jp", WhoisAnswers.bytes("jprs-organization-en.txt"));
    registry.answer("CONTACT TS12345JP", WhoisAnswers.bytes("jprs-rate-limit.txt"));

    assertThatThrownBy(() -> lookup(Map.of("jp", registry.address())).lookup("sample.co.jp"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("CONTACT TS12345JP")
        .hasMessageContaining("rate limit");
  }

  @Test
  void anUnknownDomainIsNotRegistered() {
    RegistryAnswer answer = lookup(Map.of("com", registry.address())).lookup("free-shop.com");

    assertThat(answer.record().registered()).isFalse();
  }

  @Test
  void noServerForTheTld() {
    assertThatThrownBy(() -> lookup(Map.of("com", registry.address())).lookup("sample.org"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("no WHOIS server configured for .org");
  }

  @Test
  void aSilentServerTimesOut() {
    registry.delay("slow-shop.com", 3000).answer("slow-shop.com", "Domain Name: slow-shop.com\n");

    assertThatThrownBy(() -> lookup(Map.of("com", registry.address())).lookup("slow-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void anUnreachableServer() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    assertThatThrownBy(
            () -> lookup(Map.of("com", "127.0.0.1:" + closedPort)).lookup("sample-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void oversizedAnswersAreRefused() {
    registry.answer("huge-shop.com", WhoisAnswers.bytes("oversized.txt"));

    assertThatThrownBy(() -> lookup(Map.of("com", registry.address())).lookup("huge-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("exceeds 65536 bytes");
  }

  @Test
  void binaryAnswersAreRefused() {
    registry.answer("binary-shop.com", WhoisAnswers.bytes("binary.bin"));

    assertThatThrownBy(() -> lookup(Map.of("com", registry.address())).lookup("binary-shop.com"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("not text");
  }

  @Test
  void throttlingNamesTheServer() {
    registry.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-rate-limit.txt"));

    assertThatThrownBy(() -> lookup(Map.of("jp", registry.address())).lookup("sample-shop.jp"))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining(registry.address())
        .hasMessageContaining("rate limit");
  }
}
