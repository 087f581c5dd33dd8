package org.cabackoffice.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadedFileNameTest {

  @Test
  void dotsSeparatedBySpacesAreStillLeadingDots() {
    // Found by DocumentUploadFuzzTest: ". ." was stored as "." (a hidden, nameless file).
    assertThat(UploadedFileName.of(". .")).isEqualTo(UploadedFileName.FALLBACK);
    assertThat(UploadedFileName.of(" . .hidden.pdf")).isEqualTo("hidden.pdf");
    assertThat(UploadedFileName.of("report. v2.pdf")).isEqualTo("report. v2.pdf");
  }
}
