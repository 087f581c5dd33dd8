package org.cabackoffice.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.domain.DomainCheck;
import org.cabackoffice.domain.DomainCheckResult;
import org.cabackoffice.domain.NameMatch;
import org.cabackoffice.domain.RegistryUnavailableException;
import org.cabackoffice.verification.OrganizationDirectoryEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registrant evidence of an order past the identity reuse period: one look per registrable
 * domain, the registrant beside the organization with the verdict, kept on the order.
 */
class AcmeRegistrantsTest {

  static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

  final AcmeOrderRepository orders = mock(AcmeOrderRepository.class);
  final AcmeAccountRepository accounts = mock(AcmeAccountRepository.class);
  final ValidatedOrganizations organizations = mock(ValidatedOrganizations.class);
  final DomainCheck domainCheck = mock(DomainCheck.class);
  final AcmeRegistrants registrants = new AcmeRegistrants(orders, accounts, organizations, domainCheck);
  AcmeOrder order;

  @BeforeEach
  void order() {
    order = new AcmeOrder(3L, List.of("www.example.co.jp", "mail.example.co.jp", "shop.example.jp"), NOW, NOW.plus(Duration.ofDays(7)));
    when(orders.findById(7L)).thenReturn(Optional.of(order));
    AcmeAccount account = mock(AcmeAccount.class);
    when(account.getOrganizationEntryId()).thenReturn(42L);
    when(accounts.findById(3L)).thenReturn(Optional.of(account));
    when(organizations.entry(42L)).thenReturn(Optional.of(new OrganizationDirectoryEntry(
        "Example KK", "株式会社エグザンプル", "1234567890123", "03-5555-0100", "Chiyoda-ku", "Tokyo", "JP", "TDB",
        LocalDate.of(2025, 1, 1))));
  }

  @Test
  void eachRegistrableDomainIsLookedUpOnceAndItsRegistrantShownBesideTheOrganization() {
    List<String> names = List.of("Example KK", "株式会社エグザンプル");
    when(domainCheck.check("example.co.jp", names)).thenReturn(new DomainCheckResult(
        "example.co.jp", true, "WHOIS", "whois.jprs.jp", "Example KK", List.of(), NameMatch.MATCH, 11L, NOW, null));
    when(domainCheck.check("example.jp", names)).thenReturn(new DomainCheckResult(
        "example.jp", true, "RDAP", "rdap.jprs.jp", "Other Company", List.of(), NameMatch.NO_MATCH, 12L, NOW, null));

    String evidence = registrants.lookUp(7L);

    verify(domainCheck, times(2)).check(any(), eq(names));
    assertThat(evidence.lines()).containsExactly(
        "example.co.jp: registrant \"Example KK\" vs \"Example KK / 株式会社エグザンプル\": matches the organization / 一致"
            + " (WHOIS whois.jprs.jp, evidence #11)",
        "example.jp: registrant \"Other Company\" vs \"Example KK / 株式会社エグザンプル\": does not match the organization / 不一致"
            + " (RDAP rdap.jprs.jp, evidence #12)");
    assertThat(order.getRegistrantEvidence()).isEqualTo(evidence);
  }

  @Test
  void aRegistryThatDoesNotAnswerIsTheCallersToRetryAndNothingIsKept() {
    when(domainCheck.check(any(), any())).thenThrow(new RegistryUnavailableException("whois.jprs.jp timed out"));
    assertThatThrownBy(() -> registrants.lookUp(7L)).isInstanceOf(RegistryUnavailableException.class);
    assertThat(order.getRegistrantEvidence()).isNull();
  }
}
