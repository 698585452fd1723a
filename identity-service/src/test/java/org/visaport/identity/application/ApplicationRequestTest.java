package org.visaport.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApplicationRequestTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aCompleteApplicationIsValid() {
        assertThat(VALIDATOR.validate(valid())).isEmpty();
    }

    @Test
    void countryAndLanguageMustBeIsoCodes() {
        ApplicationRequest r = valid();
        assertThat(invalidFields(new ApplicationRequest(r.fullName(), r.email(), r.password(), "XX", r.mission(), r.position(),
                r.accreditationNumber(), r.postingCity(), "english", r.postingEndsOn(), true, r.termsVersion())))
                .containsExactlyInAnyOrder("countryCode", "language");
        assertThat(invalidFields(new ApplicationRequest(r.fullName(), r.email(), r.password(), "at", r.mission(), r.position(),
                r.accreditationNumber(), r.postingCity(), "DE", r.postingEndsOn(), true, r.termsVersion())))
                .containsExactlyInAnyOrder("countryCode", "language");
    }

    @Test
    void everyStringIsBoundedAndConsentIsRequired() {
        ApplicationRequest r = valid();
        assertThat(invalidFields(new ApplicationRequest("x".repeat(201), r.email(), "short", r.countryCode(), "m".repeat(201),
                "p".repeat(121), "a".repeat(65), "c".repeat(121), r.language(), LocalDate.now().minusDays(1), false,
                "v".repeat(33)))).containsExactlyInAnyOrder("fullName", "password", "mission", "position",
                "accreditationNumber", "postingCity", "postingEndsOn", "termsAccepted", "termsVersion");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(valid().toString()).doesNotContain("Diplomatic-Pouch-2026");
    }

    @Test
    void splitsTheFullNameForKeycloak() {
        assertThat(PersonName.of("  Anna   Maria Envoy ")).isEqualTo(new PersonName("Anna", "Maria Envoy"));
        assertThat(PersonName.of("Sukarno")).isEqualTo(new PersonName("Sukarno", "Sukarno"));
    }

    private static Set<String> invalidFields(ApplicationRequest request) {
        return VALIDATOR.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    private static ApplicationRequest valid() {
        return new ApplicationRequest("Anna Envoy", "anna@mission.example", "Diplomatic-Pouch-2026", "AT",
                "Embassy of Austria", "Counsellor", "DIP-1", "Paris", "fr", LocalDate.now().plusYears(1), true, "2026-01");
    }
}
