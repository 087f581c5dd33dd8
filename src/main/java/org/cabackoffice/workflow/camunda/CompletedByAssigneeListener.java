package org.cabackoffice.workflow.camunda;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * For officer tasks whose decision has no record of its own: only the assignee, logged in as
 * themselves, completes the task, so the history names who decided.
 */
@Component
public class CompletedByAssigneeListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(() -> BusinessKeys.officer(task));
  }
}
