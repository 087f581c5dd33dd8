package org.cabackoffice.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/** Checks {@link SingleLine}; the violation names the offending character. */
public class SingleLineValidator implements ConstraintValidator<SingleLine, String> {

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    return report(TextInput.singleLineProblem(value), context);
  }

  static boolean report(Optional<String> problem, ConstraintValidatorContext context) {
    if (problem.isEmpty()) {
      return true;
    }
    context.disableDefaultConstraintViolation();
    // Literal text, not a message template: the input must not be interpreted as EL.
    context
        .buildConstraintViolationWithTemplate(problem.get().replaceAll("[{}$\\\\]", ""))
        .addConstraintViolation();
    return false;
  }
}
