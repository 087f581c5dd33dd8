package org.cabackoffice.application;

import java.util.List;
import java.util.stream.Collectors;

/** A list request with parameters the API does not take; each finding names the valid values. */
public class ApplicationQueryRefusedException extends RuntimeException {

  private final List<IntakeFinding> findings;

  public ApplicationQueryRefusedException(List<IntakeFinding> findings) {
    super(
        findings.stream()
            .map(f -> f.field() + " " + f.message())
            .collect(Collectors.joining("; ")));
    this.findings = List.copyOf(findings);
  }

  public List<IntakeFinding> findings() {
    return findings;
  }
}
