package org.cabackoffice.workflow;

import java.util.Map;

/**
 * What an officer's task form shows that can change while the application waits (e.g. other
 * applications for the same common name): set on the task as it is created, so each form shows
 * the state of the day it was opened for, not of the day the application arrived.
 */
public interface TaskFormFacts {

  /** Task variables by name; empty when there is nothing to show or no such application. */
  Map<String, Object> of(long applicationId);
}
