package org.visaport.platform.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * Bean validation of a value a controller built itself (instead of letting Spring MVC bind it), with the same answer
 * as a bound {@code @Valid} argument: a {@link ConstraintViolationException}, which the problem details turn into a
 * 400 with one field error per broken rule, named by the property (a class-level rule such as {@code isDateRange()}
 * by its property name, {@code dateRange}).
 */
public final class Constraints {

    /** {@code value} if it keeps every rule it declares, else the violations. */
    public static <T> T enforce(Validator validator, T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    private Constraints() {
    }
}
