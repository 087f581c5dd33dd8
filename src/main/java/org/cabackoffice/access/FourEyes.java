package org.cabackoffice.access;

import java.util.Objects;

/**
 * Four eyes: a decision one person starts and another person takes (a model change and an
 * instance migration are approved by someone other than their proposer; a CA certificate's
 * revocation is confirmed by someone other than who asked for it). People are their user names,
 * compared without case, so that "Operator" cannot approve what "operator" proposed.
 */
public record FourEyes(String firstPerson) {

  public FourEyes {
    Objects.requireNonNull(firstPerson, "the person who started the decision");
  }

  /** Whether {@code person} may take the decision: anyone but the first person. */
  public boolean admits(String person) {
    return person != null && !person.isBlank() && !firstPerson.equalsIgnoreCase(person.strip());
  }
}
