package org.cabackoffice.application;

import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class FlagServiceLevelMissedDelegate implements JavaDelegate {

  private final Applications applications;

  public FlagServiceLevelMissedDelegate(Applications applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    applications.flagServiceLevelMissed(BusinessKeys.applicationId(execution));
  }
}
