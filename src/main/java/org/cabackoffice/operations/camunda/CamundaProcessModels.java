package org.cabackoffice.operations.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cabackoffice.acme.AcmeOrderProcess;
import org.cabackoffice.operations.DeployedVersion;
import org.cabackoffice.operations.ModelFinding;
import org.cabackoffice.operations.ModelResource;
import org.cabackoffice.operations.ModelReview;
import org.cabackoffice.operations.ProcessModels;
import org.cabackoffice.workflow.RenewalProcess;
import org.cabackoffice.workflow.RevocationProcess;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.cabackoffice.operations.ModelChangeRefusedException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The engine behind model changes. Every node shares the engine's database, so a version deployed
 * here is the one every node starts new applications on, without a restart: the engine looks the
 * latest version up in the database and parses a deployment it has not cached yet.
 */
@Component
class CamundaProcessModels implements ProcessModels {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ApplicationContext context;

  CamundaProcessModels(RepositoryService repository, RuntimeService runtime, ApplicationContext context) {
    this.repository = repository;
    this.runtime = runtime;
    this.context = context;
  }

  /**
   * Every process the back office deploys from {@code bpmn/}: each is changed, rolled back and has
   * its instances migrated the same way (an ACME order waiting on its validation moves too).
   */
  @Override
  public List<String> processKeys() {
    return List.of(RenewalProcess.PROCESS_KEY, RevocationProcess.PROCESS_KEY, AcmeOrderProcess.PROCESS_KEY);
  }

  @Override
  public Optional<String> processKeyOf(ModelResource model) {
    try {
      List<Process> executable = Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()))
          .getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
      return executable.size() == 1 ? Optional.of(executable.get(0).getId()) : Optional.empty();
    } catch (RuntimeException e) {
      throw new ModelChangeRefusedException("parses", model.name() + " does not parse as BPMN 2.0: " + e.getMessage());
    }
  }

  @Override
  public Optional<DeployedVersion> latest(String processKey) {
    if (!processKeys().contains(processKey)) {
      return Optional.empty();
    }
    ProcessDefinition latest =
        repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
    return Optional.ofNullable(latest).map(d -> version(d, true));
  }

  @Override
  public List<DeployedVersion> versions(String processKey) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .orderByProcessDefinitionVersion().desc().listPage(0, 50).stream()
        .map(d -> version(d, false))
        .toList();
  }

  @Override
  public Optional<DeployedVersion> version(String definitionId) {
    try {
      ProcessDefinition definition = repository.getProcessDefinition(definitionId);
      return processKeys().contains(definition.getKey()) ? Optional.of(version(definition, true)) : Optional.empty();
    } catch (NotFoundException | org.camunda.bpm.engine.exception.NullValueException e) {
      return Optional.empty();
    }
  }

  private DeployedVersion version(ProcessDefinition definition, boolean withFiles) {
    Deployment deployment =
        repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    List<ModelResource> files = new ArrayList<>();
    if (withFiles) {
      for (Resource r : repository.getDeploymentResources(definition.getDeploymentId())) {
        try (InputStream in = repository.getResourceAsStreamById(definition.getDeploymentId(), r.getId())) {
          files.add(new ModelResource(fileName(r.getName()), in.readAllBytes()));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return new DeployedVersion(
        definition.getKey(),
        definition.getId(),
        definition.getVersion(),
        definition.getDeploymentId(),
        deployment == null ? null : deployment.getName(),
        deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
        runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count(),
        files);
  }

  /** Spring's start-up deployment names resources by their path on disk; a change names them by file. */
  static String fileName(String resourceName) {
    String name = resourceName.replace('\\', '/');
    return name.substring(name.lastIndexOf('/') + 1);
  }

  @Override
  public ModelReview review(List<ModelResource> proposed, DeployedVersion base) {
    List<ModelFinding> findings = new ArrayList<>();
    ModelResource model = proposed.stream().filter(ModelResource::isModel).findFirst().orElseThrow();
    Map<String, ModelResource> formsBefore = forms(base.resources());
    Map<String, ModelResource> formsAfter = new LinkedHashMap<>(formsBefore);
    proposed.stream().filter(ModelResource::isForm).forEach(f -> formsAfter.put(f.name(), f));
    Set<String> formIds = new HashSet<>();
    for (ModelResource form : formsAfter.values()) {
      try {
        JsonNode id = JSON.readTree(form.content()).path("id");
        if (!id.isTextual() || id.asText().isBlank()) {
          findings.add(new ModelFinding("forms", form.name(), "a Camunda form has an \"id\" (the user task's camunda:formRef)"));
        } else {
          formIds.add(id.asText());
        }
      } catch (IOException e) {
        findings.add(new ModelFinding("forms", form.name(), "is not a Camunda form (JSON): " + e.getMessage()));
      }
    }
    Document after;
    BpmnModelInstance parsed;
    try {
      after = dom(model.content());
      parsed = Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
    } catch (RuntimeException | IOException | SAXException e) {
      findings.add(new ModelFinding("parses", model.name(), "does not parse as BPMN 2.0: " + e.getMessage()));
      return new ModelReview(base.processKey(), findings, List.of());
    }
    Predicate<String> beanExists = name -> context.containsBean(name);
    ProcessDefinition deployed = repository.getProcessDefinition(base.definitionId());
    findings.addAll(ModelRules.check(parsed, after, base.processKey(), formIds, beanExists, deployed.getHistoryTimeToLive()));
    Document before;
    try {
      before = dom(base.model().orElseThrow().content());
    } catch (IOException | SAXException e) {
      throw new IllegalStateException("the deployed model " + base.definitionId() + " does not parse", e);
    }
    return new ModelReview(base.processKey(), findings, ModelComparison.differences(before, after, formsBefore, formsAfter));
  }

  private static Map<String, ModelResource> forms(List<ModelResource> resources) {
    Map<String, ModelResource> forms = new LinkedHashMap<>();
    resources.stream().filter(ModelResource::isForm).forEach(f -> forms.put(f.name(), f));
    return forms;
  }

  /** A plain, namespace-aware DOM; no DTDs or external entities (an upload is untrusted input). */
  static Document dom(byte[] xml) throws IOException, SAXException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public DeployedVersion deploy(String deploymentName, List<ModelResource> proposed, DeployedVersion base) {
    ModelResource model = proposed.stream().filter(ModelResource::isModel).findFirst().orElseThrow();
    Map<String, ModelResource> forms = forms(base.resources());
    proposed.stream().filter(ModelResource::isForm).forEach(f -> forms.put(f.name(), f));
    // The model and every form of its version: user tasks bind forms by deployment. Another
    // process's model stays out, so its running version does not change with this one.
    DeploymentBuilder deployment = repository.createDeployment().name(deploymentName).source("operations");
    deployment.addInputStream(model.name(), new ByteArrayInputStream(model.content()));
    forms.values().forEach(f -> deployment.addInputStream(f.name(), new ByteArrayInputStream(f.content())));
    DeploymentWithDefinitions result;
    try {
      result = deployment.deployWithResult();
    } catch (ProcessEngineException e) {
      throw new ModelChangeRefusedException("engine", "the engine refused the deployment: " + e.getMessage());
    }
    ProcessDefinition definition = result.getDeployedProcessDefinitions().stream()
        .filter(d -> d.getKey().equals(base.processKey()))
        .findFirst()
        .orElseThrow(() -> new ModelChangeRefusedException("engine", "the deployment holds no process " + base.processKey()));
    return version(definition, false);
  }
}
