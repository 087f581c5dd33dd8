package org.cabackoffice.timeline;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One thing that happened to an application, as an auditor reads it.
 *
 * @param at when it happened, to the millisecond: the engine's history keeps milliseconds, so
 *     finer evidence times are cut to the same precision, else a step recorded inside an activity
 *     would sort after that activity's end only because its clock reading had more digits
 * @param actor a staff user id, {@code customer} (the technical contact on the storefront or an
 *     upload link), {@code system} (the process itself), or a WHOIS contact's address as recorded
 * @param summary one line of English; never a mail body, token or challenge value
 * @param reference where the full record is, {@code table:id} (e.g. {@code registration_evidence:12})
 */
public record TimelineEntry(
    Instant at, TimelineKind kind, String actor, String summary, String reference) {

  public static final String CUSTOMER = "customer";
  public static final String SYSTEM = "system";

  public TimelineEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    at = at.truncatedTo(ChronoUnit.MILLIS);
    actor = actor == null || actor.isBlank() ? SYSTEM : oneLine(actor);
    summary = oneLine(Objects.requireNonNull(summary, "summary"));
  }

  /** A staff note as the end of a summary ({@code ": the note"}), or nothing when there is none. */
  public static String note(String note) {
    return note == null || note.isBlank() ? "" : ": " + note;
  }

  /** Notes and registry answers may span lines; a timeline line and a CSV row may not. */
  public static String oneLine(String text) {
    return text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " / ").replaceAll("[\\t\\u000B\\f]", " ");
  }
}
