package org.cabackoffice.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}; the violation names the offending character. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return SingleLineValidator.report(TextInput.plainTextProblem(value), context);
  }
}
