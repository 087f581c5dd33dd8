package org.cabackoffice.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A proposal to move running instances from one version of a process to another, kept for good
 * with its plan, the instances it named, who proposed and approved it, and what came of it: how
 * many moved and, for each that did not, the engine's reason (BR 5.4.1: which procedure a
 * certificate went through is part of its record). The audit log takes in each row as it
 * changes.
 */
@Entity
@Table(name = "instance_migration")
public class InstanceMigration {

  public enum Status {
    /** Planned and validated; waiting for a second person. */
    PROPOSED,
    /**
     * Approved; the instances are being moved one by one. A record left here longer than a
     * migration takes was interrupted (its node stopped): {@link InstanceMigrations#settle()}
     * hands the instances not moved yet to the engine's batch and the record becomes
     * {@code RUNNING}.
     */
    APPROVED,
    /** Approved; the engine's batch {@link #getBatchId()} moves the instances. */
    RUNNING,
    /** Run: see the migrated count and the failures. */
    MIGRATED,
    /** The batch was given up (or removed) before every instance moved: see the failures. */
    FAILED,
    DECLINED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "process_key", nullable = false, updatable = false, length = 64)
  private String processKey;

  @Column(name = "source_definition_id", nullable = false, updatable = false, length = 64)
  private String sourceDefinitionId;

  @Column(name = "source_version", nullable = false, updatable = false)
  private int sourceVersion;

  @Column(name = "target_definition_id", nullable = false, updatable = false, length = 64)
  private String targetDefinitionId;

  @Column(name = "target_version", nullable = false, updatable = false)
  private int targetVersion;

  @Column(nullable = false, updatable = false, length = 2000)
  private String purpose;

  /** The plan as the approver saw it: {@code source → target} per mapping. */
  @Column(name = "mappings", nullable = false, updatable = false, length = 8000)
  private String mappings;

  /** The instances to move, by process instance id, space-separated. */
  @Column(name = "instance_ids", nullable = false, updatable = false, length = 100000)
  private String instanceIds;

  /** Timer events are created anew from the new version's definitions (else they keep their due dates). */
  @Column(name = "update_timers", nullable = false, updatable = false)
  private boolean updateTimers;

  /** The engine's batch that moves the instances, when there were too many to move in one request. */
  @Column(name = "batch_id", length = 64)
  private String batchId;

  /** The instances' timers before and after the move: {@code id activity: due before → due after}. */
  @Column(name = "timers", length = 8000)
  private String timers;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Status status;

  @Column(name = "proposed_by", nullable = false, updatable = false, length = 64)
  private String proposedBy;

  @Column(name = "proposed_at", nullable = false, updatable = false)
  private Instant proposedAt;

  @Column(name = "decided_by", length = 64)
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_note", length = 2000)
  private String decisionNote;

  @Column(name = "migrated_count")
  private Integer migratedCount;

  @Column(name = "failed_count")
  private Integer failedCount;

  /** One line per instance that stayed: {@code id: the engine's reason}. */
  @Column(name = "failures", length = 8000)
  private String failures;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Version private long version;

  protected InstanceMigration() {}

  InstanceMigration(
      ProcessMigrations.Plan plan, List<String> instanceIds, String purpose, String proposedBy, Instant proposedAt) {
    this.updateTimers = plan.updateTimers();
    this.processKey = plan.processKey();
    this.sourceDefinitionId = plan.sourceDefinitionId();
    this.sourceVersion = plan.sourceVersion();
    this.targetDefinitionId = plan.targetDefinitionId();
    this.targetVersion = plan.targetVersion();
    this.purpose = purpose;
    // The renamed activities in full; equal ids by number (the engine maps them by id).
    this.mappings = InstanceMigrations.clip((plan.mappings().size() - plan.renamedCount()) + " activities by equal id"
        + plan.mappings().stream().filter(ProcessMigrations.Mapping::renamed)
            .map(m -> "; " + m.sourceActivity() + " → " + m.targetActivity()).reduce("", String::concat), 8000);
    this.instanceIds = String.join(" ", instanceIds);
    this.status = Status.PROPOSED;
    this.proposedBy = proposedBy;
    this.proposedAt = proposedAt;
  }

  void approved(String by, Instant at, String note) {
    this.status = Status.APPROVED;
    this.decidedBy = by;
    this.decidedAt = at;
    this.decisionNote = note;
  }

  /** The batch took the instances over; those left out (the plan cannot carry them) are the first failures. */
  void running(String batchId, List<String> leftOut) {
    this.status = Status.RUNNING;
    this.batchId = batchId;
    this.failures = leftOut.isEmpty() ? null : InstanceMigrations.clip(String.join("\n", leftOut), 8000);
  }

  /** Instances the plan cannot carry, listed before the outcome is taken from the engine. */
  void stayed(List<String> lines) {
    this.failures = lines.isEmpty() ? null : InstanceMigrations.clip(String.join("\n", lines), 8000);
  }

  void timersMoved(List<String> lines) {
    this.timers = lines.isEmpty() ? null : InstanceMigrations.clip(String.join("\n", lines), 8000);
  }

  void finished(int migrated, List<String> failureLines, Instant at) {
    finished(Status.MIGRATED, migrated, failureLines, at);
  }

  void finished(Status outcome, int migrated, List<String> failureLines, Instant at) {
    this.status = outcome;
    this.migratedCount = migrated;
    this.failedCount = failureLines.size();
    this.failures = failureLines.isEmpty() ? null : InstanceMigrations.clip(String.join("\n", failureLines), 8000);
    this.finishedAt = at;
  }

  void declined(String by, Instant at, String note) {
    this.status = Status.DECLINED;
    this.decidedBy = by;
    this.decidedAt = at;
    this.decisionNote = note;
  }

  public List<String> instances() {
    return instanceIds.isBlank() ? List.of() : Arrays.asList(instanceIds.split(" "));
  }

  public List<String> timerLines() {
    return timers == null ? List.of() : Arrays.asList(timers.split("\n"));
  }

  public boolean isUpdateTimers() {
    return updateTimers;
  }

  public String getBatchId() {
    return batchId;
  }

  public List<String> failureLines() {
    return failures == null ? List.of() : Arrays.asList(failures.split("\n"));
  }

  public Long getId() {
    return id;
  }

  public String getProcessKey() {
    return processKey;
  }

  public String getSourceDefinitionId() {
    return sourceDefinitionId;
  }

  public int getSourceVersion() {
    return sourceVersion;
  }

  public String getTargetDefinitionId() {
    return targetDefinitionId;
  }

  public int getTargetVersion() {
    return targetVersion;
  }

  public String getPurpose() {
    return purpose;
  }

  public String getMappings() {
    return mappings;
  }

  public Status getStatus() {
    return status;
  }

  public String getProposedBy() {
    return proposedBy;
  }

  public Instant getProposedAt() {
    return proposedAt;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getDecisionNote() {
    return decisionNote;
  }

  public Integer getMigratedCount() {
    return migratedCount;
  }

  public Integer getFailedCount() {
    return failedCount;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }
}
