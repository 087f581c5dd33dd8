package org.cabackoffice.workflow.camunda;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cabackoffice.workflow.ProcessSignals;
import org.cabackoffice.workflow.RenewalProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

/** The engine side of {@link ProcessSignals}: the application id is the business key. */
@Component
public class CamundaProcessSignals implements ProcessSignals {

  private final RuntimeService runtime;

  public CamundaProcessSignals(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void startApplicationProcess(long applicationId, Map<String, Object> variables) {
    runtime.startProcessInstanceByKey(
        RenewalProcess.PROCESS_KEY, String.valueOf(applicationId), variables);
  }

  @Override
  public void deliver(String messageName, long applicationId, Map<String, Object> variables) {
    WaitingMessage.deliver(
        runtime, null, String.valueOf(applicationId), messageName, variables, "application " + applicationId);
  }

  @Override
  public List<String> currentActivities(long applicationId) {
    ProcessInstance instance =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(RenewalProcess.PROCESS_KEY)
            .processInstanceBusinessKey(String.valueOf(applicationId))
            .singleResult();
    if (instance == null) {
      return List.of();
    }
    ActivityInstance root = runtime.getActivityInstance(instance.getId());
    List<String> names = new ArrayList<>();
    collect(root, names);
    return names;
  }

  private static void collect(ActivityInstance instance, List<String> names) {
    if (instance == null) {
      return;
    }
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      // A stage (embedded sub-process) only frames its steps; the step is what the officer and
      // the customer wait on.
      if (child.getActivityName() != null && !isStage(child)) {
        names.add(child.getActivityName());
      }
      collect(child, names);
    }
    // An activity whose job has not run yet (asynchronous continuation) is a transition instance.
    for (TransitionInstance transition : instance.getChildTransitionInstances()) {
      if (transition.getActivityName() != null) {
        names.add(transition.getActivityName());
      }
    }
  }

  private static boolean isStage(ActivityInstance instance) {
    return "subProcess".equals(instance.getActivityType());
  }
}
