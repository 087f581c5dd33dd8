package org.cabackoffice.security.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What an officer may set when completing a user task: the fields of the task's form that are
 * neither disabled nor read-only. Everything else a completion carries (the form's display
 * fields, or any variable a hand-made request adds: the registrant the comparison records, the
 * domain a challenge goes to) belongs to the process and is not the officer's to set.
 */
final class TaskFormFields {

  private final Map<String, Set<String>> editableByTask;

  private TaskFormFields(Map<String, Set<String>> editableByTask) {
    this.editableByTask = editableByTask;
  }

  /** The editable fields of the task's form; empty for a task without a known form. */
  Set<String> editable(String taskDefinitionKey) {
    return editableByTask.getOrDefault(taskDefinitionKey, Set.of());
  }

  /** Read from the models and forms that are deployed at start (bpmn/, forms/). */
  static TaskFormFields fromClasspath() {
    try {
      PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
      ObjectMapper json = new ObjectMapper();
      Map<String, Set<String>> fieldsByForm = new HashMap<>();
      for (Resource form : resolver.getResources("classpath*:forms/*.form")) {
        try (InputStream in = form.getInputStream()) {
          JsonNode root = json.readTree(in);
          Set<String> editable = new HashSet<>();
          collect(root, editable);
          fieldsByForm.put(root.path("id").asText(), Set.copyOf(editable));
        }
      }
      Map<String, Set<String>> byTask = new HashMap<>();
      for (Resource model : resolver.getResources("classpath*:bpmn/*.bpmn")) {
        try (InputStream in = model.getInputStream()) {
          BpmnModelInstance bpmn = Bpmn.readModelFromStream(in);
          for (UserTask task : bpmn.getModelElementsByType(UserTask.class)) {
            String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            if (formRef != null) {
              byTask.put(task.getId(), fieldsByForm.getOrDefault(formRef, Set.of()));
            }
          }
        }
      }
      return new TaskFormFields(Map.copyOf(byTask));
    } catch (IOException e) {
      throw new UncheckedIOException("the forms or models on the classpath cannot be read", e);
    }
  }

  private static void collect(JsonNode node, Set<String> editable) {
    for (JsonNode component : node.path("components")) {
      String key = component.path("key").asText(null);
      if (key != null && !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false)) {
        editable.add(key);
      }
      collect(component, editable);
    }
  }
}
