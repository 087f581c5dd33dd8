package org.cabackoffice.workflow;

import java.util.Set;
import java.util.SortedSet;

/**
 * Where application processes stand, for lists that filter by stage. A read-only port apart from
 * {@link ProcessSignals} so features that only move processes need not know it.
 */
public interface ProcessStages {

  /** The ids of the activities an application process can wait at, in every deployed version. */
  SortedSet<String> knownStages();

  /** Whether this is the id or the name (case-insensitive) of an activity of some version. */
  boolean isStage(String stage);

  /**
   * The applications whose process is now at the activity with this id or name (case-insensitive),
   * in any deployed version of the model; empty for an unknown stage.
   */
  Set<Long> applicationsAt(String stage);

  /**
   * The applications on whose process this staff user completed or was assigned a user task
   * (the engine's task history), for auditors who look for an officer's work.
   */
  Set<Long> applicationsWorkedBy(String staffUserId);

  /**
   * The ids of the activities the application's process is at now (its steps, not the stages
   * framing them); empty when no process runs for it. Ids, unlike names, are the contract
   * ({@link RenewalProcess.Activities}), so the storefront may say in its own words where it is.
   */
  java.util.List<String> activitiesOf(long applicationId);
}
