package org.cabackoffice.audit;

import org.cabackoffice.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything recorded about one application, oldest first: the engine's history merged with the
 * evidence each stage stored (BR 5.4.1).
 */
public record ApplicationTimeline(long applicationId, List<TimelineEntry> entries) {

  public ApplicationTimeline {
    entries = List.copyOf(entries);
  }

  /**
   * Merges the sources by time. Entries of the same millisecond keep the order of the sources as
   * given and, within a source, their order there: each source knows its own sequence (the
   * engine its order of occurrence, a stage the order it wrote its rows) better than a clock
   * reading shared with other events.
   */
  @SafeVarargs
  public static ApplicationTimeline of(long applicationId, List<TimelineEntry>... sources) {
    List<TimelineEntry> merged = new ArrayList<>();
    for (List<TimelineEntry> source : sources) {
      merged.addAll(source);
    }
    // List.sort is stable: equal times keep the order built above.
    merged.sort(Comparator.comparing(TimelineEntry::at));
    return new ApplicationTimeline(applicationId, merged);
  }
}
