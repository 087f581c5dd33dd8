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

  @BeforeEach
  void start() {
    registry = new LoopbackWhoisServer().start();
    registrar = new LoopbackWhoisServer().start();
  }

  @AfterEach
  void stop() {
    registry.close();
    registrar.close();
  }

  private WhoisLookup lookup(Map<String, String> servers) {
    return new WhoisLookup(
        new WhoisProperties(
            servers, Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(3), null));
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
