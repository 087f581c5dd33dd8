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
  private WhoisProperties properties;
  private WhoisLookup whois;
  private RdapLookup rdap;
  private DomainCheck domainCheck;

  @BeforeEach
  void start() {
    jprs = new LoopbackWhoisServer().start();
    verisign = new LoopbackWhoisServer().start();
    registrar = new LoopbackWhoisServer().start();
    properties =
        new WhoisProperties(
            Map.of("jp", jprs.address(), "com", verisign.address()),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5),
            null,
            "",
            null);
    whois = new WhoisLookup(properties, ReferralPolicy.anyAddress());
    // IANA's bootstrap lists RDAP for .com and .org; .com's configured WHOIS server still wins.
    rdap =
        new RdapLookup(
            new RdapProperties(Map.of(), Duration.ofSeconds(2), null, null),
            new RdapBootstrap(
                "2026-11-26T00:00:00Z",
                Map.of("com", "https://127.0.0.1:1/com/", "org", "https://127.0.0.1:1/org/")),
            new ObjectMapper(), ReferralPolicy.anyAddress());
    domainCheck = at(NOW);
  }

  private DomainCheck at(Instant now) {
    return new DomainCheck(
        whois, rdap, new OrganizationNameMatcher(), evidence, properties, Clock.fixed(now, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    jprs.close();
    verisign.close();
    registrar.close();
  }

  @Test
  void aRegistrationPastItsExpiryIsFlaggedAndKeptInTheEvidence() {
    // jprs-general-en.txt expires on 2026/04/30; on 1 May in Tokyo (still 30 April in UTC) it has lapsed.
    jprs.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-general-en.txt"));

    DomainCheckResult before = at(Instant.parse("2026-04-30T14:00:00Z")).check("sample-shop.jp", List.of("Sample K.K."));
    DomainCheckResult after = at(Instant.parse("2026-04-30T15:30:00Z")).check("sample-shop.jp", List.of("Sample K.K."));

    assertThat(before.registrationExpiresOn()).isEqualTo(java.time.LocalDate.of(2026, 4, 30));
    assertThat(before.registrationExpired()).isFalse();
    assertThat(after.registrationExpired()).isTrue();
    RegistrationEvidence stored = evidence.findById(after.evidenceId()).orElseThrow();
    assertThat(stored.getRegistrationExpiresOn()).isEqualTo(java.time.LocalDate.of(2026, 4, 30));
    assertThat(stored.isRegistrationExpiredAtCheck()).isTrue();
  }

  @Test
  void aFailedReferralIsKeptWithTheRegistryAnswerThatNamedTheRegistrant() {
    // The registry names the registrant and a registrar server that refuses connections.
    verisign.answer(
        "sample-shop.com",
        WhoisAnswers.text("registrar-full.txt").replace("whois.registrar.example", "127.0.0.1:1"));

    DomainCheckResult result = domainCheck.check("sample-shop.com", List.of("Sample Co., Ltd."));
    DomainCheckResult reused = at(NOW.plusSeconds(60)).check("sample-shop.com", List.of("Sample Co., Ltd."));

    assertThat(result.match()).isEqualTo(NameMatch.MATCH);
    assertThat(result.server()).isEqualTo(verisign.address());
    RegistrationEvidence stored = evidence.findById(result.evidenceId()).orElseThrow();
    assertThat(stored.getFailedReferral()).isEqualTo("127.0.0.1:1");
    assertThat(stored.getFailedReferralReason()).contains("unreachable");
    RegistrationEvidence reuse = evidence.findById(reused.evidenceId()).orElseThrow();
    assertThat(reuse.getFailedReferral()).isEqualTo("127.0.0.1:1");
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

  @Test
  void aTldConfiguredNowhereGoesToIanasRdapBootstrapEntry() {
    assertThatThrownBy(() -> domainCheck.check("sample-shop.org", List.of("Sample K.K.")))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("https://127.0.0.1:1/org/domain/sample-shop.org");
    assertThat(evidence.saved).isEmpty();
  }

  @Test
  void anAnswerYoungerThan48HoursIsReusedAndTheCheckNamesTheLookupItUsed() {
    jprs.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-general-ja.txt"));
    DomainCheckResult lookup = domainCheck.check("sample-shop.jp", List.of("Sample Co., Ltd."));
    Instant later = NOW.plus(Duration.ofHours(47).plusMinutes(59));

    DomainCheckResult reused = at(later).check("sample-shop.jp", List.of("Acme K.K."));

    assertThat(jprs.queries()).containsExactly("sample-shop.jp");
    assertThat(lookup.fromCache()).isFalse();
    assertThat(reused.fromCache()).isTrue();
    assertThat(reused.reusedEvidenceId()).isEqualTo(lookup.evidenceId());
    assertThat(reused.evidenceId()).isNotEqualTo(lookup.evidenceId());
    assertThat(reused.queriedAt()).isEqualTo(NOW);
    assertThat(reused.source()).isEqualTo("WHOIS");
    assertThat(reused.server()).isEqualTo(jprs.address());
    assertThat(reused.registrantOrganization()).isEqualTo("サンプル株式会社");
    assertThat(reused.contactEmails()).containsExactly("hostmaster@sample-shop.jp");
    // The stored reading is compared with this applicant's names, not the earlier one's.
    assertThat(reused.match()).isEqualTo(NameMatch.NO_MATCH);

    RegistrationEvidence stored = evidence.findById(reused.evidenceId()).orElseThrow();
    assertThat(stored.isReuse()).isTrue();
    assertThat(stored.getReusedEvidenceId()).isEqualTo(lookup.evidenceId());
    assertThat(stored.getQueriedAt()).isEqualTo(NOW);
    assertThat(stored.getCheckedAt()).isEqualTo(later);
    assertThat(stored.getComparedNames()).containsExactly("Acme K.K.");
    assertThat(stored.getNameMatch()).isEqualTo(NameMatch.NO_MATCH);
    assertThat(stored.getRawResponse()).contains("[登録者名]");

    // A further check still names the registry's lookup, never a reuse of it.
    DomainCheckResult again = at(later).check("sample-shop.jp", List.of("Sample Co., Ltd."));
    assertThat(again.reusedEvidenceId()).isEqualTo(lookup.evidenceId());
    assertThat(again.match()).isEqualTo(NameMatch.MATCH);
    assertThat(jprs.queries()).hasSize(1);
  }

  @Test
  void anAnswerOlderThan48HoursIsAskedForAgain() {
    jprs.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-general-ja.txt"));
    DomainCheckResult lookup = domainCheck.check("sample-shop.jp", List.of("Sample Co., Ltd."));
    Instant later = NOW.plus(Duration.ofHours(48).plusMinutes(1));

    DomainCheckResult fresh = at(later).check("sample-shop.jp", List.of("Sample Co., Ltd."));

    assertThat(jprs.queries()).containsExactly("sample-shop.jp", "sample-shop.jp");
    assertThat(fresh.fromCache()).isFalse();
    assertThat(fresh.reusedEvidenceId()).isNull();
    assertThat(fresh.queriedAt()).isEqualTo(later);
    assertThat(fresh.evidenceId()).isNotEqualTo(lookup.evidenceId());
    assertThat(evidence.findById(fresh.evidenceId()).orElseThrow().getCheckedAt()).isEqualTo(later);
  }

  @Test
  void aNotRegisteredAnswerAndAZeroCacheAgeAreNeverReused() {
    domainCheck.check("free-shop.com", List.of("Sample K.K."));
    DomainCheckResult again = at(NOW.plusSeconds(60)).check("free-shop.com", List.of("Sample K.K."));
    assertThat(again.fromCache()).isFalse();
    assertThat(verisign.queries()).containsExactly("free-shop.com", "free-shop.com");

    jprs.answer("sample-shop.jp", WhoisAnswers.bytes("jprs-general-ja.txt"));
    WhoisProperties noCache =
        new WhoisProperties(
            Map.of("jp", jprs.address()), null, null, null, null, "", Duration.ZERO);
    DomainCheck uncached =
        new DomainCheck(
            new WhoisLookup(noCache, ReferralPolicy.anyAddress()), rdap, new OrganizationNameMatcher(), evidence, noCache,
            Clock.fixed(NOW, ZoneOffset.UTC));
    uncached.check("sample-shop.jp", List.of("Sample K.K."));
    uncached.check("sample-shop.jp", List.of("Sample K.K."));
    assertThat(jprs.queries()).hasSize(2);
  }
}
