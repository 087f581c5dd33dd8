package org.cabackoffice.audit;

import org.cabackoffice.timeline.TimelineEntry;

import java.util.List;

/**
 * What the engine remembers of an application's process (business key = application id). The
 * audit package reads it through this interface so it stays free of engine types; the adapter
 * is {@code audit.camunda.CamundaProcessHistory}.
 */
public interface ProcessHistory {

  /**
   * The process's own history: start, each activity (user tasks with their assignee), incidents,
   * staff operations through the engine, and the end; in the engine's order of occurrence.
   * Empty when no process ran for the application.
   */
  default List<TimelineEntry> entriesOf(long applicationId) {
    return entriesOf(String.valueOf(applicationId));
  }

  /**
   * The same for any process of the back office by its business key: an application's id, or an
   * ACME order's {@code acme-order-<id>} (issue 15: every order is a process auditors can open).
   */
  List<TimelineEntry> entriesOf(String businessKey);
}
