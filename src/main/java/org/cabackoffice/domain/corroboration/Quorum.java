package org.cabackoffice.domain.corroboration;

import java.util.List;
import java.util.stream.Collectors;

/**
 * BR 3.2.2.9's quorum over the remote perspectives' results. Pure rules, no network.
 *
 * <p>"Quorum Requirements" table: with 2–5 distinct remote network perspectives used, at most 1 may
 * not corroborate; with 6 or more, at most 2. A perspective that does not answer counts as a
 * non-corroboration. The phase ({@link CorroborationSchedule}) adds the fewest perspectives to use
 * and, from 2026-03-15, that the corroborating ones fall within at least two RIR service regions.
 *
 * @param met whether issuance may proceed on this corroboration
 * @param enforced whether the phase lets a failed quorum stop issuance (from 2025-09-15)
 * @param corroborated how many perspectives corroborated
 * @param attempted how many were asked
 * @param reason why it is met or not, naming the perspectives that did not corroborate
 */
public record Quorum(boolean met, boolean enforced, int corroborated, int attempted, String reason) {

  /** BR 5.4.1 item 8's form: "3/4", three of four attempted perspectives corroborated. */
  public String ratio() {
    return corroborated + "/" + attempted;
  }

  /** The non-corroborations the table allows for this many distinct remote perspectives. */
  static int allowedNonCorroborations(int perspectives) {
    return perspectives >= 6 ? 2 : 1;
  }

  public static Quorum of(List<PerspectiveResult> results, CorroborationSchedule phase) {
    int attempted = results.size();
    List<PerspectiveResult> corroborating = results.stream().filter(PerspectiveResult::corroborated).toList();
    int corroborated = corroborating.size();
    List<PerspectiveResult> dissent = results.stream().filter(r -> !r.corroborated()).toList();
    String dissenters =
        dissent.stream()
            .map(r -> r.perspectiveId() + " (" + r.region() + ", " + r.verdict() + ": " + r.detail() + ")")
            .collect(Collectors.joining("; "));
    String notCorroborated = dissent.isEmpty() ? "" : "; not corroborated by " + dissenters;
    boolean enforced = phase.quorumEnforced();
    if (attempted < phase.remotePerspectives() || attempted < 2) {
      int needed = Math.max(2, phase.remotePerspectives());
      return new Quorum(
          false,
          enforced,
          corroborated,
          attempted,
          attempted + " remote perspective(s) used, at least " + needed + " required from " + phase.from()
              + " (BR 3.2.2.9)" + notCorroborated);
    }
    int allowed = allowedNonCorroborations(attempted);
    if (dissent.size() > allowed) {
      return new Quorum(
          false,
          enforced,
          corroborated,
          attempted,
          corroborated + "/" + attempted + " corroborated: " + dissent.size() + " non-corroborations, at most "
              + allowed + " allowed with " + attempted + " perspectives (BR 3.2.2.9)" + notCorroborated);
    }
    long regions = corroborating.stream().map(PerspectiveResult::region).distinct().count();
    if (phase.twoRegions() && regions < 2) {
      return new Quorum(
          false,
          enforced,
          corroborated,
          attempted,
          corroborated + "/" + attempted + " corroborated, but all within one RIR region ("
              + corroborating.stream().map(PerspectiveResult::region).distinct().map(String::valueOf)
                  .collect(Collectors.joining())
              + "); at least 2 distinct RIR regions required (BR 3.2.2.9)" + notCorroborated);
    }
    return new Quorum(
        true,
        enforced,
        corroborated,
        attempted,
        corroborated + "/" + attempted + " corroborated, in " + regions + " RIR region(s) (BR 3.2.2.9)"
            + notCorroborated);
  }

  /** Whether issuance may go on: the quorum is met, or the phase does not yet enforce it. */
  public boolean permitsIssuance() {
    return met || !enforced;
  }
}
