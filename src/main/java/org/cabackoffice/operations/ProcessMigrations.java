package org.cabackoffice.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's side of moving running instances to another version of their process (issue 11:
 * "running instances stay on their version or are migrated"). The plan is the engine's own
 * (equal activities by id, plus the activities the new version renamed), validated by the engine.
 * A few instances are moved one by one, so one that cannot move stays where it is and the rest
 * move; many are moved by the engine's batch, whose jobs every node's job executor runs.
 */
public interface ProcessMigrations {

  /** One mapping of the plan: an activity of the old version and where its instances go. */
  record Mapping(String sourceActivity, String sourceName, String targetActivity, String targetName, boolean renamed) {}

  /** A timer an instance waits on: the activity (the timer event) and when it fires. */
  record Timer(String activity, Instant due) {}

  /**
   * A timer event the plan maps, with its definition in either version ({@code PT5D} and
   * {@code PT3D}, say). The engine keeps a migrated timer's due date unless the plan updates event
   * triggers; then it creates the timer anew from the new definition at the moment the instance
   * moves (a definition that did not change starts counting again too).
   */
  record TimerChange(String sourceActivity, String targetActivity, String before, String after) {
    public boolean changed() {
      return !java.util.Objects.equals(before, after);
    }

    /**
     * The due date an updated timer gets when its instance moves at {@code at}: known before the
     * move only for a plain ISO 8601 duration ({@code PT72H}, {@code P3D}); a date, a cycle or an
     * expression is computed by the engine from the instance's variables when it moves.
     */
    public Optional<Instant> dueIfUpdatedAt(Instant at) {
      String definition = after == null ? "" : after.strip();
      try {
        return Optional.of(at.plus(java.time.Duration.parse(definition)));
      } catch (java.time.DateTimeException notADuration) {
        try {
          return Optional.of(at.plus(java.time.Period.parse(definition)));
        } catch (java.time.DateTimeException notDaysOnly) {
          return Optional.empty();
        }
      }
    }
  }

  /** A running instance on the old version: where it waits, its timers, and why it cannot move if it cannot. */
  record RunningInstance(String id, String businessKey, List<String> activities, List<Timer> timers, List<String> obstacles) {
    public boolean movable() {
      return obstacles.isEmpty();
    }
  }

  /**
   * The plan from {@code source} to {@code target} as the engine built and validated it: its
   * mappings, the validation failures in words (empty when the engine accepts it), the timers
   * whose definitions changed, and the instances on {@code source} (the {@code instanceIds}
   * given, or all when null) with what keeps each from moving.
   */
  record Plan(
      String processKey, String sourceDefinitionId, int sourceVersion, String targetDefinitionId, int targetVersion,
      List<Mapping> mappings, List<String> failures, List<TimerChange> timerChanges, boolean updateTimers,
      List<RunningInstance> instances) {
    public boolean valid() {
      return failures.isEmpty();
    }

    /** The mappings the new version's changed ids called for; the rest map equal ids. */
    public long renamedCount() {
      return mappings.stream().filter(Mapping::renamed).count();
    }

    public boolean hasTimers() {
      return instances.stream().anyMatch(i -> !i.timers().isEmpty());
    }

    /** The timer events whose definition the new version changed. */
    public List<TimerChange> changedTimers() {
      return timerChanges.stream().filter(TimerChange::changed).toList();
    }

    /**
     * When the timer fires after the instance moves at {@code at}: its due date as it is, unless
     * the plan updates timers; then as the new definition says, empty when only the engine can
     * tell (a date, a cycle or an expression).
     */
    public Optional<Instant> dueAfter(Timer timer, Instant at) {
      if (!updateTimers) {
        return Optional.ofNullable(timer.due());
      }
      return timerChanges.stream().filter(c -> c.sourceActivity().equals(timer.activity())).findFirst()
          .flatMap(c -> c.dueIfUpdatedAt(at));
    }
  }

  /** A failed job of a batch: the engine's message, and the job to retry. */
  record FailedJob(String jobId, String message) {}

  /**
   * Where a batch stands, from the engine's batch statistics: its jobs in all, done, failed (no
   * retries left) and still to run; {@code ended} once the engine has removed it (all jobs done,
   * or deleted).
   */
  record BatchProgress(String batchId, long total, long done, long failed, long remaining, List<FailedJob> failedJobs, boolean ended) {}

  /**
   * The plan between two versions of the same process, for the instances given (null: those
   * running on source, of the business key when one is given, up to {@code most} + 1).
   */
  Plan plan(String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds, String businessKey, int most, boolean updateTimers);

  /**
   * Moves each instance with the plan, each on its own; the instances that did not move, with the
   * engine's reason.
   *
   * @return failures by instance id (empty when all moved)
   */
  Map<String, String> migrate(String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds, boolean updateTimers);

  /**
   * Hands the instances to the engine's asynchronous batch (each batch job moves one instance in
   * its own transaction, and a failed job keeps its instance where it was); joins the caller's
   * transaction, so the batch exists exactly when the record naming it does.
   *
   * @return the batch's id
   */
  String startBatch(String sourceDefinitionId, String targetDefinitionId, List<String> instanceIds, boolean updateTimers);

  /** The batch's progress; ended when the engine has no such batch any more. */
  BatchProgress progress(String batchId);

  /** Gives each failed job of the batch one more try; how many. */
  int retryFailedJobs(String batchId);

  /** Deletes the batch with its remaining jobs; the instances they named stay where they are. */
  void deleteBatch(String batchId);

  /** Which version each instance runs on now, by definition id (an ended instance is absent). */
  Map<String, String> definitionsOf(List<String> instanceIds);

  /** The timers the instances wait on now, by instance id. */
  Map<String, List<Timer>> timersOf(List<String> instanceIds);
}
