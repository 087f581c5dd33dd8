package org.cabackoffice.issuance;

import java.util.List;
import java.util.stream.Collectors;

/** Pre-issuance lint found errors; nothing was signed with the CA's key. */
public class LintFailedException extends RuntimeException {

  private final transient List<LintFinding> findings;

  public LintFailedException(List<LintFinding> findings) {
    super(
        "pre-issuance lint refused the certificate: "
            + findings.stream().map(LintFinding::toString).collect(Collectors.joining("; ")));
    this.findings = List.copyOf(findings);
  }

  public List<LintFinding> findings() {
    return findings;
  }
}
