package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded setup's registry answers the demo domains as JPRS would, contacts included. */
class DevelopmentRegistryTest {

  /** 03:08 JST on 2026-12-04: the demo records are dated from the Japanese date. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T18:08:00Z"), ZoneOffset.UTC);

  private DevelopmentRegistry registry;

  @BeforeEach
  void start() throws Exception {
    registry = new DevelopmentRegistry(0, CLOCK);
    registry.afterPropertiesSet();
  }

  @AfterEach
  void stop() throws Exception {
    registry.destroy();
  }

  @Test
  void theDemoOrganizationTypeDomainAndItsContactsAreAnswered() throws Exception {
    // A configured server may be anywhere, loopback included, under the production policy.
    WhoisLookup lookup =
        new WhoisLookup(
            new WhoisProperties(
                Map.of("jp", "127.0.0.1:" + registry.port()), null, null, null, null, "", null),
            ReferralPolicy.publicAddressesOnly());

    RegistryAnswer answer = lookup.lookup("sample.co.jp");

    assertThat(answer.record().registrantNames()).containsExactly("Sample K.K.");
    assertThat(answer.record().contactEmails())
        .containsExactly("hostmaster@sample.co.jp", "web-admin@sample.co.jp");
    assertThat(answer.record().expiresOn()).isEqualTo(LocalDate.of(2027, 12, 4));
  }

  /** Records written with fixed dates lapsed in March and April 2026 and passed without remark. */
  @Test
  void demoRecordsAreDatedRelativeToToday() throws Exception {
    for (String domain : new String[] {"sample.co.jp", "sample-shop.jp"}) {
      String record = DevelopmentRegistry.answer(domain, LocalDate.of(2031, 5, 20));
      RegistrationRecord read = WhoisRecordParser.parse(record);

      assertThat(record).doesNotContain("{{");
      assertThat(read.expiresOn()).isEqualTo(LocalDate.of(2032, 5, 20));
      assertThat(read.expiredOn(LocalDate.of(2031, 5, 20))).isFalse();
      assertThat(record).contains("2030/05/20"); // created a year ago
    }
    assertThat(DevelopmentRegistry.answer("CONTACT TS12345JP", LocalDate.of(2031, 5, 20)))
        .contains("2031/04/20");
  }

  @Test
  void anythingElseIsNoMatch() throws Exception {
    assertThat(DevelopmentRegistry.answer("example.co.jp", LocalDate.of(2031, 5, 20))).startsWith("No match");
    assertThat(DevelopmentRegistry.answer("CONTACT ../../etc/passwd", LocalDate.of(2031, 5, 20))).startsWith("No match");
    assertThat(DevelopmentRegistry.answer(null, LocalDate.of(2031, 5, 20))).startsWith("No match");
  }
}
