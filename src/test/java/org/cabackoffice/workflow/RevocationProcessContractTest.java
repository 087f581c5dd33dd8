package org.cabackoffice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cabackoffice.revocation.RevocationOrigin;
import org.cabackoffice.revocation.RevocationReason;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds bpmn/certificate-revocation.bpmn and its forms to {@link RevocationProcess}. */
class RevocationProcessContractTest {

  private static final Set<String> EL_WORDS =
      Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "execution", "task");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)\\}", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");

  static BpmnModelInstance model;
  static String xml;
  static Set<String> formFields = new TreeSet<>();

  @BeforeAll
  static void read() throws IOException {
    model = Bpmn.readModelFromFile(new File("bpmn/certificate-revocation.bpmn"));
    xml = Bpmn.convertToString(model).replace("&apos;", "'");
    ObjectMapper json = new ObjectMapper();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      JsonNode form = json.readTree(new File("forms/" + task.getCamundaFormRef() + ".form"));
      assertThat(form.path("id").asText()).isEqualTo(task.getCamundaFormRef());
      collect(form, formFields);
    }
  }

  @Test
  void everyVariableAnExpressionReadsIsInTheContract() {
    Set<String> declared = ProcessContractTest.constants(RevocationProcess.Variables.class);
    Set<String> unknown = new TreeSet<>();
    Matcher expressions = EXPRESSION.matcher(xml);
    while (expressions.find()) {
      Matcher names = IDENTIFIER.matcher(expressions.group(1).replaceAll("'[^']*'", "''"));
      while (names.find()) {
        String name = names.group(1);
        if (!EL_WORDS.contains(name) && !name.endsWith("Delegate") && !name.endsWith("Listener") && !declared.contains(name)) {
          unknown.add(name);
        }
      }
    }
    assertThat(unknown).isEmpty();
    assertThat(declared).containsAll(formFields);
  }

  @Test
  void everyActivityTheContractNamesIsInTheModel() {
    assertThat(ProcessContractTest.constants(RevocationProcess.Activities.class).stream()
            .filter(id -> !(model.getModelElementById(id) instanceof FlowNode)).toList())
        .isEmpty();
    assertThat((Object) model.getModelElementById(RevocationProcess.PROCESS_KEY)).isNotNull();
  }

  @Test
  void theModelRoutesOnTheOriginsTheRequestsRecord() {
    Set<String> origins = ProcessContractTest.constants(RevocationProcess.Origins.class);
    assertThat(origins)
        .isEqualTo(Arrays.stream(RevocationOrigin.values()).map(Enum::name).collect(Collectors.toSet()));
    Set<String> routed = new LinkedHashSet<>();
    Matcher m = Pattern.compile("origin == '([A-Z_]+)'").matcher(xml);
    while (m.find()) {
      routed.add(m.group(1));
    }
    assertThat(routed).containsExactlyInAnyOrderElementsOf(origins);
  }

  @Test
  void theInvestigationOffersEveryReasonOfBr722() throws IOException {
    JsonNode form = new ObjectMapper().readTree(new File("forms/investigate-problem-report.form"));
    Set<String> offered = new TreeSet<>();
    for (JsonNode component : form.path("components")) {
      if ("investigationReason".equals(component.path("key").asText())) {
        component.path("values").forEach(v -> offered.add(v.path("value").asText()));
      }
    }
    assertThat(offered)
        .isEqualTo(Arrays.stream(RevocationReason.values()).map(RevocationReason::rfc5280Name).collect(Collectors.toSet()));
  }

  @Test
  void everyWaitForAnOfficerHasADeadlineTimerThatLetsTheWorkGoOn() {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(model.getModelElementsByType(BoundaryEvent.class).stream()
              .filter(b -> b.getAttachedTo() == task)
              .filter(b -> !b.cancelActivity())
              .count())
          .as("non-interrupting deadline timer on " + task.getId())
          .isGreaterThanOrEqualTo(1);
      assertThat(task.getCamundaDueDate()).as("due date of " + task.getId()).isNotBlank();
    }
  }

  @Test
  void everyFlowNodeIsDrawn() {
    Set<String> drawn =
        model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
    assertThat(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).filter(id -> !drawn.contains(id)).toList())
        .isEmpty();
  }

  private static void collect(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.path("key").asText());
      }
      collect(component, keys);
    }
  }

}
