package org.cabackoffice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every user task's form in forms/ sets the variables the process reads after it: the gateway
 * conditions that route on the decision, and what the task's listener records. The process test
 * and the ITs complete tasks with variables they name themselves, so a renamed form field would
 * otherwise pass every test and break Tasklist.
 */
class FormsMatchTheModelTest {

  /** What each task's listener (or the next service task) reads, besides the gateway's routing. */
  static final Map<String, List<String>> RECORDED =
      Map.of(
          "decide-documents", List.of("documentsNote"),
          "compare-registrant-name", List.of("registrantComparisonNote"),
          "review-documents", List.of("documentsReviewNote"),
          "review-employment-certificate", List.of("employmentCertificateNote"),
          "verify-by-phone",
              List.of(
                  "spokeWith",
                  "phoneNote",
                  "productAndTypeConfirmed",
                  "organizationAndCommonNameConfirmed",
                  "technicalContactConfirmed",
                  "intentConfirmed"),
          "approve-issuance", List.of("approvalNote"),
          "confirm-organization",
              List.of(
                  "organizationNote",
                  "legalExistenceVerified",
                  "operationalExistenceVerified",
                  "physicalAddressVerified",
                  "communicationVerified"),
          "review-registry-certificate",
              List.of(
                  "registryCertificateNote",
                  "registeredNameEn",
                  "registeredNameJa",
                  "registeredCorporateNumber",
                  "registeredStateOrProvince",
                  "registeredLocality",
                  "registeredBusinessCategory",
                  "registeredMainPhone",
                  "legalExistenceVerified",
                  "operationalExistenceVerified",
                  "physicalAddressVerified",
                  "communicationVerified"));

  private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-z][A-Za-z0-9]*)\\b");
  private static final Set<String> EL_WORDS =
      Set.of("true", "false", "null", "and", "or", "not", "eq", "ne", "empty", "execution");

  static BpmnModelInstance model;
  static Map<String, Set<String>> editableFieldsByFormId = new HashMap<>();

  @BeforeAll
  static void read() throws IOException {
    model = Bpmn.readModelFromFile(new File("bpmn/certificate-renewal.bpmn"));
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode root = json.readTree(form.toFile());
        Set<String> keys = new LinkedHashSet<>();
        collect(root, keys);
        editableFieldsByFormId.put(root.path("id").asText(), keys);
      }
    }
  }

  private static void collect(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key") && !component.path("disabled").asBoolean(false)
          && !component.path("readonly").asBoolean(false)) {
        keys.add(component.path("key").asText());
      }
      collect(component, keys);
    }
  }

  @Test
  void everyUserTaskHasAFormThatSetsWhatTheProcessReads() {
    List<UserTask> userTasks = List.copyOf(model.getModelElementsByType(UserTask.class));
    assertThat(userTasks).extracting(UserTask::getId).containsExactlyInAnyOrderElementsOf(RECORDED.keySet());
    for (UserTask task : userTasks) {
      String formId = task.getCamundaFormRef();
      assertThat(editableFieldsByFormId).as("form for " + task.getId()).containsKey(formId);
      Set<String> read = new LinkedHashSet<>(RECORDED.get(task.getId()));
      read.addAll(routedOn(task));
      assertThat(editableFieldsByFormId.get(formId))
          .as("fields of form %s that %s's process reads", formId, task.getId())
          .containsAll(read);
    }
  }

  @Test
  void theDecisionGatewaysRouteOnFormFields() {
    assertThat(routedOn(task("decide-documents"))).containsExactly("documentsRequirement");
    assertThat(routedOn(task("verify-by-phone"))).containsExactly("phoneOutcome");
    assertThat(routedOn(task("approve-issuance"))).containsExactly("issuanceDecision");
    assertThat(routedOn(task("confirm-organization"))).containsExactly("organizationMatch");
    assertThat(routedOn(task("review-registry-certificate"))).containsExactly("registryCertificateReview");
  }

  private static UserTask task(String id) {
    return model.getModelElementById(id);
  }

  /** The variables in the conditions of the gateway right after the task. */
  static Set<String> routedOn(UserTask task) {
    Set<String> variables = new LinkedHashSet<>();
    for (SequenceFlow out : task.getOutgoing()) {
      FlowNode next = out.getTarget();
      if (!(next instanceof ExclusiveGateway gateway)) {
        continue;
      }
      for (SequenceFlow branch : gateway.getOutgoing()) {
        ConditionExpression condition = branch.getConditionExpression();
        if (condition == null) {
          continue;
        }
        String expression = condition.getTextContent().replaceAll("'[^']*'", "");
        Matcher m = IDENTIFIER.matcher(expression);
        while (m.find()) {
          if (!EL_WORDS.contains(m.group(1))) {
            variables.add(m.group(1));
          }
        }
      }
    }
    return variables;
  }
}
