package org.cabackoffice.auditors.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.cabackoffice.auditors.ProcessDiagram;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.junit.jupiter.api.Test;

/**
 * The auditors' diagram of the renewal model: the names of the sub-processes drawn open (the
 * service level watch and the overdue reminder) are readable, not drawn under the elements inside
 * them, as they were when the name sat in the middle of the box.
 */
class ProcessDiagramLabelsTest {

  /** The page's font: 10 units high, about 6 units a character (ProcessDiagram.Shape#lines). */
  static final double CHAR_WIDTH = 6, LINE_HEIGHT = 12, ASCENT = 10;

  @Test
  void anOpenSubProcessShowsItsNameAboveWhatItHolds() {
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/certificate-renewal.bpmn").toFile());
    BpmnDiagram main = model.getDefinitions().getBpmDiagrams().iterator().next();
    ProcessDiagram diagram = CamundaProcessDiagrams.drawn(main, Set.of());
    List<ProcessDiagram.Shape> containers =
        diagram.shapes().stream().filter(s -> s.kind().equals("container")).toList();
    assertThat(containers).extracting(ProcessDiagram.Shape::id).containsExactlyInAnyOrder("service-level-watch", "overdue-watch");
    for (ProcessDiagram.Shape container : containers) {
      List<String> lines = container.lines();
      assertThat(lines).containsExactly(container.name());
      double width = lines.get(0).length() * CHAR_WIDTH;
      double left = container.centerX() - width / 2, right = container.centerX() + width / 2;
      double top = container.firstLineY() - ASCENT, bottom = container.firstLineY() + (lines.size() - 1) * LINE_HEIGHT + 3;
      assertThat(top).as(container.id() + "'s name inside its box").isGreaterThanOrEqualTo(container.y());
      for (ProcessDiagram.Shape inner : diagram.shapes()) {
        boolean inside = inner != container
            && inner.x() >= container.x() && inner.x() + inner.width() <= container.x() + container.width()
            && inner.y() >= container.y() && inner.y() + inner.height() <= container.y() + container.height();
        if (!inside) {
          continue;
        }
        boolean overlaps = left < inner.x() + inner.width() && inner.x() < right && top < inner.y() + inner.height() && inner.y() < bottom;
        assertThat(overlaps).as(container.id() + "'s name is drawn over " + inner.id()).isFalse();
      }
    }
  }

  @Test
  void aCollapsedStageKeepsItsNameInTheMiddle() {
    ProcessDiagram.Shape stage = new ProcessDiagram.Shape("domain-stage", "Domain", 0, 0, 100, 80, "subprocess", false);
    ProcessDiagram.Shape open = new ProcessDiagram.Shape("overdue-watch", "Overdue reminder", 0, 0, 420, 150, "container", false);
    assertThat(stage.firstLineY()).isEqualTo(43);
    assertThat(open.firstLineY()).isEqualTo(14);
  }
}
