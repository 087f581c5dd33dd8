package org.cabackoffice.application;

import java.util.List;

/**
 * The application cannot be accepted as submitted; the findings say what to fix. The web layer
 * (web/ApiExceptionHandler) chooses the answer's status from the {@link Ground}.
 */
public class ApplicationRefusedException extends RuntimeException {

  /** Why intake refused, as far as the answer's status depends on it. */
  public enum Ground {
    /** The submitting user has no storefront account. */
    NO_ACCOUNT,
    /** Something could not be read at all (e.g. a CSR that is no PKCS#10). */
    UNREADABLE,
    /** Read, but against the rules; the findings say which. */
    AGAINST_THE_RULES
  }

  private final Ground ground;
  private final List<IntakeFinding> findings;

  public ApplicationRefusedException(Ground ground, List<IntakeFinding> findings) {
    super(
        findings.stream()
            .map(f -> f.field() + ": " + f.message())
            .reduce((a, b) -> a + "; " + b)
            .orElse("refused"));
    this.ground = ground;
    this.findings = List.copyOf(findings);
  }

  public ApplicationRefusedException(Ground ground, IntakeFinding finding) {
    this(ground, List.of(finding));
  }

  public Ground ground() {
    return ground;
  }

  public List<IntakeFinding> findings() {
    return findings;
  }
}
