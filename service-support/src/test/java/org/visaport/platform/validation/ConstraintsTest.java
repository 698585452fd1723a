package org.visaport.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ConstraintsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Range(@Size(max = 5) String label, Integer low, Integer high, @Max(100) Integer limit) {

        @AssertTrue(message = "low must not be above high")
        public boolean isOrdered() {
            return low == null || high == null || low <= high;
        }
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aValueThatKeepsItsRulesIsReturnedAsItIs() {
        Range range = new Range("ok", 1, 2, 10);

        assertThat(Constraints.enforce(VALIDATOR, range)).isSameAs(range);
    }

    @Test
    void everyBrokenRuleIsReportedByItsPropertyIncludingClassLevelOnes() {
        assertThatExceptionOfType(ConstraintViolationException.class)
                .isThrownBy(() -> Constraints.enforce(VALIDATOR, new Range("too long", 3, 2, 1000)))
                .satisfies(e -> assertThat(e.getConstraintViolations()).map(ConstraintViolation::getPropertyPath)
                        .map(Object::toString).containsExactlyInAnyOrder("label", "ordered", "limit"));
    }
}
