package org.cabackoffice.automationtest;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.cabackoffice.access.Roles;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /operations/automation-test}: the automation test certificate's last success, next due
 * run, an open incident when the last attempt failed, and the attempts; operations may start a
 * renewal now. Auditors read it.
 */
@RestController
public class AutomationTestPage {

  static final String PAGE = "/operations/automation-test";
  private static final DateTimeFormatter JST =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'JST'").withZone(BusinessCalendar.ZONE);

  /** One attempt as the table shows it. */
  public record RunRow(
      long id, String startedAt, String startedBy, String result, String serial, String notAfter, String problem) {
    static RunRow of(AutomationTestRun run) {
      return new RunRow(run.getId(), jst(run.getStartedAt()), run.getStartedBy(), run.getResult().name(),
          run.getSerial(), jst(run.getNotAfter()), run.getProblem());
    }
  }

  private final AutomationTestRuns runs;
  private final AutomationTestRenewal renewal;
  private final AutomationTestProperties properties;
  private final CurrentUser user;
  private final Pages pages;

  public AutomationTestPage(
      AutomationTestRuns runs,
      AutomationTestRenewal renewal,
      AutomationTestProperties properties,
      CurrentUser user,
      Pages pages) {
    this.runs = runs;
    this.renewal = renewal;
    this.properties = properties;
    this.user = user;
    this.pages = pages;
  }

  @GetMapping(PAGE)
  @PreAuthorize("hasAnyRole('" + Roles.OPERATIONS + "','" + Roles.ADMIN + "','" + Roles.AUDITOR + "')")
  public ResponseEntity<String> page(HttpServletRequest request) {
    AutomationTestRuns.Status status = runs.status();
    Map<String, Object> model = new HashMap<>();
    model.put("enabled", properties.enabled());
    model.put("domain", properties.domain());
    model.put("customer", properties.customer());
    model.put("lastSuccess", status.lastSuccess().map(RunRow::of).orElse(null));
    model.put("nextDue", properties.enabled() ? jst(status.nextDue()) : null);
    model.put("incident", status.openIncident().map(RunRow::of).orElse(null));
    model.put("running", status.running());
    model.put("started", request.getParameter("started") != null);
    model.put("mayRun", properties.enabled() && (user.hasRole(Roles.OPERATIONS) || user.hasRole(Roles.ADMIN)));
    model.put("runs", runs.recent().stream().map(RunRow::of).toList());
    return ResponseEntity.ok().contentType(Pages.HTML).body(pages.render("operations/automation-test", request, model));
  }

  /** Renew now (after a fix, or to see it work); refused while an attempt runs or the test is off. */
  @PostMapping(PAGE + "/runs")
  @PreAuthorize("hasAnyRole('" + Roles.OPERATIONS + "','" + Roles.ADMIN + "')")
  public ResponseEntity<Object> runNow(HttpServletRequest request) {
    if (!properties.enabled()) {
      return refused("the automation test is off (backoffice.automation-test.enabled)");
    }
    if (renewal.start(user.name()).isEmpty()) {
      return refused("an attempt is under way; wait for its result");
    }
    String lang = request.getParameter("lang");
    String query = "en".equals(lang) || "ja".equals(lang) ? "?started&lang=" + lang : "?started";
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(PAGE + query)).build();
  }

  private static ResponseEntity<Object> refused(String reason) {
    org.springframework.http.ProblemDetail problem =
        org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, reason);
    problem.setTitle("Automation test not started");
    problem.setProperty("code", "automation-test.not-started");
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  private static String jst(Instant at) {
    return at == null ? null : JST.format(at);
  }
}
