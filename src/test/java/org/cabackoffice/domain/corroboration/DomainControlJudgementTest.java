package org.cabackoffice.domain.corroboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.DnsChangeObservation;
import org.cabackoffice.domain.corroboration.PerspectiveProtocol.WebsiteFileObservation;
import org.cabackoffice.domain.corroboration.PerspectiveResult.Verdict;
import org.junit.jupiter.api.Test;

/**
 * What counts as corroborating for the persistent DNS TXT record (BR 3.2.2.4.22: a usable record
 * with the same accounturi) and for the website file (BR 3.2.2.4.18: the same random value), as
 * the primary judges each perspective's observation.
 */
class DomainControlJudgementTest {

  static final MpicProperties.Perspective TOKYO =
      new MpicProperties.Perspective("tokyo-1", RirRegion.APNIC, "https://127.0.0.2:8443");
  static final String ACCOUNT = "https://ca.example/accounts/12";
  static final List<String> ISSUERS = List.of("backoffice.example");
  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

  private static DnsChangeObservation txt(String... values) {
    return new DnsChangeObservation("tokyo-1", "APNIC", "resolver", "ANSWERED", null, List.of(values), "SECURE");
  }

  @Test
  void aPersistentRecordCorroboratesOnlyWithTheSameAccountAndNotPastPersistUntil() {
    String record = "_validation-persist.example.jp";

    assertThat(RemotePerspectives.persistentDcvResult(
            TOKYO, txt("backoffice.example; accounturi=" + ACCOUNT), record, ACCOUNT, ISSUERS, NOW).verdict())
        .isEqualTo(Verdict.CORROBORATED);
    PerspectiveResult other = RemotePerspectives.persistentDcvResult(
        TOKYO, txt("backoffice.example; accounturi=https://ca.example/accounts/13"), record, ACCOUNT, ISSUERS, NOW);
    assertThat(other.verdict()).isEqualTo(Verdict.NOT_CORROBORATED);
    assertThat(other.detail()).contains("not the applicant's " + ACCOUNT);
    assertThat(RemotePerspectives.persistentDcvResult(
            TOKYO, txt("backoffice.example; accounturi=" + ACCOUNT + "; persistUntil=1700000000"), record, ACCOUNT,
            ISSUERS, NOW).verdict())
        .isEqualTo(Verdict.NOT_CORROBORATED);
    DnsChangeObservation failed =
        new DnsChangeObservation("tokyo-1", "APNIC", "resolver", "FAILED", "SERVFAIL", List.of(), null);
    assertThat(RemotePerspectives.persistentDcvResult(TOKYO, failed, record, ACCOUNT, ISSUERS, NOW).verdict())
        .isEqualTo(Verdict.NO_ANSWER);
  }

  @Test
  void aWebsiteFileCorroboratesWhenThePerspectiveGotTheSameRandomValue() {
    String url = "http://www.example.jp/.well-known/pki-validation/abc.txt";

    assertThat(RemotePerspectives.websiteFileResult(
            TOKYO, new WebsiteFileObservation("tokyo-1", "APNIC", "r", true, 200, url, "value123\n", null), url,
            "value123").verdict())
        .isEqualTo(Verdict.CORROBORATED);
    PerspectiveResult stale = RemotePerspectives.websiteFileResult(
        TOKYO, new WebsiteFileObservation("tokyo-1", "APNIC", "r", true, 200, url, "old", null), url, "value123");
    assertThat(stale.verdict()).isEqualTo(Verdict.NOT_CORROBORATED);
    assertThat(stale.detail()).contains("without the random value");
    PerspectiveResult refused = RemotePerspectives.websiteFileResult(
        TOKYO, new WebsiteFileObservation("tokyo-1", "APNIC", "r", false, 404, url, "", "HTTP 404 from " + url), url,
        "value123");
    assertThat(refused.verdict()).isEqualTo(Verdict.NOT_CORROBORATED);
    assertThat(refused.detail()).contains("HTTP 404");
  }
}
