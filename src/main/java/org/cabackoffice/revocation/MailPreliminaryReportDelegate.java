package org.cabackoffice.revocation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BR 4.9.5: the preliminary report to the subscriber and the reporter. */
@Component
public class MailPreliminaryReportDelegate implements JavaDelegate {

  private final RevocationNotices notices;

  public MailPreliminaryReportDelegate(RevocationNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.mailPreliminaryReport(RevokeCertificateDelegate.requestId(execution));
  }
}
