package org.cabackoffice.verification;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A correction the directory does not take, with the reason for the officer: as one English line
 * for the API, and as findings (what is wrong with which field) for the staff page, which says it
 * in the officer's language beside the field.
 */
public class DirectoryCorrectionRefused extends RuntimeException {

  /** Stable names: the page's message bundles key on them ({@code directory.error.NAME}). */
  public enum Why {
    REASON_MISSING("reason"),
    CORPORATE_NUMBER_INVALID("corporateNumber"),
    CORPORATE_NUMBER_TAKEN("corporateNumber"),
    MAIN_PHONE_INVALID("mainPhone"),
    NOTHING_CHANGES(null),
    /** A look-up the API cannot answer (neither or both of number and name, a name too long). */
    LOOKUP_UNCLEAR(null);

    private final String field;

    Why(String field) {
      this.field = field;
    }

    /** The correction's field at fault, or null when it is the request as a whole. */
    public String field() {
      return field;
    }
  }

  public record Finding(Why why, String message) {}

  private final List<Finding> findings;

  public DirectoryCorrectionRefused(List<Finding> findings) {
    super(findings.stream().map(DirectoryCorrectionRefused::line).collect(Collectors.joining("; ")));
    this.findings = List.copyOf(findings);
  }

  public DirectoryCorrectionRefused(Why why, String message) {
    this(List.of(new Finding(why, message)));
  }

  public List<Finding> findings() {
    return findings;
  }

  private static String line(Finding f) {
    return f.why().field() == null ? f.message() : f.why().field() + ": " + f.message();
  }
}
