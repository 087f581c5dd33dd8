package org.cabackoffice.operations;

import java.util.List;

/** A proposal or decision the path does not take, with the specific reasons. */
public class ModelChangeRefusedException extends RuntimeException {

  private final List<ModelFinding> findings;

  public ModelChangeRefusedException(List<ModelFinding> findings) {
    super(findings.stream().map(f -> f.rule() + ": " + f.message()).reduce((a, b) -> a + "; " + b).orElse("refused"));
    this.findings = List.copyOf(findings);
  }

  public ModelChangeRefusedException(String rule, String message) {
    this(List.of(new ModelFinding(rule, null, message)));
  }

  public List<ModelFinding> findings() {
    return findings;
  }
}
