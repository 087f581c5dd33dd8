package org.cabackoffice.workflow;

import java.util.Optional;

/**
 * A feature's rule on who may decide one of the application's user tasks. The engine asks every
 * rule before it lets anyone claim or be assigned a task, so nobody holds a task they could not
 * complete (and keeps a colleague who could from taking it). The completion itself is still
 * checked by the task's listener: a rule may change its answer in between.
 */
public interface TaskDecisionRule {

  /**
   * Why {@code userId} may not decide the task {@code taskKey} (the BPMN activity id) of the
   * application, or empty when this rule has no objection. For the tasks of a revocation request's
   * process ({@link RevocationProcess}) the id is the request's.
   */
  Optional<String> refusal(String taskKey, long applicationId, String userId);
}
