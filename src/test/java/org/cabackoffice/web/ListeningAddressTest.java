package org.cabackoffice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The embedded setup's demo passwords are public, so it listens on loopback unless someone
 * chooses otherwise; the containers choose otherwise explicitly.
 */
class ListeningAddressTest {

  private static Object property(String file, String name) throws Exception {
    List<PropertySource<?>> sources =
        new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
    return sources.get(0).getProperty(name);
  }

  @Test
  void theEmbeddedSetupListensOnLoopbackOnly() throws Exception {
    assertThat(property("application.yml", "server.address")).hasToString("127.0.0.1");
    assertThat(property("application-postgresql.yml", "server.address"))
        .hasToString("${SERVER_ADDRESS:127.0.0.1}");
  }

  @Test
  void theComposeNodesListenOnTheirContainersInterfaces() throws Exception {
    assertThat(Files.readString(Path.of("docker/compose.yaml")))
        .containsPattern("(?m)^\\s+SERVER_ADDRESS: 0\\.0\\.0\\.0$");
  }
}
