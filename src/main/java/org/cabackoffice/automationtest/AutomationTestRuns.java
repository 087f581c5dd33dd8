package org.cabackoffice.automationtest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of the automation test's attempts, and what follows from it: the last success, when
 * the next renewal is due, and whether a failure is open (an incident until an attempt succeeds).
 */
@Service
public class AutomationTestRuns {

  /** What the operations page shows. */
  public record Status(
      Optional<AutomationTestRun> lastSuccess,
      Optional<AutomationTestRun> lastFinished,
      Instant nextDue,
      Optional<AutomationTestRun> openIncident,
      boolean running) {}

  private final AutomationTestRunRepository runs;
  private final AutomationTestProperties properties;
  private final Clock clock;

  public AutomationTestRuns(AutomationTestRunRepository runs, AutomationTestProperties properties, Clock clock) {
    this.runs = runs;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Starts an attempt unless one is under way (on this node or another) and not yet past its
   * timeout; empty when one is.
   */
  @Transactional
  public synchronized Optional<AutomationTestRun> start(String startedBy) {
    Optional<AutomationTestRun> latest = runs.findTop20ByOrderByIdDesc().stream().findFirst();
    Instant now = clock.instant();
    if (latest.isPresent() && latest.get().getResult() == AutomationTestRun.Result.RUNNING
        && latest.get().getStartedAt().plus(properties.timeout()).isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(runs.save(new AutomationTestRun(properties.domain(), startedBy, now)));
  }

  @Transactional
  public void succeeded(long id, String serial, Instant notAfter, String accountUrl) {
    AutomationTestRun run = runs.findById(id).orElseThrow();
    run.succeeded(serial, notAfter, accountUrl, clock.instant());
    runs.save(run);
  }

  @Transactional
  public void failed(long id, String problem, String accountUrl) {
    AutomationTestRun run = runs.findById(id).orElseThrow();
    run.failed(problem, accountUrl, clock.instant());
    runs.save(run);
  }

  @Transactional(readOnly = true)
  public List<AutomationTestRun> recent() {
    return runs.findTop20ByOrderByIdDesc();
  }

  @Transactional(readOnly = true)
  public Status status() {
    Optional<AutomationTestRun> success = runs.findFirstByResultOrderByIdDesc(AutomationTestRun.Result.SUCCEEDED);
    Optional<AutomationTestRun> finished = runs.findFirstByResultNotOrderByIdDesc(AutomationTestRun.Result.RUNNING);
    Optional<AutomationTestRun> incident = finished.filter(r -> r.getResult() == AutomationTestRun.Result.FAILED);
    boolean running = runs.findTop20ByOrderByIdDesc().stream().findFirst()
        .filter(r -> r.getResult() == AutomationTestRun.Result.RUNNING).isPresent();
    return new Status(success, finished, nextDue(success, incident), incident, running);
  }

  /**
   * After a failure, the retry interval after it (the incident stays open until then); otherwise
   * {@code renew-every} after the last success, or now when nothing succeeded yet.
   */
  Instant nextDue(Optional<AutomationTestRun> success, Optional<AutomationTestRun> incident) {
    if (incident.isPresent()) {
      return incident.get().getFinishedAt().plus(properties.retryAfter());
    }
    return success.map(r -> r.getFinishedAt().plus(properties.renewEvery())).orElse(clock.instant());
  }

  /** Whether a renewal is due now. */
  @Transactional(readOnly = true)
  public boolean due() {
    return !status().nextDue().isAfter(clock.instant());
  }
}
