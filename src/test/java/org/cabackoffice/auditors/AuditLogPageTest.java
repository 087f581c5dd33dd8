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
          broken(12, "changed", "row 12's content no longer matches its hash");
          assertThat(page.auditLog("now", request(null)).getBody())
              .contains("まだありません", "行 12: 改変されています", "row 12&#39;s content no longer matches its hash")
              .contains("data-intact=\"false\"");
          assertThat(page.auditLog("now", request("en")).getBody()).contains("Row 12: changed");
          broken(40, "removed", "rows 40 to 41 are missing");
          assertThat(page.auditLog("now", request(null)).getBody()).contains("行 40: 削除されています");
          assertThat(page.auditLog("now", request("en")).getBody()).contains("Row 40: removed");
          broken(7, "inserted", "row 8 was row 7: a row was inserted before it");
          assertThat(page.auditLog("now", request(null)).getBody()).contains("行 7: 挿入されています");
          assertThat(page.auditLog("now", request("en")).getBody()).contains("Row 7: inserted");
          broken(1200, "checkpoint", "the checkpoint at row 1200 has no valid signature");
          assertThat(page.auditLog("now", request("en")).getBody())
              .contains("Row 1200: the signature of its signed checkpoint does not verify");
        });
  }

  @Test
  void saysIntactWithTheRowsAndCheckpointsVerified() {
    when(verifier.summary()).thenReturn(new AuditLogSummary(1234, CHECKPOINT));
    when(verifier.verify()).thenReturn(new AuditLogVerification(true, 1234, null, null, null, 12, CHECKPOINT));
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

  private void broken(long row, String reason, String detail) {
    when(verifier.verify()).thenReturn(new AuditLogVerification(false, 1234, row, reason, detail, 0, null));
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
