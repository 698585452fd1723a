package org.visaport.platform.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@code Idempotency-Key} header: 8 to 100 letters, digits and {@code - _ . :} (a UUID fits). Null means no key.
 * On a controller parameter the violation is a 400 validation problem on {@code Idempotency-Key}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
@Pattern(regexp = "[A-Za-z0-9._:-]{8,100}")
@ReportAsSingleViolation
public @interface IdempotencyKey {

    String HEADER = "Idempotency-Key";

    String message() default "must be 8 to 100 letters, digits or - _ . : (a UUID, for instance)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
