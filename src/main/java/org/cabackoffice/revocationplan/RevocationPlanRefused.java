package org.cabackoffice.revocationplan;

/** A proposal or approval the rules do not allow; {@code code} says which rule, for clients. */
public class RevocationPlanRefused extends RuntimeException {

  /** What kind of refusal: the request is wrong, or it conflicts with the plan's state or four eyes. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT
  }

  private final Kind kind;
  private final String code;

  RevocationPlanRefused(Kind kind, String code, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }
}
