package org.visaport.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ValidatorsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Briefing(@CountryCode String country, @LanguageTag String language) {
    }

    record Applicant(@LanguageTag(subtags = false) String language) {
    }

    record Retry(@IdempotencyKey String key) {
    }

    record Schedule(@TimeZoneId String zone) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void countriesAreIsoAlpha2InUpperCase() {
        assertThat(VALIDATOR.validate(new Briefing("AT", null))).isEmpty();
        assertThat(VALIDATOR.validate(new Briefing("at", null))).hasSize(1);
        assertThat(VALIDATOR.validate(new Briefing("XX", null))).hasSize(1);
        assertThat(VALIDATOR.validate(new Briefing("AUT", null))).hasSize(1);
    }

    @Test
    void articleLanguagesAreBcp47Tags() {
        assertThat(VALIDATOR.validate(new Briefing(null, "fr-CA"))).isEmpty();
        assertThat(VALIDATOR.validate(new Briefing(null, "zh-Hant"))).isEmpty();
        assertThat(VALIDATOR.validate(new Briefing(null, "xx"))).hasSize(1);
        assertThat(VALIDATOR.validate(new Briefing(null, "en_US"))).hasSize(1);
    }

    @Test
    void timeZonesAreIanaRegionNamesThatFollowDaylightSaving() {
        assertThat(VALIDATOR.validate(new Schedule("Europe/Vienna"))).isEmpty();
        assertThat(VALIDATOR.validate(new Schedule("UTC"))).isEmpty();
        assertThat(VALIDATOR.validate(new Schedule("+01:00"))).hasSize(1);
        assertThat(VALIDATOR.validate(new Schedule("Europe/Atlantis"))).hasSize(1);
        assertThat(VALIDATOR.validate(new Schedule("europe/vienna"))).hasSize(1);
    }

    @Test
    void memberLanguagesAreBareIso639Codes() {
        assertThat(VALIDATOR.validate(new Applicant("de"))).isEmpty();
        assertThat(VALIDATOR.validate(new Applicant("de-AT"))).hasSize(1);
        assertThat(VALIDATOR.validate(new Applicant("DE"))).hasSize(1);
    }

    @Test
    void idempotencyKeysAreBoundedAndPlain() {
        assertThat(VALIDATOR.validate(new Retry("0f8c2d6e-4c1b-4f7a-9a57-3b0d1f2e9c11"))).isEmpty();
        assertThat(VALIDATOR.validate(new Retry("apply-anna-envoy-1"))).isEmpty();
        assertThat(VALIDATOR.validate(new Retry(null))).isEmpty();
        assertThat(VALIDATOR.validate(new Retry("short"))).hasSize(1);
        assertThat(VALIDATOR.validate(new Retry("k".repeat(101)))).hasSize(1);
        assertThat(VALIDATOR.validate(new Retry("key with spaces and <script>"))).hasSize(1);
    }
}
