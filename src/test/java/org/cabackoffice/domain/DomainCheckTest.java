package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DomainCheckTest {

  private static final Instant NOW = Instant.parse("2025-06-02T01:00:00Z");

  private LoopbackWhoisServer jprs;
  private LoopbackWhoisServer verisign;
  private LoopbackWhoisServer registrar;
  private final InMemoryRegistrationEvidence evidence = new InMemoryRegistrationEvidence();
  private DomainCheck domainCheck;

  @BeforeEach
  void start() {
    jprs = new LoopbackWhoisServer().start();
    verisign = new LoopbackWhoisServer().start();
    registrar = new LoopbackWhoisServer().start();
    WhoisProperties properties =
        new WhoisProperties(
            Map.of("jp", jprs.address(), "com", verisign.address()),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            null);
    domainCheck =
        new DomainCheck(
            new WhoisLookup(properties),
            new RdapLookup(new RdapProperties(Map.of(), null, null), new ObjectMapper()),
            new OrganizationNameMatcher(),
            evidence,
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    jprs.close();
    verisign.close();
    registrar.close();
  }

  @Test
  void theApplicantsJapaneseNameMatchesTheJprsRecordAndTheAnswerIsKept() {
    jprs.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-general-ja.txt"));

    DomainCheckResult result =
        domainCheck.check("SAMPLE-SHOP.JP.", List.of("Sample Co., Ltd.", "株式会社サンプル"));

    assertThat(result.domain()).isEqualTo("sample-shop.jp");
    assertThat(result.registered()).isTrue();
    assertThat(result.source()).isEqualTo("WHOIS");
    assertThat(result.server()).isEqualTo(jprs.address());
    assertThat(result.registrantOrganization()).isEqualTo("サンプル株式会社");
    assertThat(result.contactEmails()).containsExactly("hostmaster@sample-shop.jp");
    assertThat(result.match()).isEqualTo(NameMatch.MATCH);

    RegistrationEvidence stored = evidence.findById(result.evidenceId()).orElseThrow();
    assertThat(stored.getRawResponse()).contains("[登録者名]").contains("サンプル株式会社");
    assertThat(stored.getQueriedAt()).isEqualTo(NOW);
    assertThat(stored.getRegistrantNames()).containsExactly("サンプル株式会社", "Sample K.K.");
    assertThat(stored.getComparedNames()).containsExactly("Sample Co., Ltd.", "株式会社サンプル");
    assertThat(stored.getNameMatch()).isEqualTo(NameMatch.MATCH);
  }

  @Test
  void aDifferentRegistrantGivesTheContactsToAsk() {
    verisign.answer(
        "sample-shop.com",
        WhoisAnswers.text("verisign-thin.txt").replace("${REGISTRAR}", registrar.address()));
    registrar.answer("sample-shop.com", WhoisAnswers.bytes("registrar-full.txt"));

    DomainCheckResult result = domainCheck.check("sample-shop.com", List.of("Acme K.K."));

    assertThat(result.match()).isEqualTo(NameMatch.NO_MATCH);
    assertThat(result.server()).isEqualTo(registrar.address());
    assertThat(result.contactEmails())
        .containsExactly("domains@sample-shop.com", "Admin@Sample-Shop.com", "dns@webagency.example");
    RegistrationEvidence stored = evidence.findById(result.evidenceId()).orElseThrow();
    assertThat(stored.getRegistryServer()).isEqualTo(verisign.address());
    assertThat(stored.getRegistryResponse()).contains("Registrar WHOIS Server");
  }

  @Test
  void redactedAndUnregisteredDomainsHaveNoRegistrant() {
    // A registrar answering for itself: its own referral line is not followed.
    verisign.answer(
        "private-shop.com",
        WhoisAnswers.text("registrar-redacted.txt")
            .replace("whois.registrar.example", verisign.address()));

    assertThat(domainCheck.check("private-shop.com", List.of("Sample K.K.")).match())
        .isEqualTo(NameMatch.NO_REGISTRANT);
    DomainCheckResult free = domainCheck.check("free-shop.com", List.of("Sample K.K."));
    assertThat(free.registered()).isFalse();
    assertThat(free.match()).isEqualTo(NameMatch.NO_REGISTRANT);
  }

  @Test
  void invalidNamesNeverReachARegistry() {
    assertThatThrownBy(() -> domainCheck.check("not a domain", List.of("Sample K.K.")))
        .isInstanceOf(InvalidDomainNameException.class);
    assertThatThrownBy(() -> domainCheck.check("localhost", List.of("Sample K.K.")))
        .isInstanceOf(InvalidDomainNameException.class);
    assertThat(jprs.queries()).isEmpty();
    assertThat(verisign.queries()).isEmpty();
  }
}
