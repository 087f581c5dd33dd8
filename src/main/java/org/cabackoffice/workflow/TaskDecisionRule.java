package org.cabackoffice.workflow;

import java.util.Objects;
import java.util.Optional;

/**
 * A feature's rule on who may decide one of its processes' user tasks. The engine asks every rule
 * before it lets anyone claim or be assigned a task, so nobody holds a task they could not
 * complete (and keeps a colleague who could from taking it). The completion itself is still
 * checked by the task's listener: a rule may change its answer in between.
 */
public interface TaskDecisionRule {

  /**
   * The task a user would hold, as the engine names it. Each process has a business key of its
   * own (an application's bare id, {@code revocation-<id>}, {@code acme-order-<id>}), so each rule
   * reads the key of its own process and the engine's side knows none of them.
   *
   * @param processKey the process definition's key (the BPMN process id), the same in every version
   * @param businessKey the process instance's business key, may be null
   * @param taskKey the task's BPMN activity id
   */
  record Task(String processKey, String businessKey, String taskKey) {

    /** Whether this is the activity {@code taskKey} of the process {@code processKey}. */
    public boolean is(String processKey, String taskKey) {
      return Objects.equals(this.processKey, processKey) && Objects.equals(this.taskKey, taskKey);
    }
  }

  /**
   * Why {@code userId} may not decide the task, or empty when this rule has no objection (any
   * task of another process, or another task, is none of its business).
   */
  Optional<String> refusal(Task task, String userId);
}
