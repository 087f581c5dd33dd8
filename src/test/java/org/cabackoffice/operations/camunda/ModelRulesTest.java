package org.cabackoffice.operations.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.cabackoffice.operations.ModelDifference;
import org.cabackoffice.operations.ModelFinding;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks a proposed model passes before anyone may deploy it: the models in bpmn/ pass them
 * (they are deployed at start), and each kind of unfit edit is refused with the element and rule.
 */
class ModelRulesTest {

  static String renewal;
  static Set<String> formIds = new HashSet<>();

  @BeforeAll
  static void read() throws IOException {
    renewal = Files.readString(Path.of("bpmn/certificate-renewal.bpmn"));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path form : forms.toList()) {
        formIds.add(new ObjectMapper().readTree(form.toFile()).path("id").asText());
      }
    }
  }

  static List<ModelFinding> check(String xml, String key) throws Exception {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    return ModelRules.check(
        Bpmn.readModelFromStream(new ByteArrayInputStream(bytes)),
        CamundaProcessModels.dom(bytes),
        key,
        formIds,
        name -> !name.startsWith("unknown"),
        2000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"certificate-renewal", "certificate-revocation", "acme-order"})
  void theModelsInBpmnPass(String key) throws Exception {
    assertThat(check(Files.readString(Path.of("bpmn/" + key + ".bpmn")), key.equals("certificate-renewal") ? key : key))
        .filteredOn(f -> !(key.equals("certificate-revocation") && f.rule().equals("history")))
        .isEmpty();
  }

  @Test
  void aPathToSigningThatSkipsTheCaaCheckIsRefused() throws Exception {
    String skipped = renewal.replace(
        "sourceRef=\"issuance-stage-started\" targetRef=\"check-caa\"", "sourceRef=\"issuance-stage-started\" targetRef=\"caa-permits\"");
    assertThat(check(skipped, "certificate-renewal"))
        .contains(new ModelFinding("controls", "check-caa",
            "a path from the start reaches sign-certificate without the CAA check (BR 3.2.2.8)"));
  }

  @Test
  void expressionsMayNotCallBeansOrUnknownDelegates() throws Exception {
    String calls = renewal
        .replace("${signCertificateDelegate}", "${applicationIssuance.sign(execution)}")
        .replace("${checkCaaDelegate}", "${unknownCaaDelegate}");
    List<ModelFinding> findings = check(calls, "certificate-renewal");
    assertThat(findings).extracting(ModelFinding::where).contains("sign-certificate", "check-caa");
    assertThat(findings).extracting(ModelFinding::message)
        .anyMatch(m -> m.contains("calls applicationIssuance.sign()"))
        .anyMatch(m -> m.contains("names unknownCaaDelegate"));
  }

  @Test
  void scriptsAndJavaClassesAreRefused() throws Exception {
    String script = renewal.replace("camunda:delegateExpression=\"${checkCaaDelegate}\"", "camunda:class=\"com.example.Anything\"");
    assertThat(check(script, "certificate-renewal")).extracting(ModelFinding::rule, ModelFinding::where)
        .contains(org.assertj.core.groups.Tuple.tuple("code", "check-caa"));
  }

  @Test
  void aUserTaskWithoutFormOrGroupsAndAWaitWithoutTimerAreRefused() throws Exception {
    String bare = renewal
        .replace("camunda:formRef=\"approve-issuance\"", "camunda:formRef=\"no-such-form\"")
        .replace("camunda:candidateGroups=\"seniorOfficers\"", "camunda:candidateGroups=\"\"");
    List<ModelFinding> findings = check(bare, "certificate-renewal");
    assertThat(findings).extracting(ModelFinding::rule, ModelFinding::where)
        .contains(org.assertj.core.groups.Tuple.tuple("forms", "approve-issuance"), org.assertj.core.groups.Tuple.tuple("groups", "approve-issuance"));

    // Without the reminder and expiry timers on the wait, and the process's service-level watch.
    String untimed = renewal.replace("attachedToRef=\"wait-for-payment\"", "attachedToRef=\"issue-invoice\"")
        .replace(" triggeredByEvent=\"true\"", "");
    assertThat(check(untimed, "certificate-renewal")).extracting(ModelFinding::rule, ModelFinding::where)
        .contains(org.assertj.core.groups.Tuple.tuple("timers", "wait-for-payment"));
  }

  @Test
  void aFlowNamingAnElementTheFileDoesNotHoldIsABrokenModelNotAServerFault() throws Exception {
    // Found by ApiFuzzIT: the model API resolves a node's incoming flows only when asked.
    String broken = renewal.replaceFirst("<bpmn:incoming>flow-([a-z-]+)</bpmn:incoming>", "<bpmn:incoming>flow-nowhere</bpmn:incoming>");
    assertThat(broken).isNotEqualTo(renewal);
    assertThat(check(broken, "certificate-renewal")).extracting(ModelFinding::rule, ModelFinding::message)
        .anyMatch(f -> f.toList().get(0).equals("model") && String.valueOf(f.toList().get(1)).contains("flow-nowhere"));
  }

  @Test
  void removingAnActivityTheCodeAddressesIsRefused() throws Exception {
    String renamed = renewal.replace("\"check-caa\"", "\"check-caa-records\"");
    assertThat(check(renamed, "certificate-renewal")).extracting(ModelFinding::rule, ModelFinding::where)
        .contains(org.assertj.core.groups.Tuple.tuple("contract", "check-caa"));
  }

  @Test
  void aShorterHistoryOrAnotherProcessIsRefused() throws Exception {
    assertThat(check(renewal.replace("camunda:historyTimeToLive=\"2000\"", "camunda:historyTimeToLive=\"30\""), "certificate-renewal"))
        .extracting(ModelFinding::rule).contains("history");
    assertThat(check(renewal, "certificate-revocation")).extracting(ModelFinding::rule).containsExactly("process");
  }

  @Test
  void theComparisonNamesAChangedTimerAndARenamedTask() throws Exception {
    String changed = renewal
        .replace("${dnsRecheckInterval}</bpmn:timeDuration>", "PT30M</bpmn:timeDuration>")
        .replace("name=\"Check CAA records\"", "name=\"Check CAA records again\"");
    List<ModelDifference> differences = ModelComparison.differences(
        CamundaProcessModels.dom(renewal.getBytes(StandardCharsets.UTF_8)),
        CamundaProcessModels.dom(changed.getBytes(StandardCharsets.UTF_8)), Map.of(), Map.of());
    assertThat(differences).extracting(ModelDifference::kind, ModelDifference::id)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(ModelDifference.Kind.CHANGED, "dns-recheck-wait"),
            org.assertj.core.groups.Tuple.tuple(ModelDifference.Kind.CHANGED, "check-caa"));
    assertThat(differences.stream().filter(d -> d.id().equals("dns-recheck-wait")).findFirst().orElseThrow().details())
        .containsExactly("timerEventDefinition/timeDuration: ${dnsRecheckInterval} → PT30M");
  }
}
