package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.cabackoffice.verification.DirectoryCorrectionRefused.Finding;
import org.cabackoffice.verification.DirectoryCorrectionRefused.Why;
import org.junit.jupiter.api.Test;

class DirectoryCorrectionRefusedTest {

  @Test
  void theApiReadsOneLineNamingEachFieldThePageReadsTheFindings() {
    DirectoryCorrectionRefused refused =
        new DirectoryCorrectionRefused(
            List.of(
                new Finding(Why.REASON_MISSING, "say why the entry is corrected"),
                new Finding(Why.MAIN_PHONE_INVALID, "not a Japanese number")));
    assertThat(refused.getMessage()).isEqualTo("reason: say why the entry is corrected; mainPhone: not a Japanese number");
    assertThat(refused.findings()).extracting(Finding::why).containsExactly(Why.REASON_MISSING, Why.MAIN_PHONE_INVALID);
    assertThat(new DirectoryCorrectionRefused(Why.NOTHING_CHANGES, "the correction changes nothing in entry 5").getMessage())
        .isEqualTo("the correction changes nothing in entry 5");
  }

  @Test
  void everyReasonHasAPageMessageInBothLanguages() throws Exception {
    for (String bundle : List.of("/messages.properties", "/messages_en.properties")) {
      java.util.Properties messages = new java.util.Properties();
      try (var in = getClass().getResourceAsStream(bundle)) {
        messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      }
      for (Why why : Why.values()) {
        assertThat(messages).as(bundle).containsKey("directory.error." + why.name());
      }
    }
  }
}
