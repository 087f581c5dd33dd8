package org.cabackoffice.auditors;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.cabackoffice.auditlog.AuditLogSummary;
import org.cabackoffice.auditlog.AuditLogVerification;
import org.cabackoffice.auditlog.AuditLogVerifier;
import org.cabackoffice.pages.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log for auditors (issue 11): how many rows it holds, the last signed checkpoint, and a
 * verification on request naming the first row changed, removed or inserted. Verifying reads and
 * changes nothing, so "verify now" is a GET like the other auditors' pages (whose chain admits GET
 * only); it reads the whole log, which is why the page does not verify unasked.
 */
@RestController
public class AuditLogPage {

  static final String PATH = "/audit/audit-log";

  private final AuditLogVerifier verifier;
  private final Pages pages;
  private final Clock clock;

  public AuditLogPage(AuditLogVerifier verifier, Pages pages, Clock clock) {
    this.verifier = verifier;
    this.pages = pages;
    this.clock = clock;
  }

  /** The last checkpoint as the page shows it. */
  public record Checkpoint(long seq, String signedAt, String rowHash, String signedText, String signature) {}

  /**
   * A verification's answer as the page shows it: {@code reason} keys the message that names the
   * break and {@code detailKey} the one that says what was seen, with {@code detailRows} as its
   * arguments, so the detail reads in the page's language like the rest.
   */
  public record Result(
      boolean intact, long rows, Long firstBrokenRow, String reason, String detailKey, Object[] detailRows, int checkpoints) {}

  @PreAuthorize(AuditPages.AUDITORS)
  @GetMapping(PATH)
  public ResponseEntity<String> auditLog(@RequestParam(required = false) String verify, HttpServletRequest request) {
    Map<String, Object> model = new HashMap<>();
    AuditLogSummary summary = verifier.summary();
    model.put("rows", summary.rows());
    model.put("checkpoint", summary.lastCheckpoint() == null ? null : checkpoint(summary.lastCheckpoint()));
    if (verify != null) {
      AuditLogVerification v = verifier.verify();
      model.put(
          "result",
          new Result(
              v.intact(), v.rows(), v.firstBrokenRow(), v.reason(),
              v.chainBreak() == null ? null : "auditLog.break." + v.chainBreak().key(), v.chainBreakRows().toArray(),
              v.checkpoints()));
      model.put("verifiedAt", AuditPages.JST.format(clock.instant()));
    }
    return ResponseEntity.ok().contentType(Pages.HTML).body(pages.render("audit/audit-log", request, model));
  }

  private static Checkpoint checkpoint(org.cabackoffice.auditlog.AuditCheckpoint c) {
    return new Checkpoint(c.seq(), AuditPages.JST.format(c.signedAt()), c.rowHash(), c.signedText(), c.signature());
  }
}
