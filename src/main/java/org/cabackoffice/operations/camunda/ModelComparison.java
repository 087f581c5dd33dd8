package org.cabackoffice.operations.camunda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cabackoffice.operations.ModelDifference;
import org.cabackoffice.operations.ModelResource;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a proposed model changes against the deployed one, for the approver to read: the
 * process's and each flow element's properties (name, type, timers, conditions, forms, groups,
 * delegates, listeners), by element id; and the forms, by file, with their fields.
 */
final class ModelComparison {

  /** The diagram and the wiring lists are left out: the flows themselves say what connects. */
  private static final Set<String> NOT_PROPERTIES = Set.of("incoming", "outgoing", "documentation");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelComparison() {}

  static List<ModelDifference> differences(
      Document before, Document after, Map<String, ModelResource> formsBefore, Map<String, ModelResource> formsAfter) {
    List<ModelDifference> differences = new ArrayList<>();
    Map<String, Element> old = elements(before);
    Map<String, Element> now = elements(after);
    for (Map.Entry<String, Element> e : now.entrySet()) {
      Element was = old.get(e.getKey());
      Element is = e.getValue();
      if (was == null) {
        differences.add(new ModelDifference(ModelDifference.Kind.ADDED, e.getKey(), is.getLocalName(), is.getAttribute("name"), describe(properties(is))));
      } else {
        List<String> changed = changes(properties(was), properties(is));
        if (!changed.isEmpty()) {
          differences.add(new ModelDifference(ModelDifference.Kind.CHANGED, e.getKey(), is.getLocalName(), is.getAttribute("name"), changed));
        }
      }
    }
    for (Map.Entry<String, Element> e : old.entrySet()) {
      if (!now.containsKey(e.getKey())) {
        differences.add(new ModelDifference(ModelDifference.Kind.REMOVED, e.getKey(), e.getValue().getLocalName(), e.getValue().getAttribute("name"), List.of()));
      }
    }
    for (Map.Entry<String, ModelResource> f : formsAfter.entrySet()) {
      ModelResource was = formsBefore.get(f.getKey());
      if (was == null) {
        differences.add(new ModelDifference(ModelDifference.Kind.ADDED, f.getKey(), "form", null, List.of("fields: " + fields(f.getValue()))));
      } else if (!was.sha256().equals(f.getValue().sha256())) {
        List<String> details = new ArrayList<>();
        Set<String> fieldsBefore = fields(was);
        Set<String> fieldsAfter = fields(f.getValue());
        Set<String> added = new TreeSet<>(fieldsAfter);
        added.removeAll(fieldsBefore);
        Set<String> removed = new TreeSet<>(fieldsBefore);
        removed.removeAll(fieldsAfter);
        if (!added.isEmpty()) {
          details.add("fields added: " + added);
        }
        if (!removed.isEmpty()) {
          details.add("fields removed: " + removed);
        }
        details.add("sha256: " + was.sha256().substring(0, 12) + "… → " + f.getValue().sha256().substring(0, 12) + "…");
        differences.add(new ModelDifference(ModelDifference.Kind.CHANGED, f.getKey(), "form", null, details));
      }
    }
    return differences;
  }

  /** The process and every element with an id inside it (flow elements and their definitions). */
  private static Map<String, Element> elements(Document dom) {
    Map<String, Element> found = new LinkedHashMap<>();
    collect(dom.getDocumentElement(), found, false);
    return found;
  }

  private static void collect(Element element, Map<String, Element> found, boolean inProcess) {
    boolean process = "process".equals(element.getLocalName());
    boolean flowElement = inProcess && element.hasAttribute("id") && !"BPMNDiagram".equals(element.getLocalName())
        && !element.getLocalName().endsWith("EventDefinition");
    if ((process || flowElement) && element.hasAttribute("id")) {
      found.put(element.getAttribute("id"), element);
    }
    if ("BPMNDiagram".equals(element.getLocalName())) {
      return;
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        collect(e, found, inProcess || process);
      }
    }
  }

  /** An element's own properties: attributes and the nested definitions that are not elements of their own. */
  static Map<String, String> properties(Element element) {
    Map<String, String> properties = new TreeMap<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      if (!"id".equals(a.getName()) && !a.getName().startsWith("xmlns")) {
        properties.put(a.getName(), a.getValue());
      }
    }
    nested(element, "", properties, true);
    return properties;
  }

  private static void nested(Element element, String path, Map<String, String> properties, boolean top) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (!(child instanceof Element e) || NOT_PROPERTIES.contains(e.getLocalName())) {
        continue;
      }
      boolean ownElement = e.hasAttribute("id") && !e.getLocalName().endsWith("EventDefinition");
      if (top && ownElement) {
        continue; // a flow element inside a sub-process: compared on its own
      }
      int n = counts.merge(e.getLocalName(), 1, Integer::sum);
      String key = path + e.getLocalName() + (n > 1 ? "[" + n + "]" : "");
      StringBuilder value = new StringBuilder();
      NamedNodeMap attributes = e.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr a = (Attr) attributes.item(i);
        if (!"id".equals(a.getName()) && !a.getName().startsWith("xmlns") && !a.getName().startsWith("xsi:")) {
          value.append(a.getName()).append('=').append(a.getValue()).append(' ');
        }
      }
      String text = directText(e);
      if (!text.isEmpty()) {
        value.append(text);
      }
      if (!value.isEmpty()) {
        properties.put(key, value.toString().strip());
      }
      nested(e, key + "/", properties, false);
    }
  }

  private static String directText(Element e) {
    StringBuilder text = new StringBuilder();
    for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString().strip().replaceAll("\\s+", " ");
  }

  private static List<String> changes(Map<String, String> before, Map<String, String> after) {
    List<String> changes = new ArrayList<>();
    Set<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      String was = before.get(key);
      String is = after.get(key);
      if (!Objects.equals(was, is)) {
        changes.add(key + ": " + (was == null ? "(none)" : was) + " → " + (is == null ? "(none)" : is));
      }
    }
    return changes;
  }

  private static List<String> describe(Map<String, String> properties) {
    List<String> lines = new ArrayList<>();
    properties.forEach((k, v) -> lines.add(k + ": " + v));
    return lines;
  }

  static Set<String> fields(ModelResource form) {
    Set<String> keys = new TreeSet<>();
    try {
      keys(JSON.readTree(form.content()), keys);
    } catch (IOException e) {
      // an unreadable form is refused by the checks; here it simply has no fields
    }
    return keys;
  }

  private static void keys(JsonNode node, Set<String> keys) {
    if (node.isObject()) {
      if (node.has("key") && node.get("key").isTextual()) {
        keys.add(node.get("key").asText());
      }
      node.forEach(child -> keys(child, keys));
    } else if (node.isArray()) {
      node.forEach(child -> keys(child, keys));
    }
  }
}
