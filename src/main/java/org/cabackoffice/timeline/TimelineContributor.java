package org.cabackoffice.timeline;

import java.util.List;

/**
 * A feature's part of an application's timeline: what it recorded about the application (BR
 * 5.4.1), as entries. Each feature that stores evidence provides one, so the timeline grows with
 * the features and the audit view does not have to know every feature's tables.
 *
 * <p>Implementations read rows only and never load what a timeline must not show (uploaded files,
 * mail bodies, tokens, challenge values); the entry's reference names the row that holds them.
 */
public interface TimelineContributor {

  /** Entries in any order; the timeline sorts them. An application without records gives none. */
  List<TimelineEntry> entriesOf(long applicationId);
}
