package org.cabackoffice.operations;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cabackoffice.pages.Pages;
import org.cabackoffice.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The operations pages under {@code /operations/} (issue 11): the deployed versions of each process,
 * the change history, a form to propose a changed model and forms (as Camunda Modeler saves them),
 * each proposal with what it changes, and the second person's approval or refusal. Auditors read
 * every page (the procedure's history is part of the record) and decide nothing.
 */
@RestController
public class OperationsPages {

  static final String DECIDERS = "hasAnyRole('OPERATIONS', 'ADMIN')";
  static final String READERS = "hasAnyRole('OPERATIONS', 'ADMIN', 'AUDITOR')";

  static final DateTimeFormatter JST =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'JST'").withZone(org.cabackoffice.calendar.BusinessCalendar.ZONE);

  private final ModelChanges changes;
  private final ProcessModels models;
  private final InstanceMigrations migrations;
  private final CurrentUser user;
  private final Pages pages;

  public OperationsPages(
      ModelChanges changes, ProcessModels models, InstanceMigrations migrations, CurrentUser user, Pages pages) {
    this.changes = changes;
    this.models = models;
    this.migrations = migrations;
    this.user = user;
    this.pages = pages;
  }

  /** One version as the list shows it. */
  public record VersionRow(
      String definitionId, int version, String deployment, String deployedAt, long running, boolean current, String currentId) {}

  /** One process with its versions. */
  public record ProcessRow(String key, List<VersionRow> versions) {}

  /** One change as the history shows it. */
  public record ChangeRow(
      long id, String processKey, int baseVersion, String status, String proposedBy, String proposedAt,
      String decidedBy, String decidedAt, Integer deployedVersion, String purpose, String changes, boolean rollback) {
    static ChangeRow of(ModelChange c) {
      return new ChangeRow(
          c.getId(), c.getProcessKey(), c.getBaseVersion(), c.getStatus().name(), c.getProposedBy(),
          jst(c.getProposedAt()), c.getDecidedBy(), jst(c.getDecidedAt()), c.getDefinitionVersion(),
          c.getPurpose(), c.getChanges(), c.getRollbackTo() != null);
    }
  }

  static String jst(Instant at) {
    return at == null ? null : JST.format(at);
  }

  @PreAuthorize(READERS)
  @GetMapping("/operations/models")
  public ResponseEntity<String> models(HttpServletRequest request) {
    return modelsPage(HttpStatus.OK, request, Map.of());
  }

  private ResponseEntity<String> modelsPage(HttpStatus status, HttpServletRequest request, Map<String, Object> extra) {
    Map<String, Object> model = new HashMap<>(extra);
    List<ProcessRow> processes = new ArrayList<>();
    for (String key : models.processKeys()) {
      List<DeployedVersion> versions = models.versions(key);
      String current = versions.isEmpty() ? null : versions.get(0).definitionId();
      processes.add(new ProcessRow(key, versions.stream()
          .map(v -> new VersionRow(v.definitionId(), v.version(), v.deploymentName(), jst(v.deployedAt()),
              v.runningInstances(), v.definitionId().equals(current), current))
          .toList()));
    }
    model.put("processes", processes);
    model.put("changes", changes.recent(50).stream().map(ChangeRow::of).toList());
    model.put("migrations", migrations.recent(50).stream().map(MigrationPages.MigrationRow::of).toList());
    model.put("mayDecide", mayDecide());
    return page(status, "operations/models", request, model);
  }

  @PreAuthorize(DECIDERS)
  @PostMapping("/operations/model-changes")
  public ResponseEntity<String> propose(
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(required = false) String purpose,
      HttpServletRequest request) throws IOException {
    List<ModelResource> resources = new ArrayList<>();
    for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
      if (!file.isEmpty() || file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
        resources.add(new ModelResource(String.valueOf(file.getOriginalFilename()), file.getBytes()));
      }
    }
    try {
      ModelChange change = changes.propose(resources, purpose, user.name());
      return seeOther("/operations/model-changes/" + change.getId(), request);
    } catch (ModelChangeRefusedException e) {
      return modelsPage(HttpStatus.UNPROCESSABLE_ENTITY, request, Map.of("findings", e.findings(), "purpose", purpose == null ? "" : purpose));
    }
  }

  @PreAuthorize(DECIDERS)
  @PostMapping("/operations/rollbacks")
  public ResponseEntity<String> rollback(
      @RequestParam(required = false) String definitionId,
      @RequestParam(required = false) String purpose,
      HttpServletRequest request) {
    try {
      ModelChange change = changes.proposeRollback(definitionId, purpose, user.name());
      return seeOther("/operations/model-changes/" + change.getId(), request);
    } catch (ModelChangeRefusedException e) {
      return modelsPage(HttpStatus.UNPROCESSABLE_ENTITY, request, Map.of("findings", e.findings()));
    }
  }

  @PreAuthorize(READERS)
  @GetMapping("/operations/model-changes/{id}")
  public ResponseEntity<String> change(@PathVariable long id, HttpServletRequest request) {
    return changePage(HttpStatus.OK, id, request, Map.of());
  }

  private ResponseEntity<String> changePage(HttpStatus status, long id, HttpServletRequest request, Map<String, Object> extra) {
    ModelChanges.Proposal proposal = changes.proposal(id);
    ModelChange c = proposal.change();
    Map<String, Object> model = new HashMap<>(extra);
    model.put("c", ChangeRow.of(c));
    model.put("change", c);
    model.put("files", c.getFiles().stream().map(f -> Map.of("name", f.getName(), "sha256", f.getSha256())).toList());
    model.put("differences", proposal.review().differences());
    model.put("stillDeployable", proposal.review().deployable());
    boolean open = c.getStatus() == ModelChange.Status.PROPOSED;
    model.put("open", open && mayDecide());
    model.put("ownProposal", c.getProposedBy().equalsIgnoreCase(user.name()));
    return page(status, "operations/change", request, model);
  }

  @PreAuthorize(DECIDERS)
  @PostMapping("/operations/model-changes/{id}/approval")
  public ResponseEntity<String> approve(
      @PathVariable long id, @RequestParam(required = false) String note, HttpServletRequest request) {
    try {
      changes.approve(id, user.name(), note);
      return seeOther("/operations/model-changes/" + id, request);
    } catch (ModelChangeRefusedException e) {
      return changePage(HttpStatus.UNPROCESSABLE_ENTITY, id, request, Map.of("findings", e.findings()));
    }
  }

  @PreAuthorize(DECIDERS)
  @PostMapping("/operations/model-changes/{id}/refusal")
  public ResponseEntity<String> decline(
      @PathVariable long id, @RequestParam(required = false) String note, HttpServletRequest request) {
    try {
      changes.decline(id, user.name(), note);
      return seeOther("/operations/model-changes/" + id, request);
    } catch (ModelChangeRefusedException e) {
      return changePage(HttpStatus.UNPROCESSABLE_ENTITY, id, request, Map.of("findings", e.findings()));
    }
  }

  @ExceptionHandler(ModelChangeNotFoundException.class)
  org.springframework.http.ProblemDetail notFound(ModelChangeNotFoundException e) {
    org.springframework.http.ProblemDetail problem =
        org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("No such model change");
    return problem;
  }

  private boolean mayDecide() {
    return user.hasRole(org.cabackoffice.access.Roles.OPERATIONS) || user.hasRole(org.cabackoffice.access.Roles.ADMIN);
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
