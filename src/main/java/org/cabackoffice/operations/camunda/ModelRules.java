package org.cabackoffice.operations.camunda;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabackoffice.operations.ModelFinding;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.RevocationProcess;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The checks a model passes before it may be deployed (issue 11, Operations), each refusal naming
 * the element and the rule:
 *
 * <ul>
 *   <li>lint: what .ci/bpmnlint's recommended rules hold that matters to a reader and the engine
 *       (kebab-case ids, names, start and end events, no disconnected elements, conditions on
 *       every split, no implicit splits or joins, BPMNDI for every element);
 *   <li>code: expressions name only the process's delegates and listeners, and call methods only
 *       to set or read the execution's variables; no scripts, Java classes or connectors (a
 *       deployed model runs on the server with the back office's rights);
 *   <li>forms and groups: every user task has a form of the deployment and candidate groups;
 *   <li>timers: every wait (user task, receive task, message catch, event-based gateway) has a
 *       timer on it, on a stage around it, or in an event sub-process of its scope;
 *   <li>contract: the activity ids, messages and error codes the Java code addresses are there;
 *   <li>controls: no path from the start to {@code sign-certificate} skips the CSR check, domain
 *       control, the CAA check or the approval (BR 3.2.2.4, 3.2.2.8, 4.2.1; EV Guidelines 5.2.4).
 * </ul>
 */
final class ModelRules {

  static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)\\}", Pattern.DOTALL);
  private static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  private static final Pattern CALL = Pattern.compile("(?:([A-Za-z_]\\w*)\\s*\\.\\s*)?([A-Za-z_]\\w*)\\s*\\(");
  private static final Pattern MEMBER = Pattern.compile("([A-Za-z_]\\w*)\\s*[.\\[]");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");
  private static final Set<String> VARIABLE_METHODS =
      Set.of("getVariable", "setVariable", "getVariableLocal", "setVariableLocal", "hasVariable");
  private static final Set<String> CAMUNDA_NAMESPACES =
      Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");

  /** The controls no path to signing may skip, with the rule that asks for each. */
  static final Map<String, String> CONTROLS = new LinkedHashMap<>();

  static {
    CONTROLS.put(RenewalProcess.Activities.CHECK_CSR, "the CSR check (BR 4.2.1, 6.1.1.3)");
    CONTROLS.put(RenewalProcess.Activities.ESTABLISH_DOMAIN_CONTROL, "domain control validation (BR 3.2.2.4)");
    CONTROLS.put(RenewalProcess.Activities.CHECK_CAA, "the CAA check (BR 3.2.2.8)");
    CONTROLS.put(RenewalProcess.Activities.APPROVE_ISSUANCE, "the second officer's approval (EV Guidelines 5.2.4)");
  }

  /** The groups a user task may offer itself to: the staff groups (security.camunda.StaffGroups). */
  static final Set<String> TASK_GROUPS = Set.of("validationOfficers", "seniorOfficers");

  private final List<ModelFinding> findings = new ArrayList<>();

  private ModelRules() {}

  /**
   * @param model the parsed model
   * @param dom the same file as a plain DOM (for what the model API does not list: every attribute)
   * @param processKey the process it must be
   * @param formIds the ids of the forms the deployment will hold
   * @param beanExists whether a named delegate or listener exists
   * @param shortestHistoryDays the deployed version's history time to live, not to be shortened
   */
  static List<ModelFinding> check(
      BpmnModelInstance model,
      Document dom,
      String processKey,
      Set<String> formIds,
      Predicate<String> beanExists,
      Integer shortestHistoryDays) {
    ModelRules rules = new ModelRules();
    List<Process> executable =
        model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
    if (executable.size() != 1 || !executable.get(0).getId().equals(processKey)) {
      rules.refuse("process", null, "the model must hold one executable process with the id " + processKey
          + " (found " + executable.stream().map(Process::getId).toList() + ")");
      return rules.findings;
    }
    Process process = executable.get(0);
    try {
      rules.history(process, shortestHistoryDays);
      rules.lint(model);
      rules.code(dom, beanExists);
      rules.userTasks(model, formIds);
      rules.timers(model);
      rules.contract(model, processKey);
      if (RenewalProcess.PROCESS_KEY.equals(processKey)) {
        rules.controls(model, process);
      }
    } catch (org.camunda.bpm.model.xml.ModelException broken) {
      // The model API resolves references (a flow's source, a node's incoming) only when asked;
      // a reference to an id the file does not hold is a broken model, not a server fault.
      rules.refuse("model", null, "the model is inconsistent: " + broken.getMessage());
    }
    return rules.findings;
  }

  private void refuse(String rule, String where, String message) {
    findings.add(new ModelFinding(rule, where, message));
  }

  private void history(Process process, Integer shortestDays) {
    String ttl = process.getCamundaHistoryTimeToLiveString();
    if (ttl == null || ttl.isBlank()) {
      refuse("history", process.getId(), "camunda:historyTimeToLive is missing (BR 5.4.3: records outlive the certificate)");
      return;
    }
    try {
      int days = Integer.parseInt(ttl.strip());
      if (shortestDays != null && days < shortestDays) {
        refuse("history", process.getId(), "camunda:historyTimeToLive " + days + " days is shorter than the deployed version's "
            + shortestDays + " (BR 5.4.3, 5.5.2: records are kept two years after the certificate expires)");
      }
    } catch (NumberFormatException e) {
      refuse("history", process.getId(), "camunda:historyTimeToLive must be a number of days, not '" + ttl + "'");
    }
  }

  // --- lint ---------------------------------------------------------------------------------

  private void lint(BpmnModelInstance model) {
    Set<String> drawn = new HashSet<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> { if (s.getBpmnElement() != null) drawn.add(s.getBpmnElement().getId()); });
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> { if (e.getBpmnElement() != null) drawn.add(e.getBpmnElement().getId()); });
    for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
      String id = element.getId();
      if (id == null || !KEBAB.matcher(id).matches()) {
        refuse("lint", id, "ids are kebab-case (lower-case words joined by '-'): running instances, history and incidents name them");
      }
      if (!drawn.contains(id)) {
        refuse("lint", id, "has no shape or edge in the diagram (BPMNDI); readers and the auditors' diagram would not see it");
      }
      if (element instanceof FlowNode node) {
        boolean named = node.getName() != null && !node.getName().isBlank();
        if (!named && (node instanceof Activity || node instanceof Event)) {
          refuse("lint", id, "has no name; every element is named for a human reader");
        }
        int in = node.getIncoming().size();
        int out = node.getOutgoing().size();
        boolean start = node instanceof StartEvent || node instanceof BoundaryEvent;
        boolean eventSubProcess = node instanceof SubProcess sp && sp.triggeredByEvent();
        if (eventSubProcess) {
          continue;
        }
        if (in == 0 && out == 0 && !(node instanceof StartEvent && node.getParentElement() instanceof SubProcess sp && sp.triggeredByEvent())) {
          refuse("lint", id, "is connected to nothing");
        } else if (in == 0 && !start) {
          refuse("lint", id, "has no incoming flow: it can never be reached");
        } else if (out == 0 && !(node instanceof EndEvent) && !(node instanceof StartEvent)) {
          refuse("lint", id, "has no outgoing flow: use an end event where the path ends");
        }
        if (node instanceof Activity && in > 1) {
          refuse("lint", id, "joins " + in + " flows without a gateway (fake join)");
        }
        if (node instanceof Activity || node instanceof Event) {
          long unconditional = node.getOutgoing().stream().filter(f -> f.getConditionExpression() == null).count();
          if (out > 1 && unconditional > 0) {
            refuse("lint", id, "splits into " + out + " flows without a gateway (implicit split)");
          }
        }
        if (node instanceof ExclusiveGateway || node instanceof InclusiveGateway) {
          FlowElement defaultFlow = node instanceof ExclusiveGateway x ? x.getDefault() : ((InclusiveGateway) node).getDefault();
          if (out > 1) {
            for (SequenceFlow flow : node.getOutgoing()) {
              if (flow != defaultFlow && flow.getConditionExpression() == null) {
                refuse("lint", flow.getId(), "leaves the gateway " + id + " without a condition");
              }
            }
          }
        }
      }
    }
    List<BaseElement> scopes = new ArrayList<>(model.getModelElementsByType(Process.class));
    scopes.addAll(model.getModelElementsByType(SubProcess.class));
    for (BaseElement scope : scopes) {
      Collection<FlowElement> children = children(scope);
      if (children.stream().noneMatch(e -> e instanceof StartEvent)) {
        refuse("lint", scope.getId(), "has no start event");
      }
      if (children.stream().noneMatch(e -> e instanceof EndEvent)) {
        refuse("lint", scope.getId(), "has no end event");
      }
    }
  }

  private static Collection<FlowElement> children(BaseElement scope) {
    if (scope instanceof Process p) {
      return p.getFlowElements();
    }
    return ((SubProcess) scope).getFlowElements();
  }

  // --- code ---------------------------------------------------------------------------------

  private void code(Document dom, Predicate<String> beanExists) {
    walk(dom.getDocumentElement(), beanExists);
  }

  private void walk(Element element, Predicate<String> beanExists) {
    String where = element.hasAttribute("id") ? element.getAttribute("id") : element.getLocalName();
    String local = element.getLocalName();
    if ("scriptTask".equals(local) || "script".equals(local)) {
      refuse("code", where, "scripts run on the server with the back office's rights; name a ${…Delegate} instead");
    }
    if ("connector".equals(local)) {
      refuse("code", where, "connectors call out from the model; name a ${…Delegate} instead");
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
      boolean camunda = a.getNamespaceURI() != null && CAMUNDA_NAMESPACES.contains(a.getNamespaceURI());
      if (camunda && ("class".equals(name) || "resource".equals(name))) {
        refuse("code", where, "camunda:" + name + " names code the review of bpmn/ never saw; name a ${…Delegate} instead");
      }
      if ("scriptFormat".equals(name)) {
        refuse("code", where, "scripts run on the server with the back office's rights; name a ${…Delegate} instead");
      }
      expressions(where, a.getValue(), beanExists);
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        walk(e, beanExists);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        expressions(where, child.getNodeValue(), beanExists);
      }
    }
  }

  private void expressions(String where, String text, Predicate<String> beanExists) {
    if (text == null || text.indexOf('{') < 0) {
      return;
    }
    Matcher m = EXPRESSION.matcher(text);
    while (m.find()) {
      String expression = m.group(1);
      String code = STRING_LITERAL.matcher(expression).replaceAll("''");
      Matcher call = CALL.matcher(code);
      while (call.find()) {
        String target = call.group(1);
        String method = call.group(2);
        if (target == null || !(Set.of("execution", "task").contains(target) && VARIABLE_METHODS.contains(method))) {
          refuse("code", where, "${" + expression + "} calls " + (target == null ? "" : target + ".") + method
              + "(): expressions may only set and read the execution's variables");
        }
      }
      Matcher member = MEMBER.matcher(code);
      while (member.find()) {
        String name = member.group(1);
        if (!Set.of("execution", "task").contains(name) && !code.startsWith(name + "(")) {
          refuse("code", where, "${" + expression + "} reaches into " + name + ": expressions read variables and name delegates, nothing more");
        }
      }
      Matcher identifier = IDENTIFIER.matcher(code);
      while (identifier.find()) {
        String name = identifier.group(1);
        if ((name.endsWith("Delegate") || name.endsWith("Listener")) && !beanExists.test(name)) {
          refuse("code", where, "${" + expression + "} names " + name + ", which the back office does not have");
        }
      }
    }
  }

  // --- user tasks -----------------------------------------------------------------------------

  private void userTasks(BpmnModelInstance model, Set<String> formIds) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      String form = task.getCamundaFormRef();
      if (form == null || form.isBlank()) {
        refuse("forms", task.getId(), "a user task has a Camunda form (camunda:formRef)");
      } else if (!formIds.contains(form)) {
        refuse("forms", task.getId(), "its form " + form + " is neither in this change nor in the deployed version");
      } else if (!"deployment".equals(task.getCamundaFormRefBinding())) {
        refuse("forms", task.getId(), "binds its form by '" + task.getCamundaFormRefBinding()
            + "'; bind it by deployment, so each version keeps the forms it was approved with");
      }
      String groups = task.getCamundaCandidateGroups();
      if (groups == null || groups.isBlank()) {
        refuse("groups", task.getId(), "names no candidate groups: nobody would see the task");
      } else {
        for (String group : groups.split(",")) {
          if (!TASK_GROUPS.contains(group.strip())) {
            refuse("groups", task.getId(), "candidate group '" + group.strip() + "' is none of the officers' groups " + TASK_GROUPS);
          }
        }
      }
      if (task.getCamundaAssignee() != null && !task.getCamundaAssignee().isBlank()) {
        refuse("groups", task.getId(), "assigns the task to " + task.getCamundaAssignee() + "; tasks are offered to groups and claimed");
      }
    }
  }

  // --- timers ---------------------------------------------------------------------------------

  private void timers(BpmnModelInstance model) {
    Map<String, List<BoundaryEvent>> boundaries = new HashMap<>();
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      if (b.getAttachedTo() != null) {
        boundaries.computeIfAbsent(b.getAttachedTo().getId(), k -> new ArrayList<>()).add(b);
      }
    }
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean wait =
          node instanceof UserTask
              || node instanceof ReceiveTask
              || node instanceof EventBasedGateway
              || (node instanceof IntermediateCatchEvent e && e.getEventDefinitions().stream().noneMatch(d -> d instanceof TimerEventDefinition));
      if (!wait) {
        continue;
      }
      if (node instanceof EventBasedGateway gateway
          && gateway.getOutgoing().stream().anyMatch(f -> f.getTarget() instanceof IntermediateCatchEvent t && isTimer(t))) {
        continue;
      }
      if (!timed(node, boundaries)) {
        refuse("timers", node.getId(), "waits without a timer: add a timer boundary (reminder, expiry) or keep it in a stage that has one");
      }
    }
  }

  private static boolean isTimer(Event event) {
    Collection<? extends ModelElementInstance> definitions =
        event instanceof IntermediateCatchEvent c ? c.getEventDefinitions()
            : event instanceof StartEvent s ? s.getEventDefinitions()
            : event instanceof BoundaryEvent b ? b.getEventDefinitions() : List.of();
    return definitions.stream().anyMatch(d -> d instanceof TimerEventDefinition);
  }

  private static boolean timed(FlowNode node, Map<String, List<BoundaryEvent>> boundaries) {
    ModelElementInstance at = node;
    while (at != null) {
      if (at instanceof BaseElement e && boundaries.getOrDefault(e.getId(), List.of()).stream().anyMatch(ModelRules::isTimer)) {
        return true;
      }
      if (at instanceof Process || (at instanceof SubProcess && at != node)) {
        Collection<FlowElement> inScope = children((BaseElement) at);
        for (FlowElement e : inScope) {
          if (e instanceof SubProcess sp && sp.triggeredByEvent()
              && sp.getFlowElements().stream().anyMatch(s -> s instanceof StartEvent start && isTimer(start))) {
            return true;
          }
        }
      }
      at = at.getParentElement();
    }
    return false;
  }

  // --- contract -------------------------------------------------------------------------------

  private void contract(BpmnModelInstance model, String processKey) {
    Class<?> contract = RenewalProcess.PROCESS_KEY.equals(processKey) ? RenewalProcess.class
        : RevocationProcess.PROCESS_KEY.equals(processKey) ? RevocationProcess.class : null;
    if (contract == null) {
      return;
    }
    Set<String> messages = new HashSet<>();
    model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
    Set<String> errors = new HashSet<>();
    model.getModelElementsByType(Error.class).forEach(e -> errors.add(e.getErrorCode()));
    for (Class<?> part : contract.getDeclaredClasses()) {
      for (String value : constants(part)) {
        switch (part.getSimpleName()) {
          case "Activities", "Stages" -> {
            if (!(model.getModelElementById(value) instanceof FlowNode)) {
              refuse("contract", value, "the back office addresses this activity (" + contract.getSimpleName() + "."
                  + part.getSimpleName() + "); running applications, jobs and incidents name it, so it stays");
            }
          }
          case "Messages" -> {
            if (!messages.contains(value)) {
              refuse("contract", value, "the back office delivers this message; no element of the model would receive it");
            }
          }
          case "Errors" -> {
            if (!errors.contains(value)) {
              refuse("contract", value, "the back office throws this BPMN error; the model must define and catch it");
            }
          }
          default -> {}
        }
      }
    }
  }

  private static List<String> constants(Class<?> type) {
    List<String> values = new ArrayList<>();
    for (Field f : type.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          values.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }

  // --- controls -------------------------------------------------------------------------------

  private void controls(BpmnModelInstance model, Process process) {
    String sign = RenewalProcess.Activities.SIGN_CERTIFICATE;
    if (!(model.getModelElementById(sign) instanceof FlowNode)) {
      return; // the contract names it missing
    }
    Map<String, Set<String>> graph = graph(model, process);
    if (!reachable(graph, process.getId(), null).contains(sign)) {
      refuse("controls", sign, "can no longer be reached from the start: no certificate would be issued");
      return;
    }
    for (Map.Entry<String, String> control : CONTROLS.entrySet()) {
      if (reachable(graph, process.getId(), control.getKey()).contains(sign)) {
        refuse("controls", control.getKey(), "a path from the start reaches " + sign + " without " + control.getValue());
      }
    }
  }

  /**
   * Where a token can go next: sequence flows; a stage into its start events and, from its end
   * events, out through its outgoing flows ({@code id#done}); an activity to the events on its
   * boundary; a scope to the event sub-processes that may start in it; an error end event to
   * every error boundary around it.
   */
  private static Map<String, Set<String>> graph(BpmnModelInstance model, Process process) {
    Map<String, Set<String>> next = new HashMap<>();
    java.util.function.BiConsumer<String, String> edge = (a, b) -> next.computeIfAbsent(a, k -> new HashSet<>()).add(b);
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      String from = flow.getSource() instanceof SubProcess ? flow.getSource().getId() + "#done" : flow.getSource().getId();
      edge.accept(from, flow.getTarget().getId());
    }
    List<BaseElement> scopes = new ArrayList<>(List.of(process));
    scopes.addAll(model.getModelElementsByType(SubProcess.class));
    for (BaseElement scope : scopes) {
      for (FlowElement child : children(scope)) {
        if (child instanceof StartEvent) {
          edge.accept(scope.getId(), child.getId());
        }
        if (child instanceof SubProcess sp && sp.triggeredByEvent()) {
          edge.accept(scope.getId(), sp.getId());
        }
        if (child instanceof EndEvent end) {
          boolean error = end.getEventDefinitions().stream().anyMatch(d -> d instanceof ErrorEventDefinition);
          if (error) {
            for (ModelElementInstance around = scope; around instanceof SubProcess sp; around = around.getParentElement()) {
              for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
                if (b.getAttachedTo() == sp) {
                  edge.accept(end.getId(), b.getId());
                }
              }
            }
          } else if (scope instanceof SubProcess sp && completes(sp, end)) {
            edge.accept(end.getId(), scope.getId() + "#done");
          }
        }
      }
    }
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      if (b.getAttachedTo() != null) {
        edge.accept(b.getAttachedTo().getId(), b.getId());
      }
    }
    return next;
  }

  /**
   * Whether reaching {@code end} can complete the stage: it lies on the stage's main line, reached
   * from its start without a non-interrupting event (a reminder's branch ends while the main line
   * still waits), and the stage is no non-interrupting event sub-process.
   */
  private static boolean completes(SubProcess stage, EndEvent end) {
    if (stage.triggeredByEvent()) {
      return stage.getFlowElements().stream().anyMatch(e -> e instanceof StartEvent s && s.isInterrupting());
    }
    Set<FlowNode> seen = new HashSet<>();
    Deque<FlowNode> toVisit = new ArrayDeque<>();
    stage.getFlowElements().stream().filter(e -> e instanceof StartEvent).forEach(e -> toVisit.add((FlowNode) e));
    while (!toVisit.isEmpty()) {
      FlowNode at = toVisit.pop();
      if (!seen.add(at)) {
        continue;
      }
      at.getOutgoing().forEach(f -> toVisit.add(f.getTarget()));
      for (FlowElement e : stage.getFlowElements()) {
        if (e instanceof BoundaryEvent b && b.getAttachedTo() == at && b.cancelActivity()) {
          toVisit.add(b);
        }
      }
    }
    return seen.contains(end);
  }

  private static Set<String> reachable(Map<String, Set<String>> graph, String from, String without) {
    Set<String> seen = new HashSet<>();
    Deque<String> toVisit = new ArrayDeque<>(List.of(from));
    while (!toVisit.isEmpty()) {
      String at = toVisit.pop();
      if (at.equals(without) || !seen.add(at)) {
        continue;
      }
      toVisit.addAll(graph.getOrDefault(at, Set.of()));
    }
    return seen;
  }
}
