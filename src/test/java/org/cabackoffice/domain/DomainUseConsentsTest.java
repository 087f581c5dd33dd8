package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.workflow.RenewalProcess;
import org.junit.jupiter.api.Test;

class DomainUseConsentsTest {

  private final ConsentFixture f = new ConsentFixture();

  @Test
  void theContactsComeFromTheStoredRegistryRecordOnly() {
    RegistrationRecord record =
        new RegistrationRecord(true, List.of("Web Hosting K.K."), List.of("noc@hosting.example.jp"), false, null);
    f.registrations.save(
        new RegistrationEvidence(
            "sample-shop.com",
            new RegistryAnswer("WHOIS", "whois.example:43", "…", record, null),
            f.clock.instant(),
            List.of("Sample K.K."),
            NameMatch.NO_MATCH));

    assertThat(f.consents.requestFromRecord(ConsentFixture.APPLICATION, "sample-shop.com"))
        .containsExactly("noc@hosting.example.jp");
    // A domain without a stored record has nobody to ask.
    assertThat(f.consents.requestFromRecord(ConsentFixture.APPLICATION, "other-shop.com")).isEmpty();
    assertThat(f.outbox).extracting(OutgoingMail::to).containsExactly("noc@hosting.example.jp");
  }

  @Test
  void mailsEachDistinctContactOnceFromTheConsentSender() {
    List<String> asked =
        f.consents.request(
            ConsentFixture.APPLICATION,
            "Sample-Shop.COM",
            List.of("domains@sample-shop.com", "DOMAINS@sample-shop.com", "dns@webagency.example",
                "Please query the RDDS service"));

    assertThat(asked).containsExactly("domains@sample-shop.com", "dns@webagency.example");
    assertThat(f.outbox).hasSize(2);
    OutgoingMail mail = f.outbox.get(0);
    assertThat(mail.from()).isEqualTo(ConsentFixture.SENDER);
    assertThat(mail.to()).isEqualTo("domains@sample-shop.com");
    assertThat(mail.subject()).isEqualTo("ドメイン名 (sample-shop.com) 使用権確認のお願い");
    String token = f.tokenOf("domains@sample-shop.com");
    assertThat(mail.body())
        .contains("https://backoffice.example/public/domain-consent/" + token)
        .contains("サンプル株式会社 (Sample K.K.)")
        .contains("2025-07-02 10:00 JST"); // 30 days, in Japan time
    assertThat(f.outbox.get(1).body()).contains(f.tokenOf("dns@webagency.example"));
  }

  @Test
  void tokensCarryAtLeast128RandomBitsAndLive30Days() {
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com",
        List.of("a@sample-shop.com", "b@sample-shop.com"));

    String a = f.tokenOf("a@sample-shop.com");
    String b = f.tokenOf("b@sample-shop.com");
    assertThat(a).isNotEqualTo(b).matches("[A-Za-z0-9_-]+");
    assertThat(Base64.getUrlDecoder().decode(a).length * 8).isGreaterThanOrEqualTo(128);
    DomainUseConsent consent = f.repository.findByToken(a).orElseThrow();
    assertThat(Duration.between(consent.getRequestedAt(), consent.getExpiresAt()))
        .isEqualTo(Duration.ofDays(30));
  }

  @Test
  void aRetriedRequestMailsNobodyTwice() {
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com", List.of("a@sample-shop.com"));
    List<String> again =
        f.consents.request(
            ConsentFixture.APPLICATION, "sample-shop.com",
            List.of("a@sample-shop.com", "b@sample-shop.com"));

    assertThat(again).containsExactly("a@sample-shop.com", "b@sample-shop.com");
    assertThat(f.outbox).extracting(OutgoingMail::to)
        .containsExactly("a@sample-shop.com", "b@sample-shop.com");
    assertThat(f.repository.saved).hasSize(2);
  }

  @Test
  void theFirstDecisionClosesTheOtherTokensAndSignalsTheProcess() {
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com",
        List.of("a@sample-shop.com", "b@sample-shop.com"));
    f.clock.advance(Duration.ofDays(2));

    DomainUseConsent decided =
        f.consents.decide(f.tokenOf("a@sample-shop.com"), true, "192.0.2.7");

    assertThat(decided.getStatus()).isEqualTo(DomainUseConsent.Status.APPROVED);
    assertThat(decided.getDecidedAt()).isEqualTo(f.clock.instant());
    assertThat(decided.getDecidedFrom()).isEqualTo("192.0.2.7");
    assertThat(f.repository.findByToken(f.tokenOf("b@sample-shop.com")).orElseThrow().getStatus())
        .isEqualTo(DomainUseConsent.Status.SUPERSEDED);
    assertThat(f.delivered)
        .containsExactly(
            new ConsentFixture.Delivered(
                RenewalProcess.Messages.DOMAIN_CONSENT_DECIDED,
                ConsentFixture.APPLICATION,
                Map.of(RenewalProcess.Variables.DOMAIN_CONSENT_APPROVED, true)));

    assertThatThrownBy(() -> f.consents.decide(f.tokenOf("a@sample-shop.com"), false, "x"))
        .isInstanceOf(DomainUseConsents.ConsentClosedException.class)
        .hasMessageContaining("already been used");
    assertThatThrownBy(() -> f.consents.open(f.tokenOf("b@sample-shop.com")))
        .isInstanceOf(DomainUseConsents.ConsentClosedException.class)
        .hasMessageContaining("another contact");
    // Once decided, a new request asks nobody.
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com", List.of("c@sample-shop.com"));
    assertThat(f.outbox).hasSize(2);
  }

  @Test
  void aDeclineIsDeliveredAsNotApproved() {
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com", List.of("a@sample-shop.com"));

    f.consents.decide(f.tokenOf("a@sample-shop.com"), false, "192.0.2.7");

    assertThat(f.delivered.get(0).variables())
        .containsEntry(RenewalProcess.Variables.DOMAIN_CONSENT_APPROVED, false);
  }

  @Test
  void tokensExpireAfter30DaysOrWhenTheProcessGivesUp() {
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com", List.of("a@sample-shop.com"));
    f.consents.request(ConsentFixture.APPLICATION, "other-shop.com", List.of("b@other-shop.com"));
    String a = f.tokenOf("a@sample-shop.com");

    f.clock.advance(Duration.ofDays(30));
    assertThatThrownBy(() -> f.consents.open(a))
        .isInstanceOf(DomainUseConsents.ConsentClosedException.class)
        .hasMessageContaining("expired");

    f.consents.expire(ConsentFixture.APPLICATION);
    assertThat(f.repository.saved)
        .extracting(DomainUseConsent::getStatus)
        .containsOnly(DomainUseConsent.Status.EXPIRED);
    assertThat(f.delivered).isEmpty();
  }

  @Test
  void remindersGoToPendingContactsWithOneKeyPerReminder() {
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com",
        List.of("a@sample-shop.com", "b@sample-shop.com"));
    f.consents.request(ConsentFixture.APPLICATION, "other-shop.com", List.of("c@other-shop.com"));
    f.consents.decide(f.tokenOf("c@other-shop.com"), true, "192.0.2.7");
    f.outbox.clear();

    f.consents.remind(ConsentFixture.APPLICATION);
    f.consents.remind(ConsentFixture.APPLICATION);

    assertThat(f.outbox).extracting(OutgoingMail::to)
        .containsExactly("a@sample-shop.com", "b@sample-shop.com",
            "a@sample-shop.com", "b@sample-shop.com");
    assertThat(f.outbox).extracting(OutgoingMail::dedupKey).doesNotHaveDuplicates();
    OutgoingMail reminder = f.outbox.get(0);
    assertThat(reminder.from()).isEqualTo(ConsentFixture.SENDER);
    assertThat(reminder.subject()).contains("ドメイン名 (sample-shop.com) 使用権確認のお願い");
    assertThat(reminder.body()).contains("/public/domain-consent/" + f.tokenOf("a@sample-shop.com"));
  }

  @Test
  void whenTheProcessNoLongerWaitsTheDecisionFails() {
    // The exception makes the @Transactional decide() roll back: nothing recorded, page 410.
    f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com", List.of("a@sample-shop.com"));
    f.processWaiting = false;

    assertThatThrownBy(() -> f.consents.decide(f.tokenOf("a@sample-shop.com"), true, "x"))
        .isInstanceOf(DomainUseConsents.ConsentClosedException.class)
        .hasMessageContaining("no longer waits");
  }

  @Test
  void unknownTokensAndApplications() {
    assertThatThrownBy(() -> f.consents.open("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
        .isInstanceOf(DomainUseConsents.UnknownConsentTokenException.class);
    assertThatThrownBy(() -> f.consents.open("../../etc/passwd"))
        .isInstanceOf(DomainUseConsents.UnknownConsentTokenException.class);
    assertThatThrownBy(
            () -> f.consents.request(7L, "sample-shop.com", List.of("a@sample-shop.com")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(f.consents.request(ConsentFixture.APPLICATION, "sample-shop.com", List.of()))
        .isEmpty();
  }

  @Test
  void validityAbove30DaysIsRefused() {
    assertThatThrownBy(() -> new DomainConsentProperties(Duration.ofDays(31)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
