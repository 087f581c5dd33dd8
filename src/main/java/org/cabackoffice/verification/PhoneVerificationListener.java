package org.cabackoffice.verification;

import org.cabackoffice.workflow.RenewalProcess.Variables;
import org.cabackoffice.workflow.camunda.BusinessKeys;
import org.cabackoffice.workflow.camunda.OfficerDecision;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the call when the officer completes the phone form; an incomplete checklist refuses
 * the completion, so Tasklist shows the officer what is missing and nothing is lost.
 */
@Component
public class PhoneVerificationListener implements TaskListener {

  private final PhoneVerifications phoneVerifications;

  public PhoneVerificationListener(PhoneVerifications phoneVerifications) {
    this.phoneVerifications = phoneVerifications;
  }

  @Override
  public void notify(DelegateTask task) {
    OfficerDecision.record(
        () -> {
          String outcome = BusinessKeys.text(task, Variables.PHONE_OUTCOME);
          PhoneCallReport report =
              new PhoneCallReport(
                  outcome == null ? null : PhoneOutcome.valueOf(outcome),
                  BusinessKeys.text(task, Variables.SPOKE_WITH),
                  BusinessKeys.flag(task, Variables.PRODUCT_AND_TYPE_CONFIRMED),
                  BusinessKeys.flag(task, Variables.ORGANIZATION_AND_COMMON_NAME_CONFIRMED),
                  BusinessKeys.flag(task, Variables.TECHNICAL_CONTACT_CONFIRMED),
                  BusinessKeys.flag(task, Variables.INTENT_CONFIRMED),
                  BusinessKeys.text(task, Variables.PHONE_NOTE),
                  choice(PhonedPerson.class, BusinessKeys.text(task, Variables.PHONED_PERSON), "who was phoned"),
                  choice(
                      EmploymentBasis.class,
                      BusinessKeys.text(task, Variables.EMPLOYMENT_BASIS),
                      "the employment basis"),
                  BusinessKeys.text(task, Variables.EMPLOYMENT_BASIS_NOTE));
          phoneVerifications.record(
              BusinessKeys.applicationId(task), BusinessKeys.officer(task), report);
        });
  }

  /** A form's choice; an empty one is none, an unknown one is the officer's to correct. */
  static <E extends Enum<E>> E choice(Class<E> type, String value, String what) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new PhoneVerificationRefusedException(
          what + " is one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", not \"" + value + "\"");
    }
  }
}
