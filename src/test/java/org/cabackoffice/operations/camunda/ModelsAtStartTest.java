package org.cabackoffice.operations.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The models deployed at start pass the same rules as an operator's upload (issue 11): the files
 * in bpmn/ and forms/ start; an edited file on a node's disk stops the start before the engine
 * deploys it, naming the file, the rule and the element.
 */
class ModelsAtStartTest {

  /** Every bean name a model may name exists, as in the running application. */
  private final StaticApplicationContext context = new StaticApplicationContext() {
    @Override
    public boolean containsBean(String name) {
      return !name.startsWith("unknown");
    }
  };

  private SpringProcessEngineConfiguration startingWith(List<Resource> resources) {
    SpringProcessEngineConfiguration configuration = new SpringProcessEngineConfiguration();
    configuration.setDeploymentResources(resources.toArray(Resource[]::new));
    return configuration;
  }

  private static List<Resource> shipped() throws Exception {
    List<Resource> resources = new ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.sorted().forEach(f -> resources.add(new FileSystemResource(f)));
      }
    }
    return resources;
  }

  private AbstractProcessEnginePlugin plugin() {
    return new ModelsAtStart().modelsAtStartPassTheRules(context);
  }

  @Test
  void theShippedModelsAndFormsStart() throws Exception {
    plugin().postInit(startingWith(shipped()));
  }

  @Test
  void anEditedModelOnDiskStopsTheStartNamingFileRuleAndElement() throws Exception {
    List<Resource> resources = new ArrayList<>();
    for (Resource r : shipped()) {
      if ("certificate-renewal.bpmn".equals(r.getFilename())) {
        // Someone drew a path around the CAA check straight into the node's bpmn/ folder.
        String edited = r.getContentAsString(StandardCharsets.UTF_8).replace("\"check-caa\"", "\"check-caa-records\"");
        resources.add(new ByteArrayResource(edited.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "certificate-renewal.bpmn";
          }
        });
      } else {
        resources.add(r);
      }
    }
    assertThatThrownBy(() -> plugin().postInit(startingWith(resources)))
        .isInstanceOf(ModelsAtStart.ModelRefusedAtStart.class)
        .hasMessageStartingWith("certificate-renewal.bpmn fails the model rules")
        .hasMessageContaining("[contract] check-caa:")
        .hasMessageNotContaining("certificate-revocation.bpmn");
  }

  @Test
  void aScriptInAModelStopsTheStart() throws Exception {
    List<Resource> resources = new ArrayList<>();
    for (Resource r : shipped()) {
      if ("certificate-revocation.bpmn".equals(r.getFilename())) {
        String edited = r.getContentAsString(StandardCharsets.UTF_8)
            .replaceFirst("camunda:delegateExpression=\"\\$\\{([a-zA-Z]+)\\}\"", "camunda:expression=\"\\${unknownBean.run()}\"");
        assertThat(edited).contains("unknownBean");
        resources.add(new ByteArrayResource(edited.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "certificate-revocation.bpmn";
          }
        });
      } else {
        resources.add(r);
      }
    }
    assertThatThrownBy(() -> plugin().postInit(startingWith(resources)))
        .hasMessageStartingWith("certificate-revocation.bpmn fails the model rules")
        .hasMessageContaining("[code]");
  }
}
