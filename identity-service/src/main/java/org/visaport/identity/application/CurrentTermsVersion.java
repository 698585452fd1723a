package org.visaport.identity.application;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Value;

/**
 * The version of the terms in force ({@code visaport.identity.terms-version}): consent to any other version, older or
 * made up, is no consent to the terms the member will be held to. Null is left to {@code @NotBlank}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CurrentTermsVersion.Validator.class)
public @interface CurrentTermsVersion {

    String message() default "must be the current terms version";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, which passes the configured version. */
    class Validator implements ConstraintValidator<CurrentTermsVersion, String> {

        private final String current;

        public Validator(@Value("${visaport.identity.terms-version}") String current) {
            if (current == null || current.isBlank()) {
                throw new IllegalArgumentException("visaport.identity.terms-version must be set");
            }
            this.current = current;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.equals(current)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be the current terms version, " + literal(current))
                    .addConstraintViolation();
            return false;
        }

        /** The version as literal text of a message template (no expressions or parameters in it). */
        private static String literal(String text) {
            return text.replaceAll("([\\\\{}$])", "\\\\$1");
        }
    }
}
