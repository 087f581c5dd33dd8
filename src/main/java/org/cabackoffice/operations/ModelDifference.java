package org.cabackoffice.operations;

import java.util.List;

/**
 * One element or form that differs from the deployed version: added, removed, or changed with
 * each changed property as {@code property: before → after}.
 */
public record ModelDifference(Kind kind, String id, String type, String name, List<String> details) {

  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }
}
