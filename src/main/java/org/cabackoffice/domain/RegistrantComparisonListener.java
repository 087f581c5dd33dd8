package org.cabackoffice.domain;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

@Component
public class RegistrantComparisonListener implements TaskListener {

  private final RegistrantComparisons comparisons;

  public RegistrantComparisonListener(RegistrantComparisons comparisons) {
    this.comparisons = comparisons;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          comparisons.record(
              BusinessKeys.applicationId(task),
              BusinessKeys.text(task, Variables.REGISTRABLE_DOMAIN),
              BusinessKeys.text(task, Variables.REGISTRANT_ORGANIZATION),
              BusinessKeys.text(task, Variables.REGISTRANT_DECISION),
              BusinessKeys.officer(task),
              BusinessKeys.text(task, Variables.REGISTRANT_COMPARISON_NOTE));
        });
  }
}
