package org.visaport.identity.membership;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.beans.factory.annotation.Value;

/**
 * A posting end date no further ahead than {@code visaport.identity.posting.max-ahead} (default five years): a
 * membership follows the posting and lapses when it ends, so a date in the far future would be a membership that never
 * lapses. Null and dates in the past are left to {@code @NotNull} and {@code @Future}.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PostingHorizon.Validator.class)
public @interface PostingHorizon {

    String message() default "is too far ahead";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Made by Spring's validator factory, which passes the configured period and the service's clock. */
    class Validator implements ConstraintValidator<PostingHorizon, LocalDate> {

        private final Period maxAhead;
        private final Clock clock;

        public Validator(@Value("${visaport.identity.posting.max-ahead:P5Y}") String maxAhead, Clock clock) {
            this.maxAhead = Period.parse(maxAhead);
            this.clock = clock;
        }

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            LocalDate latest = LocalDate.now(clock).plus(maxAhead);
            if (!value.isAfter(latest)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be no later than " + latest).addConstraintViolation();
            return false;
        }
    }
}
