package org.cabackoffice.workflow.camunda;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A rule said no to what an officer asked (an incomplete phone checklist, the four-eyes rule, a
 * claim by someone who may not decide the task). It is the caller's to fix, not a failure of the
 * server: logged at INFO without a stack ({@link ExpectedRefusals}), answered 400 with the rule's
 * own message ({@link EngineRestErrors}), and the task stays as it was.
 */
public class ExpectedRefusal extends BadUserRequestException {

  public ExpectedRefusal(String message) {
    super(message);
  }

  public ExpectedRefusal(String message, Throwable cause) {
    super(message, cause);
  }

  /** The refusal somewhere in the causes of {@code thrown}, or null when there is none. */
  public static ExpectedRefusal in(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ExpectedRefusal refusal) {
        return refusal;
      }
      if (cause.getCause() == cause) {
        return null;
      }
    }
    return null;
  }
}
