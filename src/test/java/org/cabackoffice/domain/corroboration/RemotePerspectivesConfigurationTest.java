package org.cabackoffice.domain.corroboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.CaaName;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.CaaObservation;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.DnsChangeObservation;
import org.cabackoffice.domain.corroboration.PerspectiveResult.Verdict;
import org.junit.jupiter.api.Test;

class RemotePerspectivesConfigurationTest {

  private static final Instant JUNE = Instant.parse("2026-07-01T00:00:00Z");
  private static final MpicProperties.Tls TLS = new MpicProperties.Tls(null, null, null, null);

  private static MpicProperties.Perspective p(String id, RirRegion region) {
    return new MpicProperties.Perspective(id, region, "https://" + id + ".perspectives.example:8444/");
  }

  private static MpicProperties mpic(MpicProperties.Perspective... perspectives) {
    return new MpicProperties(true, List.of(perspectives), Duration.ofSeconds(5), TLS);
  }

  @Test
  void thePublicTrustStartNeedsAsManyPerspectivesAsThePhaseInForce() {
    assertThatThrownBy(
            () -> RemotePerspectives.checkConfiguration(
                mpic(p("a", RirRegion.ARIN), p("b", RirRegion.APNIC), p("c", RirRegion.RIPE_NCC)), JUNE))
        .hasMessageContaining("3 remote perspective(s) are configured; BR 3.2.2.9 asks for at least 4 since 2026-06-15");
    assertThatCode(
            () -> RemotePerspectives.checkConfiguration(
                mpic(p("a", RirRegion.ARIN), p("b", RirRegion.APNIC), p("c", RirRegion.RIPE_NCC), p("d", RirRegion.ARIN)),
                JUNE))
        .doesNotThrowAnyException();
  }

  @Test
  void perspectivesAllInOneRegionCannotEverMeetTheQuorum() {
    assertThatThrownBy(
            () -> RemotePerspectives.checkConfiguration(
                mpic(p("a", RirRegion.ARIN), p("b", RirRegion.ARIN), p("c", RirRegion.ARIN), p("d", RirRegion.ARIN)), JUNE))
        .hasMessageContaining("all in one RIR region");
  }

  @Test
  void aPerspectiveNeedsIdRegionAnHttpsUrlAndAUniqueId() {
    assertThatThrownBy(
            () -> RemotePerspectives.checkConfiguration(
                mpic(p("a", RirRegion.ARIN), new MpicProperties.Perspective("b", null, "https://b/"),
                    p("c", RirRegion.APNIC), p("d", RirRegion.APNIC)), JUNE))
        .hasMessageContaining("perspectives[1] needs an id, a region");
    assertThatThrownBy(
            () -> RemotePerspectives.checkConfiguration(
                mpic(p("a", RirRegion.ARIN), new MpicProperties.Perspective("b", RirRegion.APNIC, "http://b:8444/"),
                    p("c", RirRegion.APNIC), p("d", RirRegion.APNIC)), JUNE))
        .hasMessageContaining("must be https");
    assertThatThrownBy(
            () -> RemotePerspectives.checkConfiguration(
                mpic(p("a", RirRegion.ARIN), p("a", RirRegion.APNIC), p("c", RirRegion.APNIC), p("d", RirRegion.APNIC)), JUNE))
        .hasMessageContaining("the id a is used twice");
  }

  @Test
  void twoPerspectivesAtOneEndpointAreOneProcessCountedTwice() {
    assertThatThrownBy(
            () -> RemotePerspectives.checkConfiguration(
                mpic(p("a", RirRegion.ARIN), new MpicProperties.Perspective("b", RirRegion.APNIC, "https://A.perspectives.example:8444/v2/"),
                    p("c", RirRegion.APNIC), p("d", RirRegion.APNIC)), JUNE))
        .hasMessageContaining("perspectives[1] (b) is at a.perspectives.example:8444 like another perspective");
    // The same host on another port, or another loopback address, is another process.
    assertThatCode(
            () -> RemotePerspectives.checkConfiguration(
                mpic(new MpicProperties.Perspective("a", RirRegion.ARIN, "https://127.0.0.11:8444/"),
                    new MpicProperties.Perspective("b", RirRegion.APNIC, "https://127.0.0.12:8444/"),
                    new MpicProperties.Perspective("c", RirRegion.APNIC, "https://127.0.0.12:8445/"),
                    p("d", RirRegion.RIPE_NCC)), JUNE))
        .doesNotThrowAnyException();
  }

  @Test
  void aPerspectiveCorroboratesDnsChangeOnlyWithTheSameRandomValue() {
    MpicProperties.Perspective tokyo = p("tokyo-1", RirRegion.APNIC);
    String record = "_pki-validation.sample.co.jp";

    assertThat(RemotePerspectives.dnsChangeResult(
            tokyo, observation("ANSWERED", null, List.of("other", "v4lue")), record, "v4lue").verdict())
        .isEqualTo(Verdict.CORROBORATED);
    PerspectiveResult other =
        RemotePerspectives.dnsChangeResult(tokyo, observation("ANSWERED", null, List.of("V4LUE")), record, "v4lue");
    assertThat(other.verdict()).isEqualTo(Verdict.NOT_CORROBORATED);
    assertThat(other.detail()).contains("1 TXT value(s)").doesNotContain("V4LUE");
    assertThat(RemotePerspectives.dnsChangeResult(
            tokyo, observation("NO_SUCH_NAME", null, List.of()), record, "v4lue").detail())
        .contains("the name does not exist");
    assertThat(RemotePerspectives.dnsChangeResult(
            tokyo, observation("FAILED", "DNSSEC validation failed", List.of()), record, "v4lue").verdict())
        .isEqualTo(Verdict.NO_ANSWER);
  }

  @Test
  void aCaaAnswerCorroboratesWhenItIsPermissionAndALookupFailureIsNoAnswer() {
    MpicProperties.Perspective p = p("a", RirRegion.ARIN);
    assertThat(RemotePerspectives.caaResult(p, new CaaObservation("a", "ARIN", "r", true, List.of())).verdict())
        .isEqualTo(Verdict.CORROBORATED);
    assertThat(RemotePerspectives.caaResult(p, new CaaObservation("a", "ARIN", "r", false,
            List.of(new CaaName("www.sample.jp", false, false, "issue \"other-ca.example\"")))).verdict())
        .isEqualTo(Verdict.NOT_CORROBORATED);
    assertThat(RemotePerspectives.caaResult(p, new CaaObservation("a", "ARIN", "r", false,
            List.of(new CaaName("www.sample.jp", false, true, "SERVFAIL")))).verdict())
        .isEqualTo(Verdict.NO_ANSWER);
  }

  @Test
  void caaEvidenceCoversTheSameDomainAndItsSubdomainsOnly() {
    // BR 3.2.2.9: "for the same domain or its subdomains".
    assertThat(RemotePerspectives.covers(List.of("sample.co.jp"), List.of("www.sample.co.jp", "sample.co.jp"))).isTrue();
    // A wildcard was judged by issuewild, a name by issue (RFC 8659 4.3): neither covers the other.
    assertThat(RemotePerspectives.covers(List.of("*.sample.co.jp"), List.of("shop.sample.co.jp"))).isFalse();
    assertThat(RemotePerspectives.covers(List.of("sample.co.jp"), List.of("*.sample.co.jp"))).isFalse();
    assertThat(RemotePerspectives.covers(List.of("*.sample.co.jp"), List.of("*.shop.sample.co.jp"))).isTrue();
    assertThat(RemotePerspectives.covers(List.of("www.sample.co.jp"), List.of("sample.co.jp"))).isFalse();
    assertThat(RemotePerspectives.covers(List.of("sample.co.jp"), List.of("notsample.co.jp"))).isFalse();
  }

  private static DnsChangeObservation observation(String status, String failure, List<String> values) {
    return new DnsChangeObservation("tokyo-1", "APNIC", "127.0.0.1:53", status, failure, values, "SECURE");
  }
}
