package org.cabackoffice.audit;

import org.cabackoffice.timeline.TimelineEntry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application's timeline for auditors and officers (DESIGN.md: auditors replay its history).
 * Customers have no access: the timeline names staff, WHOIS contacts and internal checks.
 */
@RestController
public class TimelineController {

  /** RFC 4180's type; the summaries hold Japanese mail subjects, hence the charset. */
  public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final ApplicationTimelines timelines;

  public TimelineController(ApplicationTimelines timelines) {
    this.timelines = timelines;
  }

  @GetMapping("/api/applications/{id}/timeline")
  @PreAuthorize("hasAnyRole('AUDITOR', 'OFFICER', 'SENIOR_OFFICER')")
  public List<TimelineEntry> timeline(@PathVariable long id) {
    return timelines.of(id).entries();
  }

  @GetMapping("/api/applications/{id}/timeline.csv")
  @PreAuthorize("hasAnyRole('AUDITOR', 'OFFICER', 'SENIOR_OFFICER')")
  public ResponseEntity<String> timelineCsv(@PathVariable long id) {
    String csv = TimelineCsv.of(timelines.of(id).entries());
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("application-" + id + "-timeline.csv")
                .build()
                .toString())
        .body(csv);
  }
}
