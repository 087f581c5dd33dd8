package org.cabackoffice.domain.corroboration;

/**
 * What one remote network perspective made of a determination of the primary (BR 3.2.2.9), as BR
 * 5.4.1 (SC-099) asks it recorded: the perspective's identifier, its region, the result.
 *
 * @param perspectiveId the configured, unique identifier of the perspective
 * @param region its RIR service region
 * @param verdict whether it corroborated
 * @param detail what it observed, or why there was no answer
 * @param dnssec what DNSSEC validation said there, when it answered (e.g. "SECURE"), else null
 */
public record PerspectiveResult(
    String perspectiveId, RirRegion region, Verdict verdict, String detail, String dnssec) {

  public enum Verdict {
    /** It observed what the primary observed. */
    CORROBORATED,
    /** It answered, and what it observed differs. */
    NOT_CORROBORATED,
    /** No usable answer: unreachable, timed out, refused the connection, or its lookup failed. */
    NO_ANSWER
  }

  public boolean corroborated() {
    return verdict == Verdict.CORROBORATED;
  }
}
