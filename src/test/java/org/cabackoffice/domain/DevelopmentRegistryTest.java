package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded setup's registry answers the demo domains as JPRS would, contacts included. */
class DevelopmentRegistryTest {

  private DevelopmentRegistry registry;

  @BeforeEach
  void start() throws Exception {
    registry = new DevelopmentRegistry(0);
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
  }

  @Test
  void anythingElseIsNoMatch() throws Exception {
    assertThat(DevelopmentRegistry.answer("example.co.jp")).startsWith("No match");
    assertThat(DevelopmentRegistry.answer("CONTACT ../../etc/passwd")).startsWith("No match");
    assertThat(DevelopmentRegistry.answer(null)).startsWith("No match");
  }
}
