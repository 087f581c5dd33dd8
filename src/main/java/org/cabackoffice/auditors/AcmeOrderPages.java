package org.cabackoffice.auditors;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.acme.AcmeOrderRecords;
import org.cabackoffice.audit.TimelineController;
import org.cabackoffice.audit.TimelineCsv;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.timeline.TimelineEntry;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' view of ACME orders (issue 15: "the order is visible to auditors as a process with
 * its evidence"): search by organization, domain, status and period; open one with its timeline in
 * JST (the engine's steps, each challenge's evidence, the identity decision, CAA, lint, CT and
 * signing as the process ran them, revocation), the certificate; take the timeline away as CSV or
 * JSON, as for applications.
 */
@RestController
public class AcmeOrderPages {

  static final String PATH = "/audit/acme-orders";

  private final AcmeOrderRecords orders;
  private final AcmeOrderFiles files;
  private final Pages pages;

  public AcmeOrderPages(AcmeOrderRecords orders, AcmeOrderFiles files, Pages pages) {
    this.orders = orders;
    this.files = files;
    this.pages = pages;
  }

  /** One order as the list shows it. */
  public record Row(long id, String createdAt, String status, String names, String organization, String serial) {
    static Row of(AcmeOrderRecords.Row r) {
      return new Row(r.id(), AuditPages.JST.format(r.createdAt()), r.status(), String.join(", ", r.names()), r.organization(), r.serial());
    }
  }

  @PreAuthorize(AuditPages.AUDITORS)
  @GetMapping(PATH)
  public ResponseEntity<String> search(@RequestParam Map<String, String> p, HttpServletRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("q", p);
    model.put("statuses", List.of("pending", "ready", "processing", "valid", "invalid"));
    model.put("most", AcmeOrderRecords.MOST);
    HttpStatus status = HttpStatus.OK;
    try {
      List<AcmeOrderRecords.Row> found = orders.search(
          new AcmeOrderRecords.Query(p.get("organization"), p.get("domain"), p.get("status"), p.get("from"), p.get("to")),
          BusinessCalendar.ZONE);
      model.put("found", found.stream().limit(AcmeOrderRecords.MOST).map(Row::of).toList());
      model.put("more", found.size() > AcmeOrderRecords.MOST);
    } catch (AcmeOrderRecords.QueryRefusedException e) {
      // The auditor's typing, shown beside the form; nothing for the error log.
      status = HttpStatus.BAD_REQUEST;
      model.put("refusal", e.getMessage());
    }
    return ResponseEntity.status(status).contentType(Pages.HTML).body(pages.render("audit/acme-orders", request, model));
  }

  @PreAuthorize(AuditPages.AUDITORS)
  @GetMapping(PATH + "/{orderId}")
  public ResponseEntity<String> order(@PathVariable long orderId, HttpServletRequest request) {
    AcmeOrderFiles.AcmeOrderFile file = file(orderId);
    Map<String, Object> model = new HashMap<>();
    model.put("file", file);
    model.put("o", file.order());
    model.put("row", Row.of(file.order().row()));
    model.put("timeline", file.timeline().stream().map(AuditPages.Line::of).toList());
    model.put("jst", (java.util.function.Function<Instant, String>) i -> i == null ? "" : AuditPages.JST.format(i));
    return ResponseEntity.ok().contentType(Pages.HTML).body(pages.render("audit/acme-order", request, model));
  }

  @PreAuthorize(AuditPages.AUDITORS)
  @GetMapping(value = PATH + "/{orderId}/timeline.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<TimelineEntry>> timelineJson(@PathVariable long orderId) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("acme-order-" + orderId + "-timeline.json"))
        .body(file(orderId).timeline());
  }

  @PreAuthorize(AuditPages.AUDITORS)
  @GetMapping(PATH + "/{orderId}/timeline.csv")
  public ResponseEntity<String> timelineCsv(@PathVariable long orderId) {
    return ResponseEntity.ok()
        .contentType(TimelineController.TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("acme-order-" + orderId + "-timeline.csv"))
        .body(TimelineCsv.of(file(orderId).timeline()));
  }

  private AcmeOrderFiles.AcmeOrderFile file(long orderId) {
    return files.of(orderId).orElseThrow(() -> new NoSuchOrderException(orderId));
  }

  @ExceptionHandler(NoSuchOrderException.class)
  ProblemDetail notFound(NoSuchOrderException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("No such ACME order");
    return problem;
  }

  /** No order with that id. */
  static class NoSuchOrderException extends RuntimeException {
    NoSuchOrderException(long id) {
      super("no ACME order " + id);
    }
  }

  private static String attachment(String filename) {
    return ContentDisposition.attachment().filename(filename).build().toString();
  }
}
