package org.cabackoffice.operations;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.access.Roles;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Migrating running instances (issue 11), under {@code /operations/migrations}: the plan from an
 * older version to a newer one with the instances it would move and what keeps any of them where
 * it is; the proposal; the second person's approval, after which the instances move; and the
 * outcome. Many instances move as the engine's batch: the page shows its progress and failed
 * jobs, which an operator retries or gives up. Auditors read every page and decide nothing, as
 * for model changes.
 */
@RestController
public class MigrationPages {

  static final String PATH = "/operations/migrations";

  private final InstanceMigrations migrations;
  private final CurrentUser user;
  private final Pages pages;

  public MigrationPages(InstanceMigrations migrations, CurrentUser user, Pages pages) {
    this.migrations = migrations;
    this.user = user;
    this.pages = pages;
  }

  /** A migration as the history lists it. */
  public record MigrationRow(
      long id, String processKey, int sourceVersion, int targetVersion, String status, String proposedBy,
      String proposedAt, String decidedBy, String decidedAt, Integer migrated, Integer failed, String purpose) {
    static MigrationRow of(InstanceMigration m) {
      return new MigrationRow(
          m.getId(), m.getProcessKey(), m.getSourceVersion(), m.getTargetVersion(), m.getStatus().name(),
          m.getProposedBy(), OperationsPages.jst(m.getProposedAt()), m.getDecidedBy(), OperationsPages.jst(m.getDecidedAt()),
          m.getMigratedCount(), m.getFailedCount(), m.getPurpose());
    }
  }

  /** The plan from {@code source} to {@code target}, with the instances on {@code source}. */
  @PreAuthorize(OperationsPages.READERS)
  @GetMapping(PATH + "/new")
  public ResponseEntity<String> preview(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) boolean updateTimers,
      HttpServletRequest request) {
    Map<String, Object> extra = new HashMap<>();
    if (businessKey != null) {
      extra.put("businessKey", businessKey);
    }
    extra.put("updateTimers", updateTimers);
    return previewPage(HttpStatus.OK, source, target, request, extra);
  }

  private ResponseEntity<String> previewPage(
      HttpStatus status, String source, String target, HttpServletRequest request, Map<String, Object> extra) {
    Map<String, Object> model = new HashMap<>(extra);
    model.put("source", source);
    model.put("target", target);
    model.put("mayDecide", mayDecide());
    model.put("most", InstanceMigrations.MOST_INSTANCES);
    model.put("batchThreshold", migrations.batchThreshold());
    try {
      ProcessMigrations.Plan plan = migrations.preview(source, target, (String) extra.get("businessKey"), Boolean.TRUE.equals(extra.get("updateTimers")));
      model.put("plan", plan);
      model.put("timerDue", timerDue(plan));
    } catch (ModelChangeRefusedException e) {
      // A version that does not exist or does not fit: the reason on the page, not in the error log.
      model.put("findings", e.findings());
      status = HttpStatus.BAD_REQUEST;
    }
    return page(status, "operations/migration-new", request, model);
  }

  @PreAuthorize(OperationsPages.DECIDERS)
  @PostMapping(PATH)
  public ResponseEntity<String> propose(
      @RequestParam(required = false) String source,
      @RequestParam(required = false) String target,
      @RequestParam(name = "instance", required = false) List<String> instances,
      @RequestParam(required = false) String purpose,
      @RequestParam(required = false) boolean updateTimers,
      HttpServletRequest request) {
    try {
      InstanceMigration migration = migrations.propose(
          source, target, instances == null ? List.of() : instances, purpose, updateTimers, user.name());
      return seeOther(PATH + "/" + migration.getId(), request);
    } catch (ModelChangeRefusedException e) {
      return previewPage(HttpStatus.UNPROCESSABLE_ENTITY, source, target, request,
          Map.of("proposalFindings", e.findings(), "purpose", purpose == null ? "" : purpose, "updateTimers", updateTimers));
    }
  }

  @PreAuthorize(OperationsPages.READERS)
  @GetMapping(PATH + "/{migrationId}")
  public ResponseEntity<String> migration(@PathVariable("migrationId") long id, HttpServletRequest request) {
    return migrationPage(HttpStatus.OK, id, request, Map.of());
  }

  private ResponseEntity<String> migrationPage(HttpStatus status, long id, HttpServletRequest request, Map<String, Object> extra) {
    // A batch that has ended is recorded as the page is read, not only by the next scheduled look.
    InstanceMigration m = migrations.settle(migrations.migration(id));
    Map<String, Object> model = new HashMap<>(extra);
    migrations.progress(m).ifPresent(p -> model.put("progress", p));
    model.put("timers", m.timerLines());
    model.put("m", MigrationRow.of(m));
    model.put("migration", m);
    boolean open = m.getStatus() == InstanceMigration.Status.PROPOSED;
    if (open) {
      // The approver reads the plan as the engine sees it now: instances may have moved on.
      ProcessMigrations.Plan plan = migrations.currentPlan(m);
      model.put("plan", plan);
      model.put("timerDue", timerDue(plan));
    }
    model.put("instances", m.instances());
    model.put("failures", m.failureLines());
    model.put("open", open && mayDecide());
    model.put("mayDecide", mayDecide());
    model.put("ownProposal", m.getProposedBy().equalsIgnoreCase(user.name()));
    return page(status, "operations/migration", request, model);
  }

  @PreAuthorize(OperationsPages.DECIDERS)
  @PostMapping(PATH + "/{migrationId}/approval")
  public ResponseEntity<String> approve(
      @PathVariable("migrationId") long id, @RequestParam(required = false) String note, HttpServletRequest request) {
    return act(id, request, () -> migrations.approve(id, user.name(), note));
  }

  @PreAuthorize(OperationsPages.DECIDERS)
  @PostMapping(PATH + "/{migrationId}/refusal")
  public ResponseEntity<String> decline(
      @PathVariable("migrationId") long id, @RequestParam(required = false) String note, HttpServletRequest request) {
    return act(id, request, () -> migrations.decline(id, user.name(), note));
  }

  /** Gives the batch's failed jobs another try. */
  @PreAuthorize(OperationsPages.DECIDERS)
  @PostMapping(PATH + "/{migrationId}/retries")
  public ResponseEntity<String> retry(@PathVariable("migrationId") long id, HttpServletRequest request) {
    return act(id, request, () -> migrations.retryFailedJobs(id, user.name()));
  }

  /** Gives the batch up: the instances it has not moved stay on their version, with the reason. */
  @PreAuthorize(OperationsPages.DECIDERS)
  @PostMapping(PATH + "/{migrationId}/abandonment")
  public ResponseEntity<String> abandon(
      @PathVariable("migrationId") long id, @RequestParam(required = false) String note, HttpServletRequest request) {
    return act(id, request, () -> migrations.abandon(id, user.name(), note));
  }

  /** A decision on the migration: back to its page, or the page again with the refusal's reasons. */
  private ResponseEntity<String> act(long id, HttpServletRequest request, Runnable decision) {
    try {
      decision.run();
      return seeOther(PATH + "/" + id, request);
    } catch (ModelChangeRefusedException e) {
      return migrationPage(HttpStatus.UNPROCESSABLE_ENTITY, id, request, Map.of("findings", e.findings()));
    }
  }

  @ExceptionHandler(ModelChangeNotFoundException.class)
  ProblemDetail notFound(ModelChangeNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage().replace("model change", "migration"));
    problem.setTitle("No such migration");
    return problem;
  }

  /** A timer of an instance on the plan page: its due date now and after the move (null: the engine computes it then). */
  public record TimerDue(String activity, String now, String afterMove) {}

  /** Each instance's timers, the after side as if it moved now. */
  static Map<String, List<TimerDue>> timerDue(ProcessMigrations.Plan plan) {
    java.time.Instant now = java.time.Instant.now();
    Map<String, List<TimerDue>> due = new HashMap<>();
    for (ProcessMigrations.RunningInstance i : plan.instances()) {
      due.put(i.id(), i.timers().stream().map(t -> new TimerDue(
          t.activity(), OperationsPages.jst(t.due()), plan.dueAfter(t, now).map(OperationsPages::jst).orElse(null))).toList());
    }
    return due;
  }

  private boolean mayDecide() {
    return user.hasRole(Roles.OPERATIONS) || user.hasRole(Roles.ADMIN);
  }

  private static ResponseEntity<String> seeOther(String path, HttpServletRequest request) {
    String lang = request.getParameter("lang");
    String target = "en".equals(lang) || "ja".equals(lang) ? path + "?lang=" + lang : path;
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(target)).build();
  }

  private ResponseEntity<String> page(HttpStatus status, String template, HttpServletRequest request, Map<String, Object> model) {
    return ResponseEntity.status(status).contentType(Pages.HTML).body(pages.render(template, request, model));
  }
}
