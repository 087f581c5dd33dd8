package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cabackoffice.domain.DomainValidationMethod.DNS_CHANGE;
import static org.cabackoffice.domain.DomainValidationMethod.PERSISTENT_DNS_TXT;
import static org.cabackoffice.domain.DomainValidationMethod.WEBSITE_CHANGE_V2;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The ADN is chosen after the method (BR 3.2.2.4 as amended by SC-101) and covers what it may. */
class AuthorizationDomainNameTest {

  @Test
  void dnsMethodsPruneToTheBaseDomainNameUnderAJapaneseSecondLevelSuffix() {
    for (DomainValidationMethod method : new DomainValidationMethod[] {DNS_CHANGE, PERSISTENT_DNS_TXT}) {
      AuthorizationDomainName adn = AuthorizationDomainName.derive("WWW.Shop.Example.CO.JP.", method, true);

      assertThat(adn.fqdn()).isEqualTo("www.shop.example.co.jp");
      assertThat(adn.adn()).isEqualTo("example.co.jp");
      assertThat(adn.method().section()).isEqualTo(method.section());
    }
  }

  @Test
  void theWebsiteMethodValidatesTheFqdnItselfEvenWhenPruningIsAskedFor() {
    AuthorizationDomainName adn = AuthorizationDomainName.derive("www.example.co.jp", WEBSITE_CHANGE_V2, true);

    assertThat(adn.adn()).isEqualTo("www.example.co.jp");
  }

  @Test
  void withoutPruningTheAdnIsTheFqdn() {
    assertThat(AuthorizationDomainName.derive("www.example.co.jp", DNS_CHANGE, false).adn())
        .isEqualTo("www.example.co.jp");
  }

  @Test
  void aWildcardLosesItsStarWhereTheMethodAllowsWildcardsAndIsRefusedWhereNot() {
    AuthorizationDomainName adn = AuthorizationDomainName.derive("*.www.example.com", PERSISTENT_DNS_TXT, true);
    assertThat(adn.fqdn()).isEqualTo("*.www.example.com");
    assertThat(adn.adn()).isEqualTo("example.com");

    assertThatThrownBy(() -> AuthorizationDomainName.derive("*.example.com", WEBSITE_CHANGE_V2, false))
        .isInstanceOf(InvalidDomainNameException.class)
        .hasMessageContaining("3.2.2.4.18")
        .hasMessageContaining("Wildcard");
  }

  @Test
  void aPublicSuffixIsNoAuthorizationDomainName() {
    assertThatThrownBy(() -> AuthorizationDomainName.derive("co.jp", DNS_CHANGE, true))
        .isInstanceOf(InvalidDomainNameException.class)
        .hasMessageContaining("public suffix");
  }

  @Test
  void aValidationByAPruningMethodCoversTheNamesBelowItsAdnAndAnFqdnOnlyOneDoesNot() {
    assertThat(AuthorizationDomainName.covers("example.co.jp", DNS_CHANGE, "www.example.co.jp")).isTrue();
    assertThat(AuthorizationDomainName.covers("example.co.jp", PERSISTENT_DNS_TXT, "*.example.co.jp")).isTrue();
    assertThat(AuthorizationDomainName.covers("example.co.jp", DNS_CHANGE, "example.co.jp")).isTrue();
    // Not a label boundary, and not below.
    assertThat(AuthorizationDomainName.covers("example.co.jp", DNS_CHANGE, "badexample.co.jp")).isFalse();
    assertThat(AuthorizationDomainName.covers("www.example.co.jp", DNS_CHANGE, "example.co.jp")).isFalse();

    // BR 3.2.2.4.18 Note: no other FQDNs that end with the validated FQDN's labels.
    assertThat(AuthorizationDomainName.covers("example.co.jp", WEBSITE_CHANGE_V2, "www.example.co.jp")).isFalse();
    assertThat(AuthorizationDomainName.covers("example.co.jp", WEBSITE_CHANGE_V2, "example.co.jp")).isTrue();
    assertThat(AuthorizationDomainName.covers("example.co.jp", WEBSITE_CHANGE_V2, "*.example.co.jp")).isFalse();
  }

  @Test
  void theSc101TableOfMethods() {
    assertThat(DNS_CHANGE.allowsPruning()).isTrue();
    assertThat(DNS_CHANGE.allowsCname()).isTrue();
    assertThat(PERSISTENT_DNS_TXT.allowsPruning()).isTrue();
    assertThat(PERSISTENT_DNS_TXT.allowsCname()).isFalse();
    assertThat(WEBSITE_CHANGE_V2.allowsPruning()).isFalse();
    assertThat(WEBSITE_CHANGE_V2.allowsWildcard()).isFalse();
    assertThat(DomainValidationMethod.of("BR 3.2.2.4.7")).contains(DNS_CHANGE);
    assertThat(DomainValidationMethod.of("3.2.2.4.22")).contains(PERSISTENT_DNS_TXT);
    assertThat(DomainValidationMethod.of("3.2.2.4.2")).isEmpty();
  }

  @Test
  void aPersistentRecordValidationIsReusedTenDaysAtMostWhileDnsChangeFollowsSc081() {
    Instant validated = Instant.parse("2026-12-01T00:00:00Z");

    assertThat(PERSISTENT_DNS_TXT.reusePeriod(validated)).isEqualTo(Duration.ofDays(10));
    assertThat(DNS_CHANGE.reusePeriod(validated)).isEqualTo(Duration.ofDays(200));
    Instant elevenDaysOn = validated.plus(Duration.ofDays(11));
    assertThat(PERSISTENT_DNS_TXT.stillCounts(validated, elevenDaysOn)).isFalse();
    assertThat(DNS_CHANGE.stillCounts(validated, elevenDaysOn)).isTrue();
  }
}
