package org.cabackoffice.auditors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cabackoffice.acme.AcmeOrderRecords;
import org.cabackoffice.pages.TestPages;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The auditors' ACME order page shows the order's CAA corroboration by the remote perspectives
 * (BR 3.2.2.9; BR 5.4.1 items 7 and 8): when, the quorum in words, the summary and each
 * perspective's result, all as text; that it was off when it was; "not recorded" for an order
 * kept before the link.
 */
class AcmeOrderPageTest {

  private static final Instant AT = Instant.parse("2026-12-07T01:00:00Z");

  final AcmeOrderFiles files = mock(AcmeOrderFiles.class);
  final AcmeOrderPages pages = new AcmeOrderPages(mock(AcmeOrderRecords.class), files, TestPages.create());

  private String page(List<AcmeOrderRecords.CaaCorroboration> caa) {
    AcmeOrderRecords.OrderRecord order =
        new AcmeOrderRecords.OrderRecord(
            new AcmeOrderRecords.Row(41, "valid", List.of("www.sample-acme.jp"), AT, "Sample K.K. / サンプル株式会社", null),
            "acme-order-41", 3, 7, AT.plusSeconds(86400), AT, "reused", true, List.of(), null, null, List.of(), null, caa);
    when(files.of(41)).thenReturn(Optional.of(new AcmeOrderFiles.AcmeOrderFile(order, List.of(), Optional.empty(), Optional.empty())));
    MockHttpServletRequest english = new MockHttpServletRequest();
    english.setParameter("lang", "en");
    return pages.order(41, english).getBody();
  }

  @Test
  void anOrderKeptBeforeTheLinkSaysNotRecorded() {
    assertThat(page(List.of()))
        .contains("CAA corroborated by remote perspectives (BR 3.2.2.9)")
        .contains("id=\"caa-corroboration-none\">not recorded: no CAA corroboration is kept for this order");
  }

  @Test
  void theCorroborationShowsWhenItsQuorumAndEachPerspectiveAsText() {
    String page = page(List.of(new AcmeOrderRecords.CaaCorroboration(
        12, AT, List.of("www.sample-acme.jp"), "www.sample-acme.jp accounturi=https://ca.example/acme/acct/3 method=http-01",
        "4/5", true, "quorum 4/5 met (at least 5 perspectives required)",
        "CAA permission corroborated 4/5 by remote perspectives: quorum met",
        List.of(
            new AcmeOrderRecords.PerspectiveRecord("tokyo-1", "APNIC", "CORROBORATED", "permitted (127.0.0.1:53)", "SECURE"),
            new AcmeOrderRecords.PerspectiveRecord(
                "johannesburg-1", "AFRINIC", "NO_ANSWER", "<script>alert(1)</script> no answer within 10000 ms", null)))));

    assertThat(page)
        .doesNotContain("caa-corroboration-none")
        .contains("data-corroboration=\"12\"", "data-met=\"true\"")
        .contains("2026-12-07 10:00:00.000 JST")
        .contains("quorum 4/5 met (at least 5 perspectives required)")
        .contains("CAA permission corroborated 4/5 by remote perspectives: quorum met")
        .contains("method=http-01", "mpic_corroboration:12")
        .contains("<td>tokyo-1</td>", "<td>APNIC</td>", "<td>CORROBORATED</td>", "<td>SECURE</td>")
        .contains("<td>johannesburg-1</td>", "<td>NO_ANSWER</td>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; no answer")
        .doesNotContain("<script>alert");
  }

  @Test
  void corroborationSwitchedOffSaysSo() {
    String page = page(List.of(new AcmeOrderRecords.CaaCorroboration(
        13, AT, List.of("www.sample-acme.jp"), null, "0/0", false,
        "not corroborated, multi-perspective corroboration is off (private CA)",
        "not corroborated: multi-perspective issuance corroboration is off (private CA configuration,"
            + " backoffice.mpic.enabled=false)",
        List.of())));

    assertThat(page)
        .doesNotContain("caa-corroboration-none")
        .contains("not corroborated, multi-perspective corroboration is off (private CA)")
        .contains("backoffice.mpic.enabled=false")
        .doesNotContain("class=\"perspectives\"");
  }
}
