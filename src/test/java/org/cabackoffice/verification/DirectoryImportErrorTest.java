package org.cabackoffice.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectoryImportErrorTest {

  @Test
  void aRefusedLineQuotedWithControlCharactersIsKeptReadably() {
    // PostgreSQL refuses a NUL in text: the report of a fuzzed file was a 500 (ApiFuzzIT).
    DirectoryImport.Error error = new DirectoryImport.Error(7, "line 7: \"ファズ\u0000商事\u0007\"");
    assertThat(error.getMessage()).isEqualTo("line 7: \"ファズ\uFFFD商事\uFFFD\"");
  }

  @Test
  void aLongMessageIsCutWithoutSplittingACharacter() {
    String message = "x".repeat(499) + "\uD83D\uDE00" + "tail";
    assertThat(new DirectoryImport.Error(1, message).getMessage()).isEqualTo("x".repeat(499));
  }
}
