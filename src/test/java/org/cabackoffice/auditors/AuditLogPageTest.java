package org.cabackoffice.auditors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cabackoffice.auditlog.AuditCheckpoint;
import org.cabackoffice.auditlog.AuditLogSummary;
import org.cabackoffice.auditlog.AuditLogVerification;
import org.cabackoffice.auditlog.AuditLogVerifier;
import org.cabackoffice.auditlog.ChainBreak;
import org.cabackoffice.pages.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

/** The audit log page names what a verification found, in Japanese first and in English. */
class AuditLogPageTest {

  static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
  static final AuditCheckpoint CHECKPOINT =
      new AuditCheckpoint(1200, "ab".repeat(32), Instant.parse("2026-12-06T02:00:00Z"), "MEUCIQ==");

  private final AuditLogVerifier verifier = mock(AuditLogVerifier.class);

  @Test
  void showsTheSizeAndLastCheckpointWithoutVerifyingUnasked() {
    when(verifier.summary()).thenReturn(new AuditLogSummary(1234, CHECKPOINT));
    render(
        page -> {
          String ja = page.auditLog(null, request(null)).getBody();
          assertThat(ja).contains("監査ログの検証", "id=\"rows\">1234<", "行 1200 まで (2026-12-06 11:00:00.000 JST 署名)")
              .contains("row=1200").doesNotContain("id=\"result\"");
          assertThat(page.auditLog(null, request("en")).getBody()).contains("Audit log verification", "up to row 1200");
        });
    verify(verifier, never()).verify();
  }

  @Test
  void namesTheFirstBrokenRowAndWhatHappenedToIt() {
    when(verifier.summary()).thenReturn(new AuditLogSummary(1234, null));
    render(
        page -> {
          broken(12, "changed", ChainBreak.CONTENT_CHANGED, 12);
          assertThat(page.auditLog("now", request(null)).getBody())
              .contains("まだありません", "行 12: 改変されています", "行 12 の内容がハッシュと一致しません")
              .doesNotContain("no longer matches")
              .contains("data-intact=\"false\"");
          assertThat(page.auditLog("now", request("en")).getBody())
              .contains("Row 12: changed", "row 12&#39;s content no longer matches its hash");
          broken(40, "removed", ChainBreak.MISSING, 40, 41);
          assertThat(page.auditLog("now", request(null)).getBody()).contains("行 40: 削除されています", "行 40 から 41 までがありません");
          assertThat(page.auditLog("now", request("en")).getBody()).contains("Row 40: removed", "rows 40 to 41 are missing");
          broken(7, "inserted", ChainBreak.SHIFTED, 8, 7);
          assertThat(page.auditLog("now", request(null)).getBody())
              .contains("行 7: 挿入されています", "行 8 は元の行 7 です: その前に行が挿入されました");
          assertThat(page.auditLog("now", request("en")).getBody())
              .contains("Row 7: inserted", "row 8 was row 7: a row was inserted before it");
          broken(1200, "checkpoint", ChainBreak.CHECKPOINT_SIGNATURE, 1200);
          assertThat(page.auditLog("now", request("en")).getBody())
              .contains("Row 1200: the signature of its signed checkpoint does not verify")
              .contains("the checkpoint at row 1200 has no valid signature");
          assertThat(page.auditLog("now", request(null)).getBody()).contains("行 1200 のチェックポイントの署名が正しくありません");
        });
  }

  /**
   * Whatever the verifier finds, the page says it in either language: in English as the API's
   * {@code detail} says it, in Japanese with the same rows (row numbers beyond 999 without a
   * thousands separator, as the rest of the page writes them).
   */
  @Test
  void saysEveryKindOfBreakInJapaneseAndInEnglish() {
    when(verifier.summary()).thenReturn(new AuditLogSummary(1234, null));
    render(
        page -> {
          for (ChainBreak seen : ChainBreak.values()) {
            broken(1201, "changed", seen, 1201, 1202);
            String ja = page.auditLog("now", request(null)).getBody();
            String en = page.auditLog("now", request("en")).getBody();
            String detailJa = detail(ja);
            assertThat(detailJa).as(seen.name()).contains("1201").doesNotContain("??", "1,201").matches("(?s).*[行署].*");
            assertThat(detailJa).as(seen.name()).doesNotContainPattern("[a-z]{3,}");
            assertThat(detail(en).replace("&#39;", "'")).as(seen.name()).isEqualTo(seen.english(java.util.List.of(1201L, 1202L)));
          }
        });
  }

  private static String detail(String page) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p id=\"detail\">([^<]*)</p>").matcher(page);
    assertThat(m.find()).as("the page names what was seen: " + page).isTrue();
    return m.group(1);
  }

  @Test
  void saysIntactWithTheRowsAndCheckpointsVerified() {
    when(verifier.summary()).thenReturn(new AuditLogSummary(1234, CHECKPOINT));
    when(verifier.verify()).thenReturn(new AuditLogVerification(true, 1234, null, null, null, 12, CHECKPOINT, null, null));
    render(
        page -> {
          assertThat(page.auditLog("now", request(null)).getBody())
              .contains("改ざんはありません: 1,234 行のハッシュチェーンとチェックポイント 12 件の署名が一致しました。")
              .contains("検証結果 (2026-12-06 12:00:00.000 JST)")
              .doesNotContain("id=\"broken\"");
          assertThat(page.auditLog("now", request("en")).getBody())
              .contains("Intact: the hash chain of 1,234 rows and the signatures of 12 checkpoints agree.");
        });
  }

  private void broken(long row, String reason, ChainBreak seen, long... rows) {
    java.util.List<Long> named = java.util.Arrays.stream(rows).boxed().toList();
    when(verifier.verify())
        .thenReturn(new AuditLogVerification(false, 1234, row, reason, seen.english(named), 0, null, seen, named));
  }

  private void render(java.util.function.Consumer<AuditLogPage> check) {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(MessageSourceAutoConfiguration.class, ThymeleafAutoConfiguration.class))
        .withPropertyValues("spring.messages.basename=messages", "spring.messages.fallback-to-system-locale=false")
        .withBean(Pages.class)
        .run(context -> check.accept(
            new AuditLogPage(verifier, context.getBean(Pages.class), Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  private static MockHttpServletRequest request(String lang) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", AuditLogPage.PATH);
    if (lang != null) {
      request.setParameter("lang", lang);
    }
    return request;
  }
}
