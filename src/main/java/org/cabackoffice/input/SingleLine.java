package org.cabackoffice.input;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A name or other one-line text: no control character, line break, lone surrogate or bidi
 * control ({@link TextInput}). {@code null} is valid; say {@code @NotBlank} where it is not.
 */
@Documented
@Constraint(validatedBy = SingleLineValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

  String message() default "is not a single line of plain text";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
