package org.visaport.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * A language: a well-formed BCP 47 tag whose language is a known ISO 639 code ("en", "fr-CA", "zh-Hant"), or with
 * {@code subtags = false} a bare ISO 639-1 code in lower case ("fr"). Null is left to {@code @NotNull}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = LanguageTag.Validator.class)
public @interface LanguageTag {

    String message() default "must be a BCP 47 language tag, e.g. en or fr-CA";

    /** False: only the two-letter language itself. */
    boolean subtags() default true;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<LanguageTag, String> {

        private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

        private boolean subtags;

        @Override
        public void initialize(LanguageTag annotation) {
            this.subtags = annotation.subtags();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (!subtags) {
                return LANGUAGES.contains(value);
            }
            try {
                return LANGUAGES.contains(new Locale.Builder().setLanguageTag(value).build().getLanguage());
            } catch (IllformedLocaleException e) {
                return false;
            }
        }
    }
}
