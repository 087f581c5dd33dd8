package org.cabackoffice.revocation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BR 4.9.5: the preliminary report is due within 24 hours of a problem report; when no officer has
 * finished the investigation shortly before, the process's timer sends it.
 */
@Component
public class MailAutomaticPreliminaryReportDelegate implements JavaDelegate {

  private final RevocationNotices notices;

  public MailAutomaticPreliminaryReportDelegate(RevocationNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.mailAutomaticPreliminaryReport(RevokeCertificateDelegate.requestId(execution));
  }
}
