package org.cabackoffice.auditors.camunda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cabackoffice.auditors.ProcessDiagram;
import org.cabackoffice.auditors.ProcessDiagrams;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.stereotype.Component;

/**
 * Reads each process's model from the engine's repository (the version it ran on, not the newest)
 * and the activities it passed from history (level full), for {@link ProcessDiagrams}.
 */
@Component
public class CamundaProcessDiagrams implements ProcessDiagrams {

  private final HistoryService history;
  private final RepositoryService repository;

  public CamundaProcessDiagrams(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  @Override
  public List<ProcessDiagram> of(long applicationId) {
    List<ProcessDiagram> diagrams = new ArrayList<>();
    for (HistoricProcessInstance process :
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(String.valueOf(applicationId))
            .orderByProcessInstanceStartTime()
            .asc()
            .list()) {
      Set<String> passed =
          history.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).list().stream()
              .map(HistoricActivityInstance::getActivityId)
              .collect(Collectors.toSet());
      BpmnModelInstance model = repository.getBpmnModelInstance(process.getProcessDefinitionId());
      for (BpmnDiagram diagram : model.getDefinitions().getBpmDiagrams()) {
        diagrams.add(drawn(diagram, passed));
      }
    }
    return diagrams;
  }

  static ProcessDiagram drawn(BpmnDiagram diagram, Set<String> passed) {
    List<ProcessDiagram.Shape> shapes = new ArrayList<>();
    List<ProcessDiagram.Edge> edges = new ArrayList<>();
    double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
    Collection<DiagramElement> elements = diagram.getBpmnPlane().getDiagramElements();
    for (DiagramElement element : elements) {
      if (element instanceof BpmnShape shape && shape.getBpmnElement() instanceof FlowElement node) {
        Bounds b = shape.getBounds();
        shapes.add(
            new ProcessDiagram.Shape(
                node.getId(), node.getName(), b.getX(), b.getY(), b.getWidth(), b.getHeight(), kind(node, shape), passed.contains(node.getId())));
        minX = Math.min(minX, b.getX());
        minY = Math.min(minY, b.getY());
        maxX = Math.max(maxX, b.getX() + b.getWidth());
        maxY = Math.max(maxY, b.getY() + b.getHeight());
      } else if (element instanceof BpmnEdge edge && edge.getBpmnElement() != null) {
        BaseElement flow = edge.getBpmnElement();
        StringBuilder points = new StringBuilder();
        for (Waypoint w : edge.getWaypoints()) {
          points.append(points.isEmpty() ? "" : " ").append(w.getX()).append(',').append(w.getY());
          minX = Math.min(minX, w.getX());
          minY = Math.min(minY, w.getY());
          maxX = Math.max(maxX, w.getX());
          maxY = Math.max(maxY, w.getY());
        }
        // History records activities, not sequence flows: a flow counts as taken when the process
        // passed both its ends.
        boolean taken =
            flow instanceof SequenceFlow sequence
                && passed.contains(sequence.getSource().getId())
                && passed.contains(sequence.getTarget().getId());
        edges.add(new ProcessDiagram.Edge(flow.getId(), points.toString(), taken));
      }
    }
    if (shapes.isEmpty() && edges.isEmpty()) {
      minX = minY = maxX = maxY = 0;
    }
    BaseElement owner = diagram.getBpmnPlane().getBpmnElement();
    String name = owner instanceof FlowElement f ? f.getName() : owner == null ? diagram.getName() : nameOf(owner);
    return new ProcessDiagram(name, minX, minY, maxX - minX, maxY - minY, shapes, edges);
  }

  private static String nameOf(BaseElement element) {
    String name = element.getAttributeValue("name");
    return name == null ? element.getId() : name;
  }

  private static String kind(FlowElement node, BpmnShape shape) {
    if (node instanceof Event) {
      return "event";
    }
    if (node instanceof Gateway) {
      return "gateway";
    }
    if (node instanceof SubProcess) {
      // Drawn open (an event sub-process beside the stages): its own elements are inside its box.
      return Boolean.TRUE.equals(shape.isExpanded()) ? "container" : "subprocess";
    }
    return "task";
  }

}
