package org.cabackoffice.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cabackoffice.workflow.ProcessSignals;

/** Records delivered messages; {@link #refuse} makes it answer as if no process were waiting. */
class RecordingProcessSignals implements ProcessSignals {

  record Delivery(String message, long applicationId) {}

  final List<Delivery> delivered = new ArrayList<>();
  boolean refuse;

  @Override
  public void startApplicationProcess(long applicationId, Map<String, Object> variables) {
    throw new UnsupportedOperationException("payments never start processes");
  }

  @Override
  public void deliver(String messageName, long applicationId, Map<String, Object> variables) {
    if (refuse) {
      throw new NoProcessWaitingException(
          "no process of application " + applicationId + " waits for " + messageName);
    }
    delivered.add(new Delivery(messageName, applicationId));
  }

  @Override
  public List<String> currentActivities(long applicationId) {
    return List.of();
  }
}
