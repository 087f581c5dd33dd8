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
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.cabackoffice.operations.ModelFinding;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.xml.sax.SAXException;

/**
 * The models in {@code bpmn/} pass the same {@link ModelRules} as an operator's upload before the
 * engine deploys them (issue 11: nobody deploys around the reviewed path, a file edited on a node's
 * disk included). A model that fails stops the start in every configuration, before anything is
 * deployed to the database the nodes share, with one message naming the file, the rule and the
 * element; a developer sees it at once, and a production node never serves an unchecked model.
 *
 * <p>The latest version an operator deployed (source {@code operations}) was checked when it was
 * approved; it is checked again at start because the rules may have grown since. It already runs
 * applications on every node, so a finding there does not stop the start (that would stop the CA,
 * not the model): it is logged at ERROR, naming the version, for operations to replace it.
 */
@Configuration
class ModelsAtStart {

  private static final Logger log = LoggerFactory.getLogger(ModelsAtStart.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A file of the start-up deployment and what the rules found in it. */
  record FileFindings(String file, List<ModelFinding> findings) {}

  /** Thrown to stop the start: the message names every file, rule and element. */
  static final class ModelRefusedAtStart extends IllegalStateException {
    ModelRefusedAtStart(List<FileFindings> refused) {
      super(message(refused));
    }
  }

  @Bean
  AbstractProcessEnginePlugin modelsAtStartPassTheRules(ApplicationContext context) {
    Predicate<String> beanExists = context::containsBean;
    return new AbstractProcessEnginePlugin() {
      // postInit: every preInit (the starter's deployment configuration among them) has set the
      // resources, and the engine that deploys them is not built yet.
      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration instanceof SpringProcessEngineConfiguration spring
            && spring.getDeploymentResources() != null) {
          Map<String, byte[]> files = new LinkedHashMap<>();
          for (Resource resource : spring.getDeploymentResources()) {
            try (InputStream in = resource.getInputStream()) {
              files.put(resource.getFilename(), in.readAllBytes());
            } catch (IOException e) {
              throw new IllegalStateException("cannot read the model resource " + resource.getDescription(), e);
            }
          }
          refuseUnfit(files, beanExists);
        }
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        warnAboutOperatorVersions(engine.getRepositoryService(), beanExists);
      }
    };
  }

  /**
   * Checks the start-up deployment's models (file name → content, forms beside them).
   *
   * @throws ModelRefusedAtStart when a model fails a rule
   */
  static void refuseUnfit(Map<String, byte[]> files, Predicate<String> beanExists) {
    List<FileFindings> refused = check(files, beanExists);
    if (!refused.isEmpty()) {
      throw new ModelRefusedAtStart(refused);
    }
    log.info("The models deployed at start pass the model rules: {}",
        files.keySet().stream().filter(n -> n.endsWith(".bpmn")).toList());
  }

  /** The files that fail, each with its findings; forms that are no Camunda form count too. */
  static List<FileFindings> check(Map<String, byte[]> files, Predicate<String> beanExists) {
    List<FileFindings> refused = new ArrayList<>();
    Set<String> formIds = new HashSet<>();
    files.forEach(
        (name, content) -> {
          if (name.endsWith(".form")) {
            try {
              JsonNode id = JSON.readTree(content).path("id");
              if (id.isTextual() && !id.asText().isBlank()) {
                formIds.add(id.asText());
              } else {
                refused.add(new FileFindings(name, List.of(new ModelFinding("forms", name, "a Camunda form has an \"id\""))));
              }
            } catch (IOException e) {
              refused.add(new FileFindings(name, List.of(new ModelFinding("forms", name, "is not a Camunda form (JSON): " + e.getMessage()))));
            }
          }
        });
    files.forEach(
        (name, content) -> {
          if (name.endsWith(".bpmn")) {
            List<ModelFinding> findings = checkModel(content, formIds, beanExists, null);
            if (!findings.isEmpty()) {
              refused.add(new FileFindings(name, findings));
            }
          }
        });
    return refused;
  }

  private static List<ModelFinding> checkModel(
      byte[] content, Set<String> formIds, Predicate<String> beanExists, Integer shortestHistoryDays) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
      List<Process> executable =
          model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).toList();
      if (executable.size() != 1) {
        return List.of(new ModelFinding("process", null, "a model file holds exactly one executable process"));
      }
      return ModelRules.check(
          model, CamundaProcessModels.dom(content), executable.get(0).getId(), formIds, beanExists, shortestHistoryDays);
    } catch (RuntimeException | IOException | SAXException e) {
      return List.of(new ModelFinding("parses", null, "does not parse as BPMN 2.0: " + e.getMessage()));
    }
  }

  /** The latest version of each process, when an operator deployed it, checked as it stands. */
  static void warnAboutOperatorVersions(RepositoryService repository, Predicate<String> beanExists) {
    for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().list()) {
      Deployment deployment =
          repository.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult();
      if (deployment == null || !"operations".equals(deployment.getSource())) {
        continue;
      }
      Map<String, byte[]> files = new LinkedHashMap<>();
      for (org.camunda.bpm.engine.repository.Resource r : repository.getDeploymentResources(latest.getDeploymentId())) {
        try (InputStream in = repository.getResourceAsStreamById(latest.getDeploymentId(), r.getId())) {
          files.put(CamundaProcessModels.fileName(r.getName()), in.readAllBytes());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      List<FileFindings> unfit = check(files, beanExists);
      if (!unfit.isEmpty()) {
        log.error(
            "The running version {} of {} (deployment '{}' by operations) fails today's model rules; it keeps"
                + " running, deploy a fixed version through /operations/models: {}",
            latest.getVersion(), latest.getKey(), deployment.getName(), message(unfit));
      }
    }
  }

  static String message(List<FileFindings> refused) {
    return refused.stream()
        .map(
            f ->
                f.file()
                    + " fails the model rules (ModelRules, the same as an operator's upload): "
                    + f.findings().stream()
                        .map(m -> "[" + m.rule() + "] " + (m.where() == null ? "" : m.where() + ": ") + m.message())
                        .collect(Collectors.joining("; ")))
        .collect(Collectors.joining(" | "));
  }
}
