package org.cabackoffice.application;

import java.util.List;
import org.springframework.http.HttpStatus;

/** The application cannot be accepted as submitted; the findings say what to fix. */
public class ApplicationRefusedException extends RuntimeException {

  private final HttpStatus status;
  private final List<IntakeFinding> findings;

  public ApplicationRefusedException(HttpStatus status, List<IntakeFinding> findings) {
    super(
        findings.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("refused"));
    this.status = status;
    this.findings = List.copyOf(findings);
  }

  public ApplicationRefusedException(HttpStatus status, IntakeFinding finding) {
    this(status, List.of(finding));
  }

  public HttpStatus status() {
    return status;
  }

  public List<IntakeFinding> findings() {
    return findings;
  }
}
