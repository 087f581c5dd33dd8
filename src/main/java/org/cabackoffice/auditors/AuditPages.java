package org.cabackoffice.auditors;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.application.Application;
import org.cabackoffice.application.ApplicationQuery;
import org.cabackoffice.application.ApplicationQueryRefusedException;
import org.cabackoffice.application.ApplicationSearch;
import org.cabackoffice.application.ApplicationStatus;
import org.cabackoffice.application.Product;
import org.cabackoffice.application.RejectionReason;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.audit.ApplicationTimelines;
import org.cabackoffice.audit.TimelineController;
import org.cabackoffice.audit.TimelineCsv;
import org.cabackoffice.timeline.TimelineEntry;
import org.cabackoffice.timeline.TimelineKind;
import org.springframework.data.domain.Page;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' pages (issue 11; DESIGN.md: auditors replay history, read-only): search
 * applications, open one with its timeline in JST, its documents, invoice, payment, certificate
 * and the diagram of the path its process took; take its timeline away as CSV or JSON, its
 * evidence as a signed bundle, and a period's timelines as CSV or JSON and its evidence as one
 * signed bundle.
 */
@RestController
public class AuditPages {

  static final String PATH = "/audit/applications";

  /** Read-only history: the auditor, and the administrator who answers for the system. */
  static final String AUDITORS = "hasAnyRole('AUDITOR', 'ADMIN')";

  /** Milliseconds: the timeline's order within a second is part of what an auditor reads. */
  static final DateTimeFormatter JST =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS 'JST'").withZone(BusinessCalendar.ZONE);

  /** A period export reads every application of the period: bound it like the list's pages. */
  static final int MAX_PERIOD_APPLICATIONS = 1000;

  private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private final ApplicationSearch search;
  private final ApplicationFiles files;
  private final ProcessDiagrams diagrams;
  private final ApplicationTimelines timelines;
  private final EvidenceBundle bundles;
  private final Pages pages;

  public AuditPages(
      ApplicationSearch search,
      ApplicationFiles files,
      ProcessDiagrams diagrams,
      ApplicationTimelines timelines,
      EvidenceBundle bundles,
      Pages pages) {
    this.search = search;
    this.files = files;
    this.diagrams = diagrams;
    this.timelines = timelines;
    this.bundles = bundles;
    this.pages = pages;
  }

  /** One timeline line as the page shows it. */
  public record Line(String at, TimelineKind kind, String actor, String summary, String reference) {
    static Line of(TimelineEntry e) {
      return new Line(JST.format(e.at()), e.kind(), e.actor(), e.summary(), e.reference());
    }
  }

  @PreAuthorize(AUDITORS)
  @GetMapping(PATH)
  public ResponseEntity<String> search(@RequestParam Map<String, String> p, HttpServletRequest request) {
    Map<String, Object> model = new HashMap<>();
    model.put("q", p);
    model.put("statuses", ApplicationStatus.values());
    model.put("products", Product.values());
    model.put("rejections", RejectionReason.values());
    HttpStatus status = HttpStatus.OK;
    try {
      ApplicationQuery query =
          search.read(
              new ApplicationQuery.Parameters(
                  p.get("status"), p.get("product"), p.get("stage"), p.get("domain"), p.get("organization"),
                  p.get("submittedFrom"), p.get("submittedTo"), p.get("officer"), p.get("rejection"),
                  p.get("page"), p.get("size"), p.get("sort")));
      Page<Application> found = search.search(query, null);
      model.put("found", found.getContent().stream().map(AuditPages::row).toList());
      model.put("page", found.getNumber());
      model.put("totalPages", found.getTotalPages());
      model.put("totalItems", found.getTotalElements());
      model.put("previous", found.hasPrevious() ? pageLink(p, found.getNumber() - 1) : null);
      model.put("next", found.hasNext() ? pageLink(p, found.getNumber() + 1) : null);
    } catch (ApplicationQueryRefusedException e) {
      // The auditor's typing, shown beside the form; nothing for the error log.
      status = HttpStatus.BAD_REQUEST;
      model.put("findings", e.findings());
    }
    return page(status, "audit/search", request, model);
  }

  @PreAuthorize(AUDITORS)
  @GetMapping(PATH + "/{id}")
  public ResponseEntity<String> application(@PathVariable long id, HttpServletRequest request) {
    ApplicationFile file = files.of(id);
    Map<String, Object> model = new HashMap<>();
    model.put("file", file);
    model.put("a", row(file.application()));
    model.put("timeline", file.timeline().entries().stream().map(Line::of).toList());
    model.put("diagrams", diagrams.of(id));
    model.put("jst", (java.util.function.Function<Instant, String>) i -> i == null ? "" : JST.format(i));
    return page(HttpStatus.OK, "audit/application", request, model);
  }

  @PreAuthorize(AUDITORS)
  @GetMapping(value = PATH + "/{id}/timeline.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<TimelineEntry>> timelineJson(@PathVariable long id) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("application-" + id + "-timeline.json"))
        .body(timelines.of(id).entries());
  }

  @PreAuthorize(AUDITORS)
  @GetMapping(PATH + "/{id}/timeline.csv")
  public ResponseEntity<String> timelineCsv(@PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(TimelineController.TEXT_CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("application-" + id + "-timeline.csv"))
        .body(TimelineCsv.of(timelines.of(id).entries()));
  }

  @PreAuthorize(AUDITORS)
  @GetMapping(PATH + "/{id}/evidence.zip")
  public ResponseEntity<byte[]> evidence(@PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(ZIP)
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("application-" + id + "-evidence.zip"))
        .body(bundles.of(files.of(id)));
  }

  /**
   * The timelines of every application submitted in a period (Japanese dates, inclusive), one CSV
   * with the application id first.
   */
  @PreAuthorize(AUDITORS)
  @GetMapping("/audit/timeline.csv")
  public ResponseEntity<String> periodCsv(
      @RequestParam(required = false) String submittedFrom, @RequestParam(required = false) String submittedTo) {
    List<PeriodTimeline> period = period(submittedFrom, submittedTo);
    StringBuilder csv = new StringBuilder("application,").append(TimelineCsv.HEADER).append("\r\n");
    for (PeriodTimeline one : period) {
      String rows = TimelineCsv.of(one.timeline());
      for (String row : rows.substring(rows.indexOf("\r\n") + 2).split("\r\n")) {
        if (!row.isEmpty()) {
          csv.append(one.application()).append(',').append(row).append("\r\n");
        }
      }
    }
    return ResponseEntity.ok()
        .contentType(TimelineController.TEXT_CSV)
        .header("X-Applications", String.valueOf(period.size()))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("timeline-" + submittedFrom + "-" + submittedTo + ".csv"))
        .body(csv.toString());
  }

  /** One application's timeline in a period export. */
  public record PeriodTimeline(long application, List<TimelineEntry> timeline) {}

  /**
   * The same period as {@link #periodCsv} as JSON: one object per application (id order), each
   * with its timeline as the per-application JSON export gives it.
   */
  @PreAuthorize(AUDITORS)
  @GetMapping(value = "/audit/timeline.json", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<List<PeriodTimeline>> periodJson(
      @RequestParam(required = false) String submittedFrom, @RequestParam(required = false) String submittedTo) {
    List<PeriodTimeline> period = period(submittedFrom, submittedTo);
    return ResponseEntity.ok()
        .header("X-Applications", String.valueOf(period.size()))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("timeline-" + submittedFrom + "-" + submittedTo + ".json"))
        .body(period);
  }

  /**
   * The evidence bundle of every application submitted in the period: one signed manifest over
   * each application's files, under {@code application-ID/}.
   */
  @PreAuthorize(AUDITORS)
  @GetMapping("/audit/evidence.zip")
  public ResponseEntity<byte[]> periodEvidence(
      @RequestParam(required = false) String submittedFrom, @RequestParam(required = false) String submittedTo) {
    List<ApplicationFile> period =
        applications(submittedFrom, submittedTo).stream().map(a -> files.of(a.getId())).toList();
    return ResponseEntity.ok()
        .contentType(ZIP)
        .header("X-Applications", String.valueOf(period.size()))
        .header(HttpHeaders.CONTENT_DISPOSITION, attachment("evidence-" + submittedFrom + "-" + submittedTo + ".zip"))
        .body(bundles.ofPeriod(period));
  }

  private List<PeriodTimeline> period(String submittedFrom, String submittedTo) {
    return applications(submittedFrom, submittedTo).stream()
        .map(a -> new PeriodTimeline(a.getId(), timelines.of(a.getId()).entries()))
        .toList();
  }

  /** The applications submitted in the period, id order, refused beyond {@link #MAX_PERIOD_APPLICATIONS}. */
  private List<Application> applications(String submittedFrom, String submittedTo) {
    if (submittedFrom == null || submittedTo == null) {
      throw new PeriodRefusedException("submittedFrom and submittedTo are required, as YYYY-MM-DD (Japanese dates)");
    }
    List<Application> period = new java.util.ArrayList<>();
    int page = 0;
    Page<Application> found;
    do {
      found =
          search.search(
              search.read(
                  new ApplicationQuery.Parameters(
                      null, null, null, null, null, submittedFrom, submittedTo, null, null,
                      String.valueOf(page), String.valueOf(ApplicationQuery.MAX_SIZE), "id,asc")),
              null);
      if (found.getTotalElements() > MAX_PERIOD_APPLICATIONS) {
        throw new PeriodRefusedException(
            "the period holds " + found.getTotalElements() + " applications; export at most "
                + MAX_PERIOD_APPLICATIONS + " at once (a shorter period)");
      }
      period.addAll(found.getContent());
      page++;
    } while (found.hasNext());
    return period;
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(ApplicationQueryRefusedException.class)
  org.springframework.http.ProblemDetail queryRefused(ApplicationQueryRefusedException e) {
    org.springframework.http.ProblemDetail problem =
        org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid period");
    problem.setProperty("findings", e.findings());
    return problem;
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(PeriodRefusedException.class)
  org.springframework.http.ProblemDetail periodRefused(PeriodRefusedException e) {
    org.springframework.http.ProblemDetail problem =
        org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Invalid period");
    return problem;
  }

  /** A period the export will not read. */
  static class PeriodRefusedException extends RuntimeException {
    PeriodRefusedException(String message) {
      super(message);
    }
  }

  /** The list's row: what an auditor tells applications apart by. */
  public record Row(
      long id, String submittedAt, ApplicationStatus status, Product product, String commonName,
      String organization, String rejection) {}

  static Row row(Application a) {
    return new Row(
        a.getId(), JST.format(a.getSubmittedAt()), a.getStatus(), a.getProduct(), a.getCommonName(),
        a.getOrganizationNameEn(), a.getRejectionCode());
  }

  private static String pageLink(Map<String, String> p, int page) {
    StringBuilder link = new StringBuilder("?");
    for (Map.Entry<String, String> e : p.entrySet()) {
      if (!e.getKey().equals("page") && e.getValue() != null && !e.getValue().isBlank()) {
        link.append(org.springframework.web.util.UriUtils.encodeQueryParam(e.getKey(), java.nio.charset.StandardCharsets.UTF_8))
            .append('=')
            .append(org.springframework.web.util.UriUtils.encodeQueryParam(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .append('&');
      }
    }
    return link.append("page=").append(page).toString();
  }

  private static String attachment(String filename) {
    return ContentDisposition.attachment().filename(filename).build().toString();
  }

  private ResponseEntity<String> page(
      HttpStatus status, String template, HttpServletRequest request, Map<String, Object> model) {
    return ResponseEntity.status(status).contentType(Pages.HTML).body(pages.render(template, request, model));
  }
}
