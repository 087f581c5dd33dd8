package org.cabackoffice.workflow.camunda;

import java.util.function.Supplier;
/**
 * Records what an officer decided on completing a task. A decision the rules refuse (an
 * incomplete checklist, the four-eyes rule, a missing reason) reaches Tasklist and the REST API
 * as a bad request with the reason, and the task stays open; it is the officer's input, not a
 * server failure ({@link ExpectedRefusal}).
 */
public final class OfficerDecision {

  private OfficerDecision() {}

  public static void record(Runnable decision) {
    record(
        () -> {
          decision.run();
          return null;
        });
  }

  public static <T> T record(Supplier<T> decision) {
    try {
      return decision.get();
    } catch (IllegalArgumentException | IllegalStateException refused) {
      throw new ExpectedRefusal(refused.getMessage(), refused);
    }
  }
}
