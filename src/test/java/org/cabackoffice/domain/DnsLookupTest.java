package org.cabackoffice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** dnsjava against the loopback resolver: UDP, TCP after truncation, CNAMEs, failures. */
class DnsLookupTest {

  private final LoopbackDnsServer server = new LoopbackDnsServer().start();
  private final DnsLookup dns =
      new DnsLookup(
          new DnsProperties(server.address(), Duration.ofMillis(700), null, DnsProperties.Dnssec.off()), Clock.systemUTC());

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void readsTxtRecordsOverUdp() {
    server.txt("_pki-validation.sample.co.jp", "abc", "def");

    DnsAnswer answer = dns.query("_pki-validation.Sample.co.jp", Type.TXT);

    assertThat(answer.status()).isEqualTo(DnsAnswer.Status.ANSWERED);
    assertThat(answer.txtValues()).containsExactlyInAnyOrder("abc", "def");
    assertThat(answer.resolver()).startsWith(server.address()).contains("DNSSEC not validated");
    assertThat(answer.dnssec()).isEqualTo(DnssecStatus.NOT_VALIDATED);
    assertThat(answer.transcript()).contains("_pki-validation.sample.co.jp").contains("\"abc\"");
    assertThat(server.queries())
        .containsExactly(new LoopbackDnsServer.Query("UDP", "_pki-validation.sample.co.jp", "TXT"));
  }

  @Test
  void aTruncatedAnswerIsAskedAgainOverTcp() {
    String[] many = new String[12];
    for (int i = 0; i < many.length; i++) {
      many[i] = String.valueOf((char) ('a' + i)).repeat(300); // two character-strings each
    }
    server.txt("big.sample.co.jp", many);

    DnsAnswer answer = dns.query("big.sample.co.jp", Type.TXT);

    assertThat(answer.txtValues()).hasSize(12).contains("a".repeat(300));
    assertThat(server.queries()).extracting(LoopbackDnsServer.Query::transport).contains("UDP", "TCP");
  }

  @Test
  void followsTheCnameChainTheResolverReturns() {
    server.cname("_pki-validation.sample.co.jp", "sample.dcv.example.net");
    server.txt("sample.dcv.example.net", "delegated");
    server.txt("elsewhere.example.net", "stray");

    DnsAnswer answer = dns.query("_pki-validation.sample.co.jp", Type.TXT);

    assertThat(answer.txtValues()).containsExactly("delegated");
    assertThat(answer.aliases()).containsExactly("sample.dcv.example.net");
  }

  @Test
  void aMissingNameIsNoSuchNameAndAnEmptyNonTerminalIsAnEmptyAnswer() {
    server.txt("_pki-validation.www.sample.co.jp", "x");

    assertThat(dns.query("nothing.sample.co.jp", Type.TXT).status())
        .isEqualTo(DnsAnswer.Status.NO_SUCH_NAME);
    DnsAnswer empty = dns.query("www.sample.co.jp", Type.TXT);
    assertThat(empty.status()).isEqualTo(DnsAnswer.Status.ANSWERED);
    assertThat(empty.txtValues()).isEmpty();
  }

  @Test
  void servfailAndTimeoutAreFailuresWithTheReasonNotExceptions() {
    server.servfail("broken.sample.co.jp");
    server.delay("slow.sample.co.jp", 3000);

    DnsAnswer servfail = dns.query("broken.sample.co.jp", Type.CAA);
    assertThat(servfail.failed()).isTrue();
    assertThat(servfail.failure()).contains("SERVFAIL");

    DnsAnswer timeout = dns.query("slow.sample.co.jp", Type.CAA);
    assertThat(timeout.failed()).isTrue();
    assertThat(timeout.failure()).contains("no answer from " + server.address()).contains("PT0.7S");
    assertThat(timeout.transcript()).contains("slow.sample.co.jp");
  }

  /**
   * A remote perspective on a host with several addresses looks from its own (BR 3.2.2.9): the
   * resolver sees that address, over UDP and over TCP after truncation. Linux routes all of
   * 127.0.0.0/8 to loopback, so 127.0.0.23 stands for a second address of this host.
   */
  @Test
  void lookupsLeaveFromTheConfiguredSourceAddress() {
    String[] many = new String[12];
    for (int i = 0; i < many.length; i++) {
      many[i] = String.valueOf((char) ('a' + i)).repeat(300);
    }
    server.txt("big.sample.co.jp", many);
    DnsLookup fromElsewhere =
        new DnsLookup(
            new DnsProperties(server.address(), Duration.ofMillis(700), null, DnsProperties.Dnssec.off(), "127.0.0.23"),
            Clock.systemUTC());

    DnsAnswer answer = fromElsewhere.query("big.sample.co.jp", Type.TXT);

    assertThat(answer.txtValues()).hasSize(12);
    assertThat(server.queries()).extracting(LoopbackDnsServer.Query::transport).contains("UDP", "TCP");
    assertThat(server.clientAddresses()).isNotEmpty().containsOnly("127.0.0.23");
    assertThat(answer.resolver()).isEqualTo(server.address() + " from 127.0.0.23, DNSSEC not validated (backoffice.dns.dnssec.enabled=false)");
    assertThat(fromElsewhere.sourceAddress()).map(java.net.InetAddress::getHostAddress).contains("127.0.0.23");
    assertThat(dns.sourceAddress()).isEmpty();
  }

  @Test
  void aSourceAddressIsAnAddressOfThisHostAndNeverAName() {
    assertThatThrownBy(() -> new DnsProperties(null, null, null, null, "perspective.example"))
        .hasMessageContaining("backoffice.dns.source-address must be an IP address");
    assertThat(new DnsProperties(null, null, null, null, "::1").sourceInetAddress()).isPresent();
    assertThat(new DnsProperties(null, null, null, null, " ").sourceInetAddress()).isEmpty();
    // 192.0.2.0/24 is documentation space (RFC 5737): no host has it, so the start stops.
    assertThatThrownBy(
            () -> new DnsLookup(
                new DnsProperties(server.address(), null, null, DnsProperties.Dnssec.off(), "192.0.2.7"), Clock.systemUTC()))
        .hasMessageContaining("backoffice.dns.source-address 192.0.2.7 is not an address of this host");
  }

  @Test
  void aResolverThatIsNotHostPortIsRefusedAtStart() {
    assertThatThrownBy(() -> new DnsProperties("127.0.0.1:99999", null, null, null))
        .hasMessageContaining("port out of range");
    assertThat(new DnsProperties("[::1]:5353", null, null, null).resolverAddress().orElseThrow().getPort())
        .isEqualTo(5353);
    assertThat(new DnsProperties("127.0.0.1", null, null, null).resolverAddress().orElseThrow().getPort())
        .isEqualTo(53);
    assertThat(new DnsProperties(" ", null, null, null).resolverAddress()).isEmpty();
    assertThatThrownBy(() -> new DnsProperties(null, null, Duration.ofDays(31), null))
        .hasMessageContaining("at most 30 days");
  }
}
