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
  List<TimelineEntry> entriesOf(long applicationId);
}
