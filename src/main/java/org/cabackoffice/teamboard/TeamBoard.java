package org.cabackoffice.teamboard;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cabackoffice.application.Product;
import org.cabackoffice.calendar.BusinessCalendar;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The officers' board (issue 11: Tasklist's entries looked alike). Tasks sort by due date, the
 * service level's deadline in business days; express applications first when asked. Each entry
 * opens the task in Tasklist and the application's record.
 */
@RestController
public class TeamBoard {

  static final String OFFICERS = "hasAnyRole('OFFICER', 'SENIOR_OFFICER')";
  static final int PAGE_SIZE = 20;
  static final Set<String> VIEWS = Set.of("team", "mine", "unassigned");
  static final Set<String> SORTS = Set.of("due", "waiting");

  static final DateTimeFormatter JST =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'JST'").withZone(BusinessCalendar.ZONE);

  private final BoardTasks tasks;
  private final CurrentUser user;
  private final Pages pages;
  private final Clock clock;

  public TeamBoard(BoardTasks tasks, CurrentUser user, Pages pages, Clock clock) {
    this.tasks = tasks;
    this.user = user;
    this.pages = pages;
    this.clock = clock;
  }

  /** One line of the board. */
  public record Row(
      String taskId, Long applicationId, String commonName, String organization, String product, boolean express,
      String stage, String step, String instructions, String due, boolean overdue, String waited, String assignee,
      String tasklist) {}

  /** One customer wait. */
  public record WaitRow(
      Long applicationId, String commonName, String organization, String waitsFor, String since, String waited,
      String nextReminder, String expires) {}

  @PreAuthorize(OFFICERS)
  @GetMapping("/team/board")
  public ResponseEntity<String> board(@RequestParam Map<String, String> p, HttpServletRequest request) {
    Map<String, Object> model = new HashMap<>();
    List<String> findings = new ArrayList<>();
    String view = p.getOrDefault("view", "team");
    if (!VIEWS.contains(view)) {
      findings.add("view: one of " + VIEWS);
    }
    String sort = p.getOrDefault("sort", "due");
    if (!SORTS.contains(sort)) {
      findings.add("sort: one of " + SORTS);
    }
    String product = blankToNull(p.get("product"));
    if (product != null && java.util.Arrays.stream(Product.values()).noneMatch(v -> v.name().equals(product))) {
      findings.add("product: one of " + java.util.Arrays.toString(Product.values()));
    }
    List<BoardTasks.Stage> stages = tasks.stages();
    String stage = blankToNull(p.get("stage"));
    if (stage != null && stages.stream().noneMatch(s -> s.id().equals(stage))) {
      findings.add("stage: one of " + stages.stream().map(BoardTasks.Stage::id).toList());
    }
    int page = 0;
    try {
      page = Integer.parseInt(p.getOrDefault("page", "0"));
      if (page < 0 || page > 10_000) {
        findings.add("page: from 0 to 10000");
      }
    } catch (NumberFormatException e) {
      findings.add("page: a number");
    }
    model.put("q", p);
    model.put("view", view);
    model.put("stages", stages);
    model.put("products", Product.values());
    if (!findings.isEmpty()) {
      // The officer's typing, shown beside the filters; nothing for the error log.
      model.put("findings", findings);
      return page(HttpStatus.BAD_REQUEST, request, model);
    }
    Instant now = clock.instant();
    boolean overdue = "on".equals(p.get("overdue")) || "true".equals(p.get("overdue"));
    boolean expressFirst = "on".equals(p.get("expressFirst")) || "true".equals(p.get("expressFirst"));
    BoardTasks.Found found =
        tasks.tasks(new BoardTasks.Query(view, stage, product, overdue, expressFirst, sort, page, PAGE_SIZE), user.name(), now);
    model.put("rows", found.entries().stream().map(e -> row(e, now)).toList());
    model.put("total", found.total());
    int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    model.put("page", page);
    model.put("totalPages", pages);
    model.put("previous", page > 0 ? pageLink(p, page - 1) : null);
    model.put("next", page + 1 < pages ? pageLink(p, page + 1) : null);
    model.put("waiting", tasks.waitingForCustomers(50).stream().map(w -> waitRow(w, now)).toList());
    return page(HttpStatus.OK, request, model);
  }

  static Row row(BoardTasks.Entry e, Instant now) {
    return new Row(
        e.taskId(), e.applicationId(), e.commonName(), e.organization(), e.product(), e.express(), e.stage(), e.step(),
        e.instructions(), e.due() == null ? null : JST.format(e.due()), e.due() != null && e.due().isBefore(now),
        waited(e.created(), now), e.assignee(), "/camunda/app/tasklist/default/#/?task=" + e.taskId());
  }

  static WaitRow waitRow(BoardTasks.Waiting w, Instant now) {
    return new WaitRow(
        w.applicationId(), w.commonName(), w.organization(), w.waitsFor(), w.since() == null ? null : JST.format(w.since()),
        waited(w.since(), now), w.nextReminder() == null ? null : JST.format(w.nextReminder()),
        w.expires() == null ? null : JST.format(w.expires()));
  }

  /** "3d 4h", "5h 10m", "12m": how long, at a glance. */
  static String waited(Instant since, Instant now) {
    if (since == null) {
      return null;
    }
    Duration d = Duration.between(since, now);
    if (d.isNegative()) {
      return "0m";
    }
    if (d.toDays() > 0) {
      return d.toDays() + "d " + d.toHoursPart() + "h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h " + d.toMinutesPart() + "m";
    }
    return d.toMinutes() + "m";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String pageLink(Map<String, String> p, int page) {
    StringBuilder link = new StringBuilder("?");
    for (Map.Entry<String, String> e : p.entrySet()) {
      if (!e.getKey().equals("page") && e.getValue() != null && !e.getValue().isBlank()) {
        link.append(UriUtils.encodeQueryParam(e.getKey(), StandardCharsets.UTF_8)).append('=')
            .append(UriUtils.encodeQueryParam(e.getValue(), StandardCharsets.UTF_8)).append('&');
      }
    }
    return link.append("page=").append(page).toString();
  }

  private ResponseEntity<String> page(HttpStatus status, HttpServletRequest request, Map<String, Object> model) {
    return ResponseEntity.status(status).contentType(Pages.HTML).body(pages.render("team/board", request, model));
  }
}
