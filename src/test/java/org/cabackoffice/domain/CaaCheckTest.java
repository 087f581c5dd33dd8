package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** CAA (BR 3.2.2.8, RFC 8659) against the loopback resolver. */
class CaaCheckTest {

  private final LoopbackDnsServer server = new LoopbackDnsServer().start();
  private final InMemoryDnsValidationRecords records = new InMemoryDnsValidationRecords();
  private final CaaCheck caa =
      new CaaCheck(
          new DnsLookup(
              new DnsProperties(server.address(), Duration.ofMillis(500), null, DnsProperties.Dnssec.off()), Clock.systemUTC()),
          new CaaProperties(null),
          records.caaRepository,
          Clock.systemUTC(),
          TransactionOperations.withoutTransaction());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void withoutAnyCaaSetUpToTheTldAnyCaMayIssue() {
    CaaVerdict verdict = caa.check(List.of("www.sample.co.jp"));

    assertThat(verdict.permitted()).isTrue();
    assertThat(verdict.names().get(0).reason()).contains("no CAA record set");
    assertThat(server.queries())
        .extracting(LoopbackDnsServer.Query::name)
        .containsExactly("www.sample.co.jp", "sample.co.jp", "co.jp", "jp");
    assertThat(server.queries()).allMatch(q -> q.type().equals("CAA"));
  }

  @Test
  void climbsToTheFirstSetAboveAndStopsThere() {
    server.caa("sample.co.jp", 0, "issue", "backoffice.example");
    server.caa("co.jp", 0, "issue", ";"); // never reached

    CaaVerdict verdict = caa.check(List.of("a.shop.sample.co.jp"));

    assertThat(verdict.permitted()).isTrue();
    CaaVerdict.Name name = verdict.names().get(0);
    assertThat(name.relevantDomain()).isEqualTo("sample.co.jp");
    assertThat(name.records()).containsExactly(new CaaProperty(0, "issue", "backoffice.example"));
    assertThat(server.queries())
        .extracting(LoopbackDnsServer.Query::name)
        .containsExactly("a.shop.sample.co.jp", "shop.sample.co.jp", "sample.co.jp");
  }

  @Test
  void theClosestSetWinsOverItsParent() {
    server.caa("sample.co.jp", 0, "issue", "backoffice.example");
    server.caa("shop.sample.co.jp", 0, "issue", "other-ca.example");

    CaaVerdict verdict = caa.check(List.of("www.sample.co.jp", "shop.sample.co.jp"));

    assertThat(verdict.permitted()).isFalse();
    assertThat(verdict.names()).extracting(CaaVerdict.Name::permitted).containsExactly(true, false);
    assertThat(verdict.refusals()).singleElement().asString()
        .startsWith("shop.sample.co.jp: ")
        .contains("other-ca.example");
  }

  @Test
  void aCnameIsFollowedAsTheResolverReturnsItAndClimbingGoesOnFromTheAlias() {
    // RFC 8659 3: CAA(www) is what the resolver returns for www, i.e. the target's set.
    server.cname("www.sample.co.jp", "sample.cdn.example.net");
    server.caa("sample.cdn.example.net", 0, "issue", "backoffice.example");
    server.caa("sample.co.jp", 0, "issue", "other-ca.example");
    assertThat(caa.check(List.of("www.sample.co.jp")).permitted()).isTrue();

    // The target has no set: the search climbs from www's parent, not the target's.
    server.cname("shop.sample.co.jp", "shop.cdn.example.net");
    server.caa("cdn.example.net", 0, "issue", "backoffice.example");
    CaaVerdict climbed = caa.check(List.of("shop.sample.co.jp"));
    assertThat(climbed.permitted()).isFalse();
    assertThat(climbed.names().get(0).relevantDomain()).isEqualTo("sample.co.jp");
  }

  @Test
  void wildcardsAreGovernedByIssuewild() {
    server.caa("sample.co.jp", 0, "issue", "backoffice.example");
    server.caa("sample.co.jp", 0, "issuewild", "other-ca.example");

    CaaVerdict verdict = caa.check(List.of("sample.co.jp", "*.sample.co.jp"));

    assertThat(verdict.names()).extracting(CaaVerdict.Name::permitted).containsExactly(true, false);
    assertThat(verdict.reasons().get("*.sample.co.jp")).contains("issuewild");
    // One question per domain and check, however many names share it.
    assertThat(server.queries()).extracting(LoopbackDnsServer.Query::name).containsExactly("sample.co.jp");
  }

  @Test
  void theIssuerDomainsAreConfigurable() {
    server.caa("sample.co.jp", 0, "issue", "ca.backoffice.example.jp");
    CaaCheck ours =
        new CaaCheck(
            new DnsLookup(new DnsProperties(server.address(), Duration.ofMillis(500), null, DnsProperties.Dnssec.off()), Clock.systemUTC()),
            new CaaProperties(List.of("backoffice.example", "CA.BackOffice.Example.JP")),
            records.caaRepository,
            Clock.systemUTC(),
            TransactionOperations.withoutTransaction());

    assertThat(ours.check(List.of("sample.co.jp")).permitted()).isTrue();
    assertThat(caa.check(List.of("sample.co.jp")).permitted()).isFalse();
  }

  @Test
  void aFailedLookupRefusesWithTheReason() {
    server.servfail("sample.co.jp");
    server.delay("slow.example.jp", 2000);

    CaaVerdict verdict = caa.check(List.of("www.sample.co.jp", "slow.example.jp"));

    assertThat(verdict.permitted()).isFalse();
    assertThat(verdict.reasons().get("www.sample.co.jp")).contains("SERVFAIL").contains("BR 3.2.2.8");
    assertThat(verdict.reasons().get("slow.example.jp")).contains("no answer from " + server.address());
  }

  @Test
  void aNameThatIsNoDnsNameIsRefusedNotThrown() {
    CaaVerdict verdict = caa.check(List.of("bad_name!.jp"));

    assertThat(verdict.permitted()).isFalse();
    assertThat(verdict.names().get(0).reason()).contains("not a DNS name");
    assertThatThrownBy(() -> caa.check(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anApplicationsNamesAreCheckedForTheirAccountAndMethodAndTheRefusalSaysWhy() {
    // RFC 8657 (BR 4.2.2.1.2): the domain lets this CA issue only to one storefront account and
    // only after a persistent DNS TXT validation (ca-tbr-22).
    String account = "https://ca.example/accounts/12";
    server.caa("sample.co.jp", 0, "issue", "backoffice.example; accounturi=" + account + "; validationmethods=ca-tbr-22");
    CaaRequester persistent = CaaRequester.application(account, DomainValidationMethod.PERSISTENT_DNS_TXT);
    CaaRequester dnsChange = CaaRequester.application(account, DomainValidationMethod.DNS_CHANGE);
    CaaRequester otherAccount =
        CaaRequester.application("https://ca.example/accounts/13", DomainValidationMethod.PERSISTENT_DNS_TXT);

    assertThat(caa.check(12L, List.of("www.sample.co.jp"), name -> persistent).permitted()).isTrue();

    CaaVerdict byDnsChange =
        caa.check(12L, List.of("www.sample.co.jp", "shop.sample.co.jp"),
            name -> name.startsWith("www.") ? persistent : dnsChange);
    assertThat(byDnsChange.permitted()).isFalse();
    assertThat(byDnsChange.names()).extracting(CaaVerdict.Name::permitted).containsExactly(true, false);
    assertThat(byDnsChange.refusals()).singleElement().asString()
        .startsWith("shop.sample.co.jp: ")
        .contains("validationmethods ca-tbr-22 does not list ca-tbr-7 (BR 3.2.2.4.7)");
    assertThat(records.caa.get(1).getFindings()).last().asString()
        .startsWith("shop.sample.co.jp REFUSED")
        .contains("RFC 8657");

    assertThat(caa.check(12L, List.of("www.sample.co.jp"), name -> otherAccount).refusals())
        .singleElement().asString()
        .contains("accounturi " + account + " is not the requesting account https://ca.example/accounts/13");
  }

  @Test
  void theVerdictIsStoredWithNamesFindingsAndAnswers() {
    server.caa("sample.co.jp", 0, "issue", "backoffice.example; account=42");

    CaaVerdict verdict = caa.check(12L, List.of("www.sample.co.jp"), name -> null);

    CaaEvidence evidence = records.caa.get(0);
    assertThat(evidence.getId()).isEqualTo(verdict.evidenceId());
    assertThat(evidence.getApplicationId()).isEqualTo(12L);
    assertThat(evidence.isPermitted()).isTrue();
    assertThat(evidence.getDnsNames()).containsExactly("www.sample.co.jp");
    assertThat(evidence.getIssuerDomains()).containsExactly("backoffice.example");
    assertThat(evidence.getFindings()).singleElement().asString().startsWith("www.sample.co.jp PERMITTED");
    assertThat(evidence.getResolver()).startsWith(server.address()).contains("DNSSEC not validated");
    assertThat(evidence.getAnswers())
        .contains("www.sample.co.jp IN CAA")
        .contains("backoffice.example; account=42");
    assertThat(evidence.getCheckedAt()).isEqualTo(verdict.checkedAt());
  }

  @Test
  void aPrivateCaThatDoesNotLookUpCaaSaysSoOnRecord() {
    caa.recordNotLookedUp(7L, java.util.List.of("www.sample.co.jp"), "CAA checking is off");

    org.assertj.core.api.Assertions.assertThat(records.caa).hasSize(1);
    CaaEvidence kept = records.caa.get(0);
    org.assertj.core.api.Assertions.assertThat(kept.getApplicationId()).isEqualTo(7L);
    org.assertj.core.api.Assertions.assertThat(kept.getDnsNames()).containsExactly("www.sample.co.jp");
    org.assertj.core.api.Assertions.assertThat(kept.getFindings()).containsExactly("NOT LOOKED UP: CAA checking is off");
  }
}
