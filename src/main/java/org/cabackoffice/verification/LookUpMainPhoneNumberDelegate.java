package org.cabackoffice.verification;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the directory's main number on the officer's phone form (guide [4] 1.). */
@Component
public class LookUpMainPhoneNumberDelegate implements JavaDelegate {

  static final String NOT_LISTED =
      "NOT IN THE DIRECTORY: do not call; choose Unreachable / 情報源に記載なし";

  private final PhoneVerifications phoneVerifications;

  public LookUpMainPhoneNumberDelegate(PhoneVerifications phoneVerifications) {
    this.phoneVerifications = phoneVerifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long applicationId = BusinessKeys.applicationId(execution);
    execution.setVariable(
        Variables.PHONE_VERIFICATION_REUSED, phoneVerifications.reuseEarlier(applicationId).isPresent());
    PhoneCallSheet sheet = phoneVerifications.callSheet(applicationId);
    execution.setVariable(Variables.MAIN_PHONE_NUMBER, sheet.listed() ? sheet.mainPhone() : NOT_LISTED);
    execution.setVariable(Variables.DIRECTORY_SOURCE, sheet.listed() ? sheet.source() : "-");
  }
}
