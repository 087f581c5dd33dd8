package org.cabackoffice.operations;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cabackoffice.access.FourEyes;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only path by which a model reaches the engine at run time (issue 11): propose (checked at
 * once), then a second person approves and it is deployed, or declines. Four eyes as for issuance
 * (EV Guidelines 5.2.4 asks it there; a changed procedure can skip every control, so it is asked
 * here too): whoever proposed a change cannot approve it.
 */
@Service
public class ModelChanges {

  /** A deployment resource name as bpmn/ and forms/ have them: no folders, no odd characters. */
  static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}\\.(bpmn|form)");

  static final int LONGEST_FILE = 2 * 1024 * 1024;
  static final int MOST_FILES = 40;
  static final int LONGEST_TEXT = 2000;

  private final ProcessModels models;
  private final ModelChangeRepository changes;
  private final Clock clock;

  public ModelChanges(ProcessModels models, ModelChangeRepository changes, Clock clock) {
    this.models = models;
    this.changes = changes;
    this.clock = clock;
  }

  /** The proposed change with its review against the version it was proposed for. */
  public record Proposal(ModelChange change, ModelReview review) {}

  /**
   * Checks the files and records the proposal; refused with every finding when the model may not
   * be deployed, so nothing unfit waits for approval.
   */
  @Transactional
  public ModelChange propose(List<ModelResource> files, String purpose, String proposer) {
    List<ModelFinding> refusals = shape(files, purpose);
    if (!refusals.isEmpty()) {
      throw new ModelChangeRefusedException(refusals);
    }
    ModelResource model = files.stream().filter(ModelResource::isModel).findFirst().orElseThrow();
    String key = models.processKeyOf(model).orElseThrow(
        () -> new ModelChangeRefusedException("parses", model.name() + " is no BPMN model with one executable process"));
    DeployedVersion base = models.latest(key).orElseThrow(
        () -> new ModelChangeRefusedException("process", "no deployed process " + key + " to change; the back office runs " + models.processKeys()));
    return record(files, purpose, proposer, base, null);
  }

  /** Proposes an earlier version's model and forms again: a rollback takes the same path. */
  @Transactional
  public ModelChange proposeRollback(String definitionId, String purpose, String proposer) {
    if (purpose == null || purpose.isBlank() || purpose.length() > LONGEST_TEXT) {
      throw new ModelChangeRefusedException("purpose", "say why, in at most " + LONGEST_TEXT + " characters");
    }
    DeployedVersion target = models.version(definitionId == null ? "" : definitionId).orElseThrow(
        () -> new ModelChangeRefusedException("version", "no deployed version " + definitionId));
    DeployedVersion base = models.latest(target.processKey()).orElseThrow();
    if (base.definitionId().equals(target.definitionId())) {
      throw new ModelChangeRefusedException("version", "version " + target.version() + " is the deployed one already");
    }
    return record(target.modelAndForms(target.modelName()), purpose, proposer, base, target.definitionId());
  }

  private ModelChange record(
      List<ModelResource> files, String purpose, String proposer, DeployedVersion base, String rollbackTo) {
    ModelReview review = models.review(files, base);
    if (!review.deployable()) {
      throw new ModelChangeRefusedException(review.findings());
    }
    if (review.differences().isEmpty()) {
      throw new ModelChangeRefusedException("unchanged", "the files are those of the deployed version " + base.version() + "; nothing to deploy");
    }
    return changes.save(new ModelChange(base, rollbackTo, purpose.strip(), files, review, proposer, clock.instant()));
  }

  /**
   * A second person approves: checked again against the version deployed now (another change may
   * have been deployed since it was proposed), then deployed.
   */
  @Transactional
  public ModelChange approve(long id, String approver, String note) {
    ModelChange change = open(id, approver, note);
    if (!new FourEyes(change.getProposedBy()).admits(approver)) {
      throw new ModelChangeRefusedException(
          "four-eyes", "a change is approved by someone other than its proposer (" + change.getProposedBy() + ")");
    }
    DeployedVersion base = models.latest(change.getProcessKey()).orElseThrow();
    if (!base.definitionId().equals(change.getBaseDefinitionId())) {
      throw new ModelChangeRefusedException(
          "base",
          "version " + base.version() + " was deployed after this change was proposed against version "
              + change.getBaseVersion() + "; decline it and propose it again against the current version");
    }
    ModelReview review = models.review(change.resources(), base);
    if (!review.deployable()) {
      throw new ModelChangeRefusedException(review.findings());
    }
    DeployedVersion deployed = models.deploy("model-change-" + change.getId(), change.resources(), base);
    change.deployed(approver, clock.instant(), blankToNull(note), deployed);
    return change;
  }

  /** Declines a proposal; its proposer may withdraw it the same way. */
  @Transactional
  public ModelChange decline(long id, String by, String note) {
    ModelChange change = open(id, by, note);
    if (note == null || note.isBlank()) {
      throw new ModelChangeRefusedException("note", "say why the change is declined");
    }
    change.declined(by, clock.instant(), note.strip());
    return change;
  }

  private ModelChange open(long id, String by, String note) {
    if (note != null && note.length() > LONGEST_TEXT) {
      throw new ModelChangeRefusedException("note", "at most " + LONGEST_TEXT + " characters");
    }
    ModelChange change = changes.findById(id).orElseThrow(() -> new ModelChangeNotFoundException(id));
    if (change.getStatus() != ModelChange.Status.PROPOSED) {
      throw new ModelChangeRefusedException(
          "status", "change " + id + " is " + change.getStatus() + " (by " + change.getDecidedBy() + "); it was decided already");
    }
    return change;
  }

  @Transactional(readOnly = true)
  public Proposal proposal(long id) {
    ModelChange change = changes.findById(id).orElseThrow(() -> new ModelChangeNotFoundException(id));
    DeployedVersion base = models.version(change.getBaseDefinitionId()).orElseThrow();
    change.getFiles().size(); // the page lists them after the transaction
    return new Proposal(change, models.review(change.resources(), base));
  }

  @Transactional(readOnly = true)
  public List<ModelChange> recent(int count) {
    return changes.findByOrderByIdDesc(PageRequest.of(0, count));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** What the path refuses before reading a model: the shape of the upload. */
  static List<ModelFinding> shape(List<ModelResource> files, String purpose) {
    List<ModelFinding> findings = new ArrayList<>();
    if (purpose == null || purpose.isBlank()) {
      findings.add(new ModelFinding("purpose", null, "say what the change is for; the approver and the auditor read it"));
    } else if (purpose.length() > LONGEST_TEXT) {
      findings.add(new ModelFinding("purpose", null, "at most " + LONGEST_TEXT + " characters"));
    }
    if (files.size() > MOST_FILES) {
      findings.add(new ModelFinding("files", null, "at most " + MOST_FILES + " files in one change"));
    }
    Set<String> seen = new java.util.HashSet<>();
    for (ModelResource file : files) {
      if (!FILE_NAME.matcher(file.name()).matches()) {
        findings.add(new ModelFinding("files", file.name(), "a model is a .bpmn file and a form a .form file, named with letters, digits, '.', '_' and '-'"));
      } else if (!seen.add(file.name())) {
        findings.add(new ModelFinding("files", file.name(), "given twice"));
      }
      if (file.content().length == 0) {
        findings.add(new ModelFinding("files", file.name(), "is empty"));
      } else if (file.content().length > LONGEST_FILE) {
        findings.add(new ModelFinding("files", file.name(), "is larger than " + LONGEST_FILE / 1024 + " KiB"));
      }
    }
    long models = files.stream().filter(ModelResource::isModel).count();
    if (models != 1) {
      findings.add(new ModelFinding(
          "files", null,
          "one change carries exactly one .bpmn model (found " + models + "); forms take effect with a new version of the model that uses them"));
    }
    return findings;
  }

}
