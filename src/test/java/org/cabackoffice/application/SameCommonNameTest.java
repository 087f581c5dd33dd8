package org.cabackoffice.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Guide [1-2] FAQ: the officers' forms list the other applications for the common name. */
class SameCommonNameTest {

  private static SameCommonName.OtherApplication other(long id, ApplicationStatus status, String serial) {
    return new SameCommonName.OtherApplication(
        id, status, "Sample K.K.", Instant.parse("2026-12-01T01:00:00Z"), serial);
  }

  @Test
  void eachOtherApplicationIsOneLineWithItsSerialOnceIssued() {
    assertThat(
            SameCommonName.shown(
                List.of(other(3, ApplicationStatus.ISSUED, "3a9f"), other(5, ApplicationStatus.IN_PROGRESS, null)), 9))
        .isEqualTo(
            "#3 ISSUED, Sample K.K., submitted 2026-12-01 10:00 JST, serial 3a9f\n"
                + "#5 IN_PROGRESS, Sample K.K., submitted 2026-12-01 10:00 JST");
  }

  @Test
  void noneIsSaid() {
    assertThat(SameCommonName.shown(List.of(), 9)).isEqualTo("None / なし");
  }

  @Test
  void manyKeepTheNewestWithinTheEnginesTextLimitAndCountTheRest() {
    List<SameCommonName.OtherApplication> many =
        LongStream.rangeClosed(1, 200).mapToObj(i -> other(i, ApplicationStatus.ISSUED, "ab".repeat(16))).toList();
    String shown = SameCommonName.shown(many, 9);
    assertThat(shown.length()).isLessThan(4000);
    assertThat(shown).endsWith("serial " + "ab".repeat(16)).contains("#200 ISSUED");
    assertThat(shown.lines().findFirst().orElseThrow()).matches("\\d+ older: GET /api/applications/9");
    assertThat(shown).doesNotContain("#1 ISSUED");
  }
}
