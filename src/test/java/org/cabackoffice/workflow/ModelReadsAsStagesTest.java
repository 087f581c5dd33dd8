package org.cabackoffice.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The models are read by officers and auditors, not only run (DESIGN.md): the renewal's top level
 * shows the guide's stages as collapsed sub-processes, and in every model each collapsed
 * sub-process's detail sits on its own diagram plane, no plane is wider than two screens, no label
 * covers another label or a shape and no flow runs through a label. A layout edited in the
 * Modeler that breaks this fails here, where bpmnlint cannot see it.
 */
class ModelReadsAsStagesTest {

  /** Two screens of 1280 px, less a margin. */
  static final double MAX_PLANE_WIDTH = 2500;

  static BpmnModelInstance model;
  static Process process;
  static Map<String, BpmnPlane> planes;

  @BeforeAll
  static void read() {
    model = Bpmn.readModelFromFile(new File("bpmn/certificate-renewal.bpmn"));
    process = model.getModelElementById(RenewalProcess.PROCESS_KEY);
    planes = planesOf(model);
  }

  @Test
  void theTopLevelIsTheGuidesStagesInOrder() {
    List<String> path = new ArrayList<>();
    FlowNode node =
        process.getChildElementsByType(StartEvent.class).stream().findFirst().orElseThrow();
    while (node != null) {
      path.add(node.getId());
      node = node.getOutgoing().size() == 1 ? node.getOutgoing().iterator().next().getTarget() : null;
    }
    assertThat(path)
        .containsExactly(
            RenewalProcess.Activities.APPLICATION_RECEIVED,
            RenewalProcess.Stages.APPLICATION,
            RenewalProcess.Stages.DOMAIN,
            RenewalProcess.Stages.ORGANIZATION,
            RenewalProcess.Stages.DOCUMENTS,
            RenewalProcess.Stages.PAYMENT,
            RenewalProcess.Stages.PHONE,
            RenewalProcess.Stages.APPROVAL,
            RenewalProcess.Stages.ISSUANCE,
            RenewalProcess.Activities.CERTIFICATE_ISSUED);
  }

  @Test
  void eachStageIsCollapsedWithItsDetailOnItsOwnPlane() {
    BpmnPlane top = planes.get(RenewalProcess.PROCESS_KEY);
    for (SubProcess stage : stages()) {
      BpmnShape shape = shapeOf(top, stage.getId());
      assertThat(shape).as("shape of %s on the top plane", stage.getId()).isNotNull();
      assertThat(shape.isExpanded()).as("%s collapsed", stage.getId()).isFalse();
      BpmnPlane own = planes.get(stage.getId());
      assertThat(own).as("plane of %s", stage.getId()).isNotNull();
      for (FlowElement element : stage.getChildElementsByType(FlowElement.class)) {
        assertThat(drawn(own, element.getId())).as("%s drawn on %s's plane", element.getId(), stage.getId()).isTrue();
      }
    }
    // The watches over the whole application stay on the top level, where they can fire in any stage.
    assertThat(process.getChildElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent))
        .extracting(BaseElement::getId)
        .containsExactlyInAnyOrder("service-level-watch", "overdue-watch");
  }

  @Test
  void everyRefusalInAStageEndsInTheSharedRefusalStep() {
    for (SubProcess stage : stages()) {
      List<EndEvent> ends = new ArrayList<>(stage.getChildElementsByType(EndEvent.class));
      List<EndEvent> refusals = ends.stream().filter(ModelReadsAsStagesTest::throwsRefusal).toList();
      assertThat(refusals).as("refusals of %s", stage.getId()).isNotEmpty();
      // Reminder branches end quietly; every other end either passes the stage or refuses.
      for (EndEvent end : ends) {
        boolean errorEnd = !end.getChildElementsByType(ErrorEventDefinition.class).isEmpty();
        assertThat(!errorEnd || throwsRefusal(end)).as("%s throws the refusal error", end.getId()).isTrue();
      }
      List<BoundaryEvent> caught =
          process.getChildElementsByType(BoundaryEvent.class).stream()
              .filter(b -> b.getAttachedTo() == stage && catchesRefusal(b))
              .toList();
      assertThat(caught).as("refusal caught on %s", stage.getId()).hasSize(1);
      SequenceFlow out = caught.get(0).getOutgoing().iterator().next();
      assertThat(out.getTarget().getId()).isEqualTo(RenewalProcess.Activities.APPLICATION_REFUSED);
    }
    FlowNode refused = model.getModelElementById(RenewalProcess.Activities.APPLICATION_REFUSED);
    assertThat(refused.getOutgoing()).extracting(f -> f.getTarget().getId())
        .containsExactly(RenewalProcess.Activities.REJECT_APPLICATION);
  }

  @Test
  void userTasksKeepTheirFormsAndEveryWaitItsExpiry() {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as("form of %s", task.getId()).isNotBlank();
      assertThat(task.getCamundaFormRefBinding()).as("form binding of %s", task.getId()).isEqualTo("deployment");
    }
    for (ReceiveTask wait : model.getModelElementsByType(ReceiveTask.class)) {
      assertThat(
              model.getModelElementsByType(BoundaryEvent.class).stream()
                  .filter(b -> b.getAttachedTo() == wait && b.cancelActivity())
                  .filter(b -> !b.getChildElementsByType(TimerEventDefinition.class).isEmpty()))
          .as("a wait for the outside world ends at a deadline: %s", wait.getId())
          .hasSize(1);
    }
  }

  @Test
  void everyElementIsNamedForAReaderAndHasAKebabCaseId() {
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      if (element.getId() != null) {
        assertThat(element.getId()).matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
      }
    }
  }

  /**
   * Every model the service deploys, not only the renewal: an ACME order or a revocation is read
   * by the same officers and auditors, and a model added to bpmn/ is checked without editing this.
   */
  static Stream<String> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      return files.map(Path::toString).filter(f -> f.endsWith(".bpmn")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void everyCollapsedSubProcessHasItsOwnPlaneWithAllItsElementsDrawn(String file) {
    BpmnModelInstance instance = Bpmn.readModelFromFile(new File(file));
    Map<String, BpmnPlane> byElement = planesOf(instance);
    for (Process each : instance.getModelElementsByType(Process.class)) {
      BpmnPlane plane = byElement.get(each.getId());
      assertThat(plane).as("plane of %s in %s", each.getId(), file).isNotNull();
      assertDrawn(file, plane, each.getChildElementsByType(FlowElement.class), byElement);
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void noPlaneIsWiderThanTwoScreensAndNoLabelCoversAnother(String file) {
    for (BpmnPlane plane : planesOf(Bpmn.readModelFromFile(new File(file))).values()) {
      List<double[]> labels = new ArrayList<>();
      List<double[]> shapes = new ArrayList<>();
      double minX = Double.MAX_VALUE;
      double maxX = -Double.MAX_VALUE;
      for (DiagramElement element : plane.getDiagramElements()) {
        if (element instanceof BpmnShape shape) {
          // An expanded sub-process contains its shapes; a boundary event sits on its host's edge.
          if (!Boolean.TRUE.equals(shape.isExpanded()) && !(shape.getBpmnElement() instanceof BoundaryEvent)) {
            shapes.add(rect(shape.getBounds()));
          }
          minX = Math.min(minX, shape.getBounds().getX());
          maxX = Math.max(maxX, shape.getBounds().getX() + shape.getBounds().getWidth());
          label(shape.getBpmnLabel(), labels);
        } else if (element instanceof BpmnEdge edge) {
          for (Waypoint point : edge.getWaypoints()) {
            minX = Math.min(minX, point.getX());
            maxX = Math.max(maxX, point.getX());
          }
          label(edge.getBpmnLabel(), labels);
        }
      }
      for (double[] l : labels) {
        minX = Math.min(minX, l[0]);
        maxX = Math.max(maxX, l[2]);
      }
      String name = file + " " + plane.getBpmnElement().getId();
      assertThat(maxX - minX).as("width of the %s plane", name).isLessThanOrEqualTo(MAX_PLANE_WIDTH);
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          assertThat(overlap(labels.get(i), labels.get(j)))
              .as("labels on %s at %s and %s overlap", name, show(labels.get(i)), show(labels.get(j)))
              .isFalse();
        }
        for (double[] shape : shapes) {
          assertThat(overlap(labels.get(i), shape))
              .as("label on %s at %s covers a shape at %s", name, show(labels.get(i)), show(shape))
              .isFalse();
        }
      }
    }
  }

  /** A label a flow runs through is as unreadable as one a shape covers. */
  @ParameterizedTest
  @MethodSource("models")
  void noFlowRunsThroughALabel(String file) {
    for (BpmnPlane plane : planesOf(Bpmn.readModelFromFile(new File(file))).values()) {
      List<double[]> labels = new ArrayList<>();
      List<BpmnEdge> edges = new ArrayList<>();
      for (DiagramElement element : plane.getDiagramElements()) {
        if (element instanceof BpmnShape shape) {
          label(shape.getBpmnLabel(), labels);
        } else if (element instanceof BpmnEdge edge) {
          label(edge.getBpmnLabel(), labels);
          edges.add(edge);
        }
      }
      for (BpmnEdge edge : edges) {
        List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
        for (int i = 1; i < points.size(); i++) {
          for (double[] l : labels) {
            assertThat(crosses(points.get(i - 1), points.get(i), l))
                .as("%s on %s %s runs through the label at %s",
                    edge.getBpmnElement().getId(), file, plane.getBpmnElement().getId(), show(l))
                .isFalse();
          }
        }
      }
    }
  }

  // --- helpers -----------------------------------------------------------------------------

  private static List<SubProcess> stages() {
    List<SubProcess> stages =
        process.getChildElementsByType(SubProcess.class).stream().filter(s -> !s.triggeredByEvent()).toList();
    assertThat(stages).extracting(BaseElement::getId)
        .containsExactlyInAnyOrderElementsOf(ProcessContractTest.constants(RenewalProcess.Stages.class));
    return stages;
  }

  private static boolean throwsRefusal(EndEvent end) {
    return end.getChildElementsByType(ErrorEventDefinition.class).stream()
        .anyMatch(d -> d.getError() != null
            && RenewalProcess.Errors.APPLICATION_REFUSED.equals(d.getError().getErrorCode()));
  }

  private static boolean catchesRefusal(BoundaryEvent boundary) {
    return boundary.getEventDefinitions().stream()
        .anyMatch(d -> d instanceof ErrorEventDefinition e && e.getError() != null
            && RenewalProcess.Errors.APPLICATION_REFUSED.equals(e.getError().getErrorCode()));
  }

  private static Map<String, BpmnPlane> planesOf(BpmnModelInstance instance) {
    return instance.getModelElementsByType(BpmnPlane.class).stream()
        .collect(Collectors.toMap(p -> p.getBpmnElement().getId(), Function.identity()));
  }

  /**
   * Each element is drawn on the plane a reader opens to see it: its process's, or the plane of
   * the collapsed sub-process it sits in; an expanded sub-process shows its detail where it is.
   */
  private static void assertDrawn(
      String file, BpmnPlane plane, Collection<FlowElement> elements, Map<String, BpmnPlane> planes) {
    String where = file + " " + plane.getBpmnElement().getId();
    for (FlowElement element : elements) {
      assertThat(drawn(plane, element.getId())).as("%s drawn on %s", element.getId(), where).isTrue();
      if (element instanceof SubProcess sub) {
        BpmnShape shape = shapeOf(plane, sub.getId());
        BpmnPlane detail = shape != null && Boolean.TRUE.equals(shape.isExpanded()) ? plane : planes.get(sub.getId());
        assertThat(detail).as("plane of the collapsed %s in %s", sub.getId(), file).isNotNull();
        assertDrawn(file, detail, sub.getChildElementsByType(FlowElement.class), planes);
      }
    }
  }

  private static BpmnShape shapeOf(BpmnPlane plane, String id) {
    return plane.getDiagramElements().stream()
        .filter(e -> e instanceof BpmnShape s && s.getBpmnElement() != null && id.equals(s.getBpmnElement().getId()))
        .map(BpmnShape.class::cast)
        .findFirst()
        .orElse(null);
  }

  private static boolean drawn(BpmnPlane plane, String id) {
    Collection<DiagramElement> elements = plane.getDiagramElements();
    return elements.stream().anyMatch(e ->
        (e instanceof BpmnShape s && s.getBpmnElement() != null && id.equals(s.getBpmnElement().getId()))
            || (e instanceof BpmnEdge g && g.getBpmnElement() != null && id.equals(g.getBpmnElement().getId())));
  }

  private static void label(BpmnLabel label, List<double[]> labels) {
    if (label != null && label.getBounds() != null) {
      labels.add(rect(label.getBounds()));
    }
  }

  private static double[] rect(Bounds b) {
    return new double[] {b.getX(), b.getY(), b.getX() + b.getWidth(), b.getY() + b.getHeight()};
  }

  private static boolean overlap(double[] a, double[] b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }

  /** Whether the segment from a to b passes inside r; running along its edge does not count. */
  private static boolean crosses(Waypoint a, Waypoint b, double[] r) {
    double x0 = a.getX();
    double y0 = a.getY();
    double dx = b.getX() - x0;
    double dy = b.getY() - y0;
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {x0 - r[0], r[2] - x0, y0 - r[1], r[3] - y0};
    double t0 = 0;
    double t1 = 1;
    // Liang-Barsky: the part of the segment inside the rectangle is t0..t1.
    for (int i = 0; i < 4; i++) {
      if (p[i] == 0) {
        if (q[i] <= 0) {
          return false;
        }
      } else if (p[i] < 0) {
        t0 = Math.max(t0, q[i] / p[i]);
      } else {
        t1 = Math.min(t1, q[i] / p[i]);
      }
    }
    if (t0 >= t1) {
      return false;
    }
    double x = x0 + (t0 + t1) / 2 * dx;
    double y = y0 + (t0 + t1) / 2 * dy;
    return r[0] < x && x < r[2] && r[1] < y && y < r[3];
  }

  private static String show(double[] r) {
    return "(" + (int) r[0] + "," + (int) r[1] + ")-(" + (int) r[2] + "," + (int) r[3] + ")";
  }
}
