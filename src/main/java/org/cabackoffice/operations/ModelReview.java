package org.cabackoffice.operations;

import java.util.List;

/**
 * What the back office found in a proposed model: the process it changes, why it may not be
 * deployed (empty when it may), and how it differs from the deployed version.
 */
public record ModelReview(String processKey, List<ModelFinding> findings, List<ModelDifference> differences) {

  public boolean deployable() {
    return findings.isEmpty();
  }

  /** A line for the record: how many elements were added, removed and changed, and which. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    for (ModelDifference.Kind kind : ModelDifference.Kind.values()) {
      List<String> ids = differences.stream().filter(d -> d.kind() == kind).map(ModelDifference::id).toList();
      s.append(kind.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(ids.size());
      if (!ids.isEmpty()) {
        s.append(" (").append(String.join(", ", ids)).append(')');
      }
      s.append("; ");
    }
    return s.length() > 3900 ? s.substring(0, 3900) + "…" : s.toString().strip();
  }
}
