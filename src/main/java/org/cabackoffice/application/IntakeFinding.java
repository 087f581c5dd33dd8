package org.cabackoffice.application;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason an application cannot be accepted, naming the field the customer must fix.
 *
 * @param messageJa the same in Japanese where the rule has it (the CSR policy's findings, the
 *     comparison with the registered organization); omitted from the answer otherwise
 */
public record IntakeFinding(
    String field, String code, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String messageJa) {

  public IntakeFinding(String field, String code, String message) {
    this(field, code, message, null);
  }
}
