package org.cabackoffice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cabackoffice.application.RejectionReason;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds bpmn/certificate-renewal.bpmn to {@link RenewalProcess}, the typed contract (DESIGN.md:
 * "a model test holds the BPMN to it"). Operations staff edit the model, not the Java; an
 * expression naming a variable nobody sets, a refusal with a code the refusal step cannot read,
 * or a renamed element that code, operators or tests address would otherwise pass deployment
 * and fail on a live application.
 */
class ProcessContractTest {

  /** EL keywords and the engine's implicit objects. */
  private static final Set<String> EL_WORDS =
      Set.of(
          "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge",
          "div", "mod", "instanceof", "execution", "task", "authenticatedUserId");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)\\}", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)");
  private static final Pattern SETS_REJECTION_CODE =
      Pattern.compile(
          "setVariable\\(\\s*'" + RenewalProcess.Variables.REJECTION_CODE + "'\\s*,\\s*'([^']*)'\\s*\\)");
  private static final Pattern KEBAB_LITERAL = Pattern.compile("\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\"");
  /** Calls and engine REST fields whose string arguments are activity ids. */
  private static final Pattern ACTIVITY_ARGUMENTS =
      Pattern.compile(
          "(?:(?<![\\w.])complete|\\.activityId|\\.activityIdIn|taskDefinitionKey|isWaitingAt|hasPassed|hasPassedInOrder"
              + "|hasNotPassed|fireTimer|completeTask|startBeforeActivity|startAfterActivity"
              + "|\"activityId\",|\"sourceActivityIds\",|\"targetActivityIds\",)\\s*\\(?([^)]*)\\)");
  /** Calls and engine REST fields whose string arguments are message names. */
  private static final Pattern MESSAGE_ARGUMENTS =
      Pattern.compile("(?:createMessageCorrelation|correlateMessage|\"messageName\",)\\s*\\(?\\s*(\"[^\"]*\")");
  /** Calls and engine REST fields whose string arguments are BPMN error codes. */
  private static final Pattern ERROR_ARGUMENTS =
      Pattern.compile("(?:new BpmnError|\"errorCode\",)\\s*\\(?\\s*(\"[^\"]*\")");

  static BpmnModelInstance model;
  static List<String> expressions = new ArrayList<>();
  static Set<String> formFields = new TreeSet<>();

  @BeforeAll
  static void read() throws IOException {
    model = Bpmn.readModelFromFile(new File("bpmn/certificate-renewal.bpmn"));
    // Every expression, wherever it sits (conditions, timers, due dates, delegate expressions,
    // listeners): the model serialized, so an attribute added later is not missed.
    Matcher m = EXPRESSION.matcher(Bpmn.convertToString(model));
    while (m.find()) {
      expressions.add(unescape(m.group(1)));
    }
    // The forms of this model's user tasks; another model's forms answer to its own contract.
    Set<String> formIds = new TreeSet<>();
    model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
        .forEach(task -> formIds.add(task.getCamundaFormRef()));
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode root = json.readTree(form.toFile());
        if (formIds.contains(root.path("id").asText())) {
          collectKeys(root, formFields);
        }
      }
    }
  }

  @Test
  void everyVariableAnExpressionReadsIsDeclaredOrSetByAForm() {
    Set<String> declared = constants(RenewalProcess.Variables.class);
    Set<String> unknown = new TreeSet<>();
    for (String expression : expressions) {
      Matcher m = IDENTIFIER.matcher(expression.replaceAll("'[^']*'|\"[^\"]*\"", "''"));
      while (m.find()) {
        String name = m.group(1);
        boolean bean = name.endsWith("Delegate") || name.endsWith("Listener");
        if (!EL_WORDS.contains(name) && !bean && !declared.contains(name) && !formFields.contains(name)) {
          unknown.add(name + " in ${" + expression + "}");
        }
      }
    }
    assertThat(expressions).as("expressions found in the model").hasSizeGreaterThan(40);
    assertThat(unknown).as("variables neither in RenewalProcess.Variables nor in a form").isEmpty();
  }

  @Test
  void everyFormFieldIsAContractVariable() {
    // A form shows and sets process variables; listeners and gateways read them by these names.
    assertThat(constants(RenewalProcess.Variables.class)).containsAll(formFields);
  }

  @Test
  void everyRejectionCodeTheModelSetsIsARejectionReason() {
    Set<String> codes = new TreeSet<>();
    for (String expression : expressions) {
      Matcher m = SETS_REJECTION_CODE.matcher(expression);
      while (m.find()) {
        codes.add(m.group(1));
      }
    }
    model.getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(p -> RenewalProcess.Variables.REJECTION_CODE.equals(p.getCamundaName()))
        .forEach(p -> codes.add(p.getTextContent().trim()));
    model.getModelElementsByType(CamundaOutputParameter.class).stream()
        .filter(p -> RenewalProcess.Variables.REJECTION_CODE.equals(p.getCamundaName()))
        .forEach(p -> codes.add(p.getTextContent().trim()));

    Set<String> reasons =
        Arrays.stream(RejectionReason.values()).map(Enum::name).collect(Collectors.toSet());
    assertThat(codes).as("the model's refusal paths set codes").contains("DOMAIN_CONSENT_DECLINED", "CAA_FORBIDS");
    assertThat(reasons).as("codes the model sets (RejectApplicationDelegate reads them)").containsAll(codes);
  }

  @Test
  void everyActivityTheContractNamesIsInTheModel() {
    Set<String> named = new LinkedHashSet<>(constants(RenewalProcess.Activities.class));
    named.addAll(constants(RenewalProcess.Stages.class));
    assertThat(named.stream().filter(id -> !(model.getModelElementById(id) instanceof FlowNode)).toList())
        .as("activity ids in RenewalProcess without a flow node in the model")
        .isEmpty();
    assertThat((Object) model.getModelElementById(RenewalProcess.PROCESS_KEY)).isNotNull();
  }

  @Test
  void everyActivityIdTheJavaCodeAddressesIsInTheModel() throws IOException {
    Set<String> missing = new TreeSet<>();
    for (Literal literal : literals(ACTIVITY_ARGUMENTS)) {
      Matcher ids = KEBAB_LITERAL.matcher(literal.text());
      while (ids.find()) {
        if (!(model.getModelElementById(ids.group(1)) instanceof FlowNode)) {
          missing.add(ids.group(1) + " (" + literal.file() + ")");
        }
      }
    }
    assertThat(missing).as("activity ids named in Java that the model lacks").isEmpty();
  }

  @Test
  void everyMessageIsInTheContractAndInTheModel() throws IOException {
    Set<String> inModel =
        model.getModelElementsByType(Message.class).stream().map(Message::getName).collect(Collectors.toSet());
    Set<String> contract = constants(RenewalProcess.Messages.class);
    assertThat(inModel).as("messages of the model").containsAll(contract);
    assertThat(contract).as("a message nobody in Java can deliver").containsAll(inModel);
    Set<String> missing = new TreeSet<>();
    for (Literal literal : literals(MESSAGE_ARGUMENTS)) {
      String name = literal.text().replace("\"", "");
      if (!inModel.contains(name)) {
        missing.add(name + " (" + literal.file() + ")");
      }
    }
    assertThat(missing).as("messages named in Java that the model lacks").isEmpty();
  }

  @Test
  void everyErrorIsInTheContractAndInTheModel() throws IOException {
    Set<String> inModel =
        model.getModelElementsByType(Error.class).stream().map(Error::getErrorCode).collect(Collectors.toSet());
    assertThat(inModel).isEqualTo(constants(RenewalProcess.Errors.class));
    Set<String> missing = new TreeSet<>();
    for (Literal literal : literals(ERROR_ARGUMENTS)) {
      String code = literal.text().replace("\"", "");
      if (!inModel.contains(code)) {
        missing.add(code + " (" + literal.file() + ")");
      }
    }
    assertThat(missing).as("error codes thrown in Java that the model lacks").isEmpty();
  }

  // --- helpers -----------------------------------------------------------------------------

  record Literal(String file, String text) {}

  /** The arguments of the given calls in every Java source, main and test. */
  private static List<Literal> literals(Pattern calls) throws IOException {
    List<Literal> found = new ArrayList<>();
    for (String root : List.of("src/main/java", "src/test/java")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          if (file.endsWith("ProcessContractTest.java")) {
            continue;
          }
          Matcher m = calls.matcher(Files.readString(file));
          while (m.find()) {
            found.add(new Literal(file.getFileName().toString(), m.group(1)));
          }
        }
      }
    }
    return found;
  }

  static Set<String> constants(Class<?> holder) {
    Set<String> values = new TreeSet<>();
    for (Field field : holder.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }

  private static void collectKeys(JsonNode node, Set<String> keys) {
    for (JsonNode component : node.path("components")) {
      if (component.hasNonNull("key")) {
        keys.add(component.path("key").asText());
      }
      collectKeys(component, keys);
    }
  }

  private static String unescape(String xml) {
    return xml.replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
