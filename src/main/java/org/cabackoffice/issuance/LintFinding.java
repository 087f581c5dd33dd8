package org.cabackoffice.issuance;

/**
 * One result of {@link PreIssuanceLint}: a stable code (zlint's style, {@code e_} for errors,
 * {@code w_} for warnings), the rule it enforces and what was found.
 */
public record LintFinding(String code, Severity severity, String citation, String message) {

  public enum Severity {
    /** The certificate would break a rule: it must not be signed. */
    ERROR,
    /** Allowed but not recommended; recorded, does not stop issuance. */
    WARNING
  }

  @Override
  public String toString() {
    return severity + " " + code + " (" + citation + "): " + message;
  }
}
