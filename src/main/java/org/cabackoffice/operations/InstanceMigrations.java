package org.cabackoffice.operations;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cabackoffice.access.FourEyes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Moving running instances to a newer version of their process (issue 11): propose (the engine
 * builds and validates the plan at once, so nothing it refuses waits for approval), then a second
 * person approves and the instances move, or declines. Four eyes as for model changes: a moved
 * instance runs the rest of its procedure on a model its proposer chose, so whoever proposed a
 * migration cannot approve it.
 *
 * <p>Up to {@code batch-threshold} instances (100 unless configured) move synchronously, each in
 * its own transaction: one that the engine refuses stays on its version and is listed with the
 * reason, and the others move. The decision is committed before the first instance moves and the
 * outcome after the last; a record left {@code APPROVED} longer than {@link #INTERRUPTED_AFTER} was
 * interrupted (its node stopped), and {@link #settle()} resumes it: the instances not moved yet go
 * to the engine's batch, as if there had been many.
 *
 * <p>More instances (up to {@link #MOST_INSTANCES}) move as the engine's batch: the decision, the
 * batch and the record naming it ({@code RUNNING}) commit together, the jobs run on whichever
 * node's job executor takes them, and {@link #settle()}, run every half minute on every node and
 * when the page is read, records the outcome once the engine has removed the batch. A node that
 * stops interrupts nothing: its jobs' locks expire and another node runs them.
 */
@Service
public class InstanceMigrations {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(InstanceMigrations.class);

  /** The most instances one migration names (the record keeps their ids); more go in another. */
  public static final int MOST_INSTANCES = 2000;

  /**
   * Longer than any synchronous migration of {@code batch-threshold} instances takes (each move
   * is one short engine command): an {@code APPROVED} record this old lost its node.
   */
  static final Duration INTERRUPTED_AFTER = Duration.ofMinutes(10);

  private final ProcessModels models;
  private final ProcessMigrations engine;
  private final InstanceMigrationRepository migrations;
  private final Clock clock;
  private final TransactionOperations transactions;
  private final int batchThreshold;

  @Autowired
  public InstanceMigrations(
      ProcessModels models, ProcessMigrations engine, InstanceMigrationRepository migrations, Clock clock,
      TransactionOperations transactions, @Value("${backoffice.operations.migration-batch-threshold:100}") int batchThreshold) {
    if (batchThreshold < 0) {
      throw new IllegalArgumentException("backoffice.operations.migration-batch-threshold must be 0 (always a batch) or more");
    }
    this.models = models;
    this.engine = engine;
    this.migrations = migrations;
    this.clock = clock;
    this.transactions = transactions;
    this.batchThreshold = batchThreshold;
  }

  /** More instances than this move as the engine's batch. */
  public int batchThreshold() {
    return batchThreshold;
  }

  /** The plan between two versions and the instances on the older one, for the page to show. */
  @Transactional(readOnly = true)
  public ProcessMigrations.Plan preview(String sourceDefinitionId, String targetDefinitionId) {
    return preview(sourceDefinitionId, targetDefinitionId, null, false);
  }

  /**
   * As {@link #preview(String, String)}, narrowed to one application's or order's instances, with
   * the timers updated from the new definitions or not.
   */
  @Transactional(readOnly = true)
  public ProcessMigrations.Plan preview(String sourceDefinitionId, String targetDefinitionId, String businessKey, boolean updateTimers) {
    if (businessKey != null && businessKey.length() > 64) {
      throw new ModelChangeRefusedException("businessKey", "at most 64 characters");
    }
    versions(sourceDefinitionId, targetDefinitionId);
    return engine.plan(sourceDefinitionId, targetDefinitionId, null, businessKey, MOST_INSTANCES, updateTimers);
  }

  /**
   * Records a proposal to move the instances given (all running on the source version when none
   * are given), refused with the reasons when the engine refuses the plan or the target is not
   * newer. An instance the plan cannot carry (it waits in an activity the new version lacks) may
   * be named: the page says it will stay, and the engine's refusal is recorded with the outcome.
   */
  public InstanceMigration propose(
      String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds, String purpose, String proposer) {
    return propose(sourceDefinitionId, targetDefinitionId, instanceIds, purpose, false, proposer);
  }

  /**
   * As above; with {@code updateTimers} each timer event the instances wait on is created anew from
   * the new version's definition as the instance moves (the engine keeps the old due date
   * otherwise), and the approver sees that in the proposal.
   */
  public InstanceMigration propose(
      String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds, String purpose, boolean updateTimers,
      String proposer) {
    if (purpose == null || purpose.isBlank() || purpose.length() > ModelChanges.LONGEST_TEXT) {
      throw new ModelChangeRefusedException("purpose", "say why the instances move, in at most " + ModelChanges.LONGEST_TEXT + " characters");
    }
    versions(sourceDefinitionId, targetDefinitionId);
    Set<String> chosen = instanceIds == null ? null : new LinkedHashSet<>(instanceIds.stream().filter(s -> s != null && !s.isBlank()).toList());
    if (chosen != null && chosen.size() > MOST_INSTANCES) {
      throw new ModelChangeRefusedException("instances", "at most " + MOST_INSTANCES + " instances in one migration; propose the rest in another");
    }
    ProcessMigrations.Plan plan = engine.plan(sourceDefinitionId, targetDefinitionId,
        chosen == null ? null : List.copyOf(chosen), null, MOST_INSTANCES, updateTimers);
    List<ModelFinding> findings = new ArrayList<>();
    plan.failures().forEach(f -> findings.add(new ModelFinding("plan", null, f)));
    if (chosen != null && plan.instances().size() < chosen.size()) {
      Set<String> missing = new LinkedHashSet<>(chosen);
      plan.instances().forEach(i -> missing.remove(i.id()));
      findings.add(new ModelFinding("instances", String.join(" ", missing), "no running instance with that id (ended since the page was shown?)"));
    }
    if (plan.instances().isEmpty()) {
      findings.add(new ModelFinding("instances", null, "no running instance of version " + plan.sourceVersion() + " chosen; nothing to move"));
    } else if (plan.instances().size() > MOST_INSTANCES) {
      findings.add(new ModelFinding("instances", null, "more than " + MOST_INSTANCES + " instances run on version "
          + plan.sourceVersion() + "; choose at most " + MOST_INSTANCES + " and propose the rest in another migration"));
    }
    if (!findings.isEmpty()) {
      throw new ModelChangeRefusedException(findings);
    }
    return migrations.save(new InstanceMigration(
        plan, plan.instances().stream().map(ProcessMigrations.RunningInstance::id).toList(), purpose.strip(), proposer, clock.instant()));
  }

  /**
   * A second person approves; up to {@code batch-threshold} instances move one by one and the
   * outcome is recorded: how many moved, and which stayed on their version with the engine's
   * reason. More go to the engine's batch, and the record is {@code RUNNING} until it ends.
   */
  public InstanceMigration approve(long id, String approver, String note) {
    InstanceMigration migration = open(id, note);
    if (!new FourEyes(migration.getProposedBy()).admits(approver)) {
      throw new ModelChangeRefusedException(
          "four-eyes", "a migration is approved by someone other than its proposer (" + migration.getProposedBy() + ")");
    }
    List<String> instances = migration.instances();
    if (instances.size() > batchThreshold) {
      return startBatch(migration, approver, note);
    }
    migration.approved(approver, clock.instant(), blankToNull(note));
    migration = migrations.save(migration);
    Map<String, List<ProcessMigrations.Timer>> timersBefore = engine.timersOf(instances);
    Map<String, String> failures;
    try {
      failures = engine.migrate(migration.getSourceDefinitionId(), migration.getTargetDefinitionId(), instances, migration.isUpdateTimers());
    } catch (RuntimeException refused) {
      // An approved migration always gets an outcome: had the engine refused the whole plan (the
      // versions changed since the proposal), nothing moved, and the record says why.
      log.warn("migration {} approved by {} moved nothing: {}", id, approver, refused.getMessage());
      failures = new java.util.LinkedHashMap<>();
      for (String instance : instances) {
        failures.put(instance, "the engine refused the migration: " + refused.getMessage());
      }
    }
    List<String> lines = new ArrayList<>();
    failures.forEach((instance, reason) -> lines.add(instance + ": " + reason));
    migration.timersMoved(timerLines(timersBefore, engine.timersOf(List.copyOf(timersBefore.keySet()))));
    migration.finished(instances.size() - failures.size(), lines, clock.instant());
    return migrations.save(migration);
  }

  /**
   * The approval, the engine's batch and the record naming it commit together (the engine joins
   * the transaction): two approvers at once leave one batch, and a node that stops here leaves
   * the proposal open rather than a batch nobody watches. Instances the plan cannot carry now are
   * left out and recorded with the reason, as the synchronous path does.
   */
  private InstanceMigration startBatch(InstanceMigration migration, String approver, String note) {
    ProcessMigrations.Plan plan = engine.plan(migration.getSourceDefinitionId(), migration.getTargetDefinitionId(),
        migration.instances(), null, MOST_INSTANCES, migration.isUpdateTimers());
    if (!plan.valid()) {
      throw new ModelChangeRefusedException("plan", "the engine refuses the plan now: " + String.join("; ", plan.failures())
          + "; decline this proposal and propose again");
    }
    List<String> movable = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    Set<String> running = new java.util.HashSet<>();
    for (ProcessMigrations.RunningInstance i : plan.instances()) {
      running.add(i.id());
      if (i.movable()) {
        movable.add(i.id());
      } else {
        leftOut.add(i.id() + ": " + String.join("; ", i.obstacles()));
      }
    }
    migration.instances().stream().filter(i -> !running.contains(i)).forEach(i -> leftOut.add(i + ": no longer running"));
    Map<String, List<ProcessMigrations.Timer>> timersBefore = new HashMap<>();
    plan.instances().stream().filter(i -> i.movable() && !i.timers().isEmpty()).forEach(i -> timersBefore.put(i.id(), i.timers()));
    return transactions.execute(status -> {
      migration.approved(approver, clock.instant(), blankToNull(note));
      if (movable.isEmpty()) {
        migration.finished(0, leftOut, clock.instant());
      } else {
        String batch = engine.startBatch(migration.getSourceDefinitionId(), migration.getTargetDefinitionId(), movable, migration.isUpdateTimers());
        migration.running(batch, leftOut);
        migration.timersMoved(timerLines(timersBefore, null));
        log.info("migration {} approved by {}: batch {} moves {} instances", migration.getId(), approver, batch, movable.size());
      }
      return migrations.save(migration);
    });
  }

  /**
   * Records the outcome of every migration that has ended without a record of it: a batch the
   * engine has removed, and a synchronous migration whose node stopped while it ran. Each node
   * runs this; the record's version lets one of them write the outcome, and the other's attempt
   * is dropped.
   */
  public void settle() {
    for (InstanceMigration m : migrations.findByStatusIn(List.of(InstanceMigration.Status.RUNNING, InstanceMigration.Status.APPROVED))) {
      settle(m);
    }
  }

  /** As {@link #settle()} for one migration; returns it as it stands now. */
  public InstanceMigration settle(InstanceMigration m) {
    try {
      return settleOnce(m);
    } catch (ObjectOptimisticLockingFailureException settledElsewhere) {
      log.info("migration {} was settled by another node at the same time", m.getId());
      return migration(m.getId());
    }
  }

  private InstanceMigration settleOnce(InstanceMigration m) {
    if (m.getStatus() == InstanceMigration.Status.RUNNING) {
      if (!engine.progress(m.getBatchId()).ended()) {
        return m;
      }
      return outcomeFromEngine(m, "its batch job did not move it");
    }
    if (m.getStatus() == InstanceMigration.Status.APPROVED && m.getDecidedAt() != null
        && m.getDecidedAt().plus(INTERRUPTED_AFTER).isBefore(clock.instant())) {
      return resume(m);
    }
    return m;
  }

  /**
   * A synchronous migration whose node stopped mid-way is finished as a batch would be: the
   * instances still on the source version go to the engine's batch, whose jobs any node runs (and
   * retries), and the record becomes {@code RUNNING} with it, so the page offers what it offers for
   * a batch (progress, retrying failed jobs, giving up). The approval stands: the second person
   * approved moving these instances, and the ones that moved before the stop count as moved. The
   * batch and the record commit together, and the record's version lets one node's resumption
   * commit when two look at once (the other's batch is rolled back with it). A node that stops
   * while resuming leaves the record {@code APPROVED}, to be resumed on a later look.
   */
  private InstanceMigration resume(InstanceMigration m) {
    ProcessMigrations.Plan plan;
    try {
      plan = engine.plan(m.getSourceDefinitionId(), m.getTargetDefinitionId(), m.instances(), null, MOST_INSTANCES, m.isUpdateTimers());
    } catch (ModelChangeRefusedException versionGone) {
      log.warn("migration {} was interrupted and cannot be resumed: {}", m.getId(), versionGone.getMessage());
      return outcomeFromEngine(m, "the migration was interrupted (its node stopped) and cannot be resumed: " + versionGone.getMessage());
    }
    if (!plan.valid()) {
      log.warn("migration {} was interrupted and the engine refuses its plan now: {}", m.getId(), plan.failures());
      return outcomeFromEngine(m, "the migration was interrupted (its node stopped) and the engine refuses its plan now: "
          + String.join("; ", plan.failures()));
    }
    // The plan holds the instances still on the source version: those moved before the stop, and
    // those that ended since, are counted (or listed) from where the engine has them at the end.
    List<String> movable = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    Map<String, List<ProcessMigrations.Timer>> timersBefore = new HashMap<>();
    for (ProcessMigrations.RunningInstance i : plan.instances()) {
      if (i.movable()) {
        movable.add(i.id());
        if (!i.timers().isEmpty()) {
          timersBefore.put(i.id(), i.timers());
        }
      } else {
        leftOut.add(i.id() + ": " + String.join("; ", i.obstacles()));
      }
    }
    if (movable.isEmpty()) {
      log.warn("migration {} was interrupted (approved {}); nothing is left that can move, recording what moved", m.getId(), m.getDecidedAt());
      m.stayed(leftOut);
      return outcomeFromEngine(m, "the migration was interrupted (its node stopped) before this instance moved");
    }
    InstanceMigration resumed = transactions.execute(status -> {
      String batch = engine.startBatch(m.getSourceDefinitionId(), m.getTargetDefinitionId(), movable, m.isUpdateTimers());
      m.running(batch, leftOut);
      m.timersMoved(timerLines(timersBefore, null));
      return migrations.save(m);
    });
    log.warn("migration {} was interrupted while its instances moved (approved {}); resumed as batch {} for the {} instances left",
        m.getId(), m.getDecidedAt(), resumed.getBatchId(), movable.size());
    return resumed;
  }

  /** The batch's progress while it runs, for the page. */
  @Transactional(readOnly = true)
  public java.util.Optional<ProcessMigrations.BatchProgress> progress(InstanceMigration m) {
    return m.getStatus() == InstanceMigration.Status.RUNNING ? java.util.Optional.of(engine.progress(m.getBatchId())) : java.util.Optional.empty();
  }

  /** An operator gives the batch's failed jobs another try (a lock or a concurrent change that has passed). */
  public int retryFailedJobs(long id, String by) {
    InstanceMigration m = running(id);
    int retried = engine.retryFailedJobs(m.getBatchId());
    log.info("migration {}: {} retried {} failed batch jobs", id, by, retried);
    return retried;
  }

  /**
   * An operator gives the batch up: its remaining jobs are deleted, the instances they named stay
   * on their version, and the outcome is recorded ({@code FAILED} when any did not move).
   */
  public InstanceMigration abandon(long id, String by, String note) {
    if (note == null || note.isBlank() || note.length() > ModelChanges.LONGEST_TEXT) {
      throw new ModelChangeRefusedException("note", "say why the batch is given up, in at most " + ModelChanges.LONGEST_TEXT + " characters");
    }
    InstanceMigration m = running(id);
    engine.deleteBatch(m.getBatchId());
    log.info("migration {}: {} gave up batch {}: {}", id, by, m.getBatchId(), note.strip());
    return outcomeFromEngine(m, "its batch was given up by " + by + " (" + note.strip() + ")");
  }

  /**
   * What moved, as the engine has it now: an instance on the target version moved; any other the
   * record did not already list stayed, for {@code reason}. {@code FAILED} when such an instance
   * exists, {@code MIGRATED} otherwise.
   */
  private InstanceMigration outcomeFromEngine(InstanceMigration m, String reason) {
    List<String> lines = new ArrayList<>(m.failureLines());
    Set<String> listed = new java.util.HashSet<>();
    lines.forEach(l -> listed.add(l.substring(0, Math.max(0, l.indexOf(':')))));
    Map<String, String> now = engine.definitionsOf(m.instances());
    int moved = 0;
    boolean unmoved = false;
    for (String instance : m.instances()) {
      String definition = now.get(instance);
      if (m.getTargetDefinitionId().equals(definition)) {
        moved++;
      } else if (!listed.contains(instance)) {
        unmoved = true;
        lines.add(instance + ": " + (definition == null ? "ended before it moved" : "stayed on version " + m.getSourceVersion() + ": " + reason));
      }
    }
    List<String> timerLines = m.timerLines();
    if (!timerLines.isEmpty()) {
      List<String> ids = timerLines.stream().map(l -> l.substring(0, Math.max(0, l.indexOf(':')))).toList();
      Map<String, List<ProcessMigrations.Timer>> after = engine.timersOf(ids);
      m.timersMoved(timerLines.stream().map(l -> l.endsWith("→") ? l + " " + due(after.get(l.substring(0, Math.max(0, l.indexOf(':'))))) : l).toList());
    }
    m.finished(unmoved ? InstanceMigration.Status.FAILED : InstanceMigration.Status.MIGRATED, moved, lines, clock.instant());
    return migrations.save(m);
  }

  /**
   * {@code id: activity due → activity due} per instance that waited on a timer; {@code after}
   * null while the batch moves them (the after side is added when it ends).
   */
  static List<String> timerLines(Map<String, List<ProcessMigrations.Timer>> before, Map<String, List<ProcessMigrations.Timer>> after) {
    List<String> lines = new ArrayList<>();
    new java.util.TreeMap<>(before).forEach((id, timers) -> {
      if (!timers.isEmpty()) {
        lines.add(id + ": " + due(timers) + " →" + (after == null ? "" : " " + due(after.get(id))));
      }
    });
    return lines;
  }

  private static String due(List<ProcessMigrations.Timer> timers) {
    if (timers == null || timers.isEmpty()) {
      return "(no timer)";
    }
    return String.join(", ", timers.stream().map(t -> t.activity() + " " + OperationsPages.jst(t.due())).toList());
  }

  private InstanceMigration running(long id) {
    InstanceMigration m = migrations.findById(id).orElseThrow(() -> new ModelChangeNotFoundException(id));
    if (m.getStatus() != InstanceMigration.Status.RUNNING) {
      throw new ModelChangeRefusedException("status", "migration " + id + " is " + m.getStatus() + "; only a running batch has jobs to retry or give up");
    }
    return m;
  }

  /** Declines a proposal (its proposer withdraws it the same way), with the reason. */
  public InstanceMigration decline(long id, String by, String note) {
    InstanceMigration migration = open(id, note);
    if (note == null || note.isBlank()) {
      throw new ModelChangeRefusedException("note", "say why the migration is declined");
    }
    migration.declined(by, clock.instant(), note.strip());
    return migrations.save(migration);
  }

  @Transactional(readOnly = true)
  public InstanceMigration migration(long id) {
    return migrations.findById(id).orElseThrow(() -> new ModelChangeNotFoundException(id));
  }

  /** The plan of a proposal as the engine sees it now, for the approver. */
  @Transactional(readOnly = true)
  public ProcessMigrations.Plan currentPlan(InstanceMigration migration) {
    return engine.plan(migration.getSourceDefinitionId(), migration.getTargetDefinitionId(), migration.instances(), null, MOST_INSTANCES,
        migration.isUpdateTimers());
  }

  @Transactional(readOnly = true)
  public List<InstanceMigration> recent(int count) {
    return migrations.findByOrderByIdDesc(PageRequest.of(0, count));
  }

  private InstanceMigration open(long id, String note) {
    if (note != null && note.length() > ModelChanges.LONGEST_TEXT) {
      throw new ModelChangeRefusedException("note", "at most " + ModelChanges.LONGEST_TEXT + " characters");
    }
    InstanceMigration migration = migrations.findById(id).orElseThrow(() -> new ModelChangeNotFoundException(id));
    if (migration.getStatus() != InstanceMigration.Status.PROPOSED) {
      throw new ModelChangeRefusedException(
          "status", "migration " + id + " is " + migration.getStatus() + " (by " + migration.getDecidedBy() + "); it was decided already");
    }
    return migration;
  }

  /** Both versions are the back office's processes, and the target is newer than the source. */
  private void versions(String sourceDefinitionId, String targetDefinitionId) {
    DeployedVersion source = models.version(sourceDefinitionId == null ? "" : sourceDefinitionId).orElseThrow(
        () -> new ModelChangeRefusedException("source", "no deployed version " + sourceDefinitionId + " of a process operations may change"));
    DeployedVersion target = models.version(targetDefinitionId == null ? "" : targetDefinitionId).orElseThrow(
        () -> new ModelChangeRefusedException("target", "no deployed version " + targetDefinitionId + " of a process operations may change"));
    if (!source.processKey().equals(target.processKey())) {
      throw new ModelChangeRefusedException("target", "instances of " + source.processKey() + " move only to a version of " + source.processKey());
    }
    if (target.version() <= source.version()) {
      // Going back is a rollback: the earlier model is deployed again as a new version.
      throw new ModelChangeRefusedException("target", "version " + target.version() + " is not newer than version "
          + source.version() + "; to go back, propose a rollback, which deploys the earlier model as a new version");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static String clip(String s, int length) {
    return s.length() <= length ? s : s.substring(0, length - 1) + "…";
  }
}
