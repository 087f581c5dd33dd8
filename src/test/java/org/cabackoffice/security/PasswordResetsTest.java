package org.cabackoffice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.mail.MailTemplates;
import org.cabackoffice.mail.OutgoingMail;
import org.cabackoffice.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A forgotten password: a mailed link that works once, for an hour, and tells nobody who exists. */
class PasswordResetsTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));
  private final CustomerAccountRepository accounts = mock(CustomerAccountRepository.class);
  private final PasswordResetRepository resets = mock(PasswordResetRepository.class);
  private final List<PasswordReset> stored = new ArrayList<>();
  private final List<OutgoingMail> outbox = new ArrayList<>();
  private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
  private CustomerAccount account;
  private PasswordResets passwordResets;

  @BeforeEach
  void setUp() {
    account = new CustomerAccount("web@sample.co.jp", "Sample K.K.", "Web", encoder.encode("old password!"), clock.instant());
    org.springframework.test.util.ReflectionTestUtils.setField(account, "id", 7L);
    when(accounts.findByEmailIgnoreCase(anyString()))
        .thenAnswer(i -> i.getArgument(0, String.class).equalsIgnoreCase("web@sample.co.jp") ? Optional.of(account) : Optional.empty());
    when(accounts.findById(7L)).thenReturn(Optional.of(account));
    when(resets.save(any())).thenAnswer(i -> {
      stored.add(i.getArgument(0));
      return i.getArgument(0);
    });
    when(resets.findByTokenSha256(anyString()))
        .thenAnswer(i -> stored.stream().filter(r -> i.getArgument(0).equals(org.springframework.test.util.ReflectionTestUtils.getField(r, "tokenSha256"))).findFirst());
    when(resets.findByCustomerAccountIdAndUsedAtIsNull(anyLong()))
        .thenAnswer(i -> stored.stream().filter(r -> org.springframework.test.util.ReflectionTestUtils.getField(r, "usedAt") == null).toList());
    passwordResets = new PasswordResets(accounts, resets, encoder, new MailTemplates(), outbox::add, clock, "https://ca.example.jp/");
  }

  @Test
  void theMailedLinkSetsANewPasswordOnce() {
    passwordResets.request("WEB@sample.co.jp");
    String token = token();
    // Only the token's hash is stored: a copy of the database resets no password.
    assertThat(org.springframework.test.util.ReflectionTestUtils.getField(stored.get(0), "tokenSha256"))
        .isEqualTo(PasswordResets.sha256(token))
        .isNotEqualTo(token);

    assertThat(passwordResets.reset(token, "short", "short")).contains(PasswordResets.Refusal.TOO_SHORT);
    assertThat(passwordResets.reset(token, "a new long password", "another one")).contains(PasswordResets.Refusal.MISMATCH);
    assertThat(passwordResets.reset(token, "a new long password", "a new long password")).isEmpty();
    assertThat(encoder.matches("a new long password", account.getPasswordHash())).isTrue();
    assertThat(passwordResets.reset(token, "yet another password", "yet another password"))
        .contains(PasswordResets.Refusal.LINK_UNUSABLE);
  }

  @Test
  void theLinkExpiresAfterAnHour() {
    passwordResets.request("web@sample.co.jp");
    clock.advance(Duration.ofMinutes(61));
    assertThat(passwordResets.isUsable(token())).isFalse();
    assertThat(passwordResets.reset(token(), "a new long password", "a new long password"))
        .contains(PasswordResets.Refusal.LINK_UNUSABLE);
  }

  @Test
  void unknownUserIdsAndRepeatedRequestsMailNothing() {
    passwordResets.request("nobody@sample.co.jp");
    assertThat(outbox).isEmpty();
    passwordResets.request("web@sample.co.jp");
    passwordResets.request("web@sample.co.jp");
    assertThat(outbox).hasSize(1);
    clock.advance(Duration.ofMinutes(6));
    passwordResets.request("web@sample.co.jp");
    assertThat(outbox).hasSize(2);
  }

  private String token() {
    Matcher link = Pattern.compile("https://ca\\.example\\.jp/password-reset/([A-Za-z0-9_-]{43})").matcher(outbox.get(0).body());
    assertThat(link.find()).as(outbox.get(0).body()).isTrue();
    return link.group(1);
  }
}
