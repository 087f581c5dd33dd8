package org.cabackoffice.verification;

import java.util.Set;

/**
 * Who completed the officer tasks of an application's process, so every validation decision
 * counts for the four-eyes rule, also those that keep no record of their own (the documents
 * decision).
 */
public interface OfficerTasks {

  /** The users who completed the application's user tasks, except the approval itself. */
  Set<String> completersBeforeApproval(long applicationId);
}
