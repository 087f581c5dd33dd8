package org.cabackoffice.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A task's name is broken between words to fit its box, as the diagram draws it. */
class ProcessDiagramTest {

  @Test
  void aNameIsBrokenBetweenWordsToFitTheShape() {
    ProcessDiagram.Shape task =
        new ProcessDiagram.Shape("send-consent", "Mail WHOIS contacts for domain-use consent", 0, 0, 100, 80, "task", true);
    assertThat(task.lines()).containsExactly("Mail WHOIS", "contacts for", "domain-use", "consent");
    assertThat(task.firstLineY()).isEqualTo(40 - 3 * 6.0 + 3);
  }

  @Test
  void aShapeWithoutANameHasNoLines() {
    assertThat(new ProcessDiagram.Shape("end", null, 0, 0, 36, 36, "event", false).lines()).isEmpty();
  }
}
