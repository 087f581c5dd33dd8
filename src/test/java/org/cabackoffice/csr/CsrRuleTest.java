package org.cabackoffice.csr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue of findings stays a usable contract: unique codes, two languages, each tested. */
class CsrRuleTest {

  @Test
  void codesAreUniqueAndStable() {
    assertThat(Arrays.stream(CsrRule.values()).map(CsrRule::code)).doesNotHaveDuplicates();
    assertThat(Arrays.stream(CsrRule.values()).map(CsrRule::code)).allMatch(c -> c.matches("[a-z0-9.-]+"));
  }

  @Test
  void everyRuleFormatsInBothLanguages() {
    for (CsrRule rule : CsrRule.values()) {
      Finding finding = rule.finding("A", "B", "C");
      assertThat(finding.message()).as(rule.code()).isNotBlank().doesNotContain("%");
      assertThat(finding.messageJa()).as(rule.code()).isNotBlank().doesNotContain("%");
      assertThat(finding.messageJa()).as(rule.code()).isNotEqualTo(finding.message());
    }
  }

  /** Each code must be asserted by some test that builds a request triggering it. */
  @Test
  void everyCodeIsExercisedByATest() throws IOException {
    String tests;
    try (Stream<Path> files = Files.list(Path.of("src/test/java/org/cabackoffice/csr"))) {
      tests =
          files
              .filter(f -> !f.getFileName().toString().equals("CsrRuleTest.java"))
              .map(CsrRuleTest::read)
              .collect(Collectors.joining("\n"));
    }
    for (CsrRule rule : CsrRule.values()) {
      assertThat(tests).as(rule.code()).contains("\"" + rule.code() + "\"");
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
