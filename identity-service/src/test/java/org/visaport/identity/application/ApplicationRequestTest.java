package org.visaport.identity.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.visaport.identity.membership.PostingHorizon;

class ApplicationRequestTest {

    /** As Spring's factory makes them: with the configured terms version and posting horizon. */
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .constraintValidatorFactory(new Configured()).buildValidatorFactory().getValidator();

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
    void onlyTheCurrentTermsCanBeAcceptedAndThePostingEndIsRequiredAndNotFarAhead() {
        ApplicationRequest r = valid();
        assertThat(invalidFields(new ApplicationRequest(r.fullName(), r.email(), r.password(), r.countryCode(), r.mission(),
                r.position(), r.accreditationNumber(), r.postingCity(), r.language(), null, true, "anything")))
                .containsExactlyInAnyOrder("postingEndsOn", "termsVersion");
        assertThat(invalidFields(new ApplicationRequest(r.fullName(), r.email(), r.password(), r.countryCode(), r.mission(),
                r.position(), r.accreditationNumber(), r.postingCity(), r.language(), LocalDate.now().plusYears(5).plusDays(1),
                true, "2025-01"))).containsExactlyInAnyOrder("postingEndsOn", "termsVersion");
        assertThat(VALIDATOR.validate(new ApplicationRequest(r.fullName(), r.email(), r.password(), r.countryCode(), r.mission(),
                r.position(), r.accreditationNumber(), r.postingCity(), r.language(), LocalDate.now().plusYears(5), true,
                "2026-01"))).as("five years ahead is the limit").isEmpty();
        assertThat(VALIDATOR.validate(new ApplicationRequest(r.fullName(), r.email(), r.password(), r.countryCode(), r.mission(),
                r.position(), r.accreditationNumber(), r.postingCity(), r.language(), r.postingEndsOn(), true, "{1+1}${x}")))
                .extracting(ConstraintViolation::getMessage).containsExactly("must be the current terms version, 2026-01");
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

    private static final class Configured implements ConstraintValidatorFactory {

        private final ConstraintValidatorFactory defaults = Validation.byDefaultProvider().configure()
                .getDefaultConstraintValidatorFactory();

        @Override
        public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
            if (key == CurrentTermsVersion.Validator.class) {
                return key.cast(new CurrentTermsVersion.Validator("2026-01"));
            }
            if (key == PostingHorizon.Validator.class) {
                return key.cast(new PostingHorizon.Validator("P5Y", Clock.systemDefaultZone()));
            }
            return defaults.getInstance(key);
        }

        @Override
        public void releaseInstance(ConstraintValidator<?, ?> instance) {
        }
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
