package org.visaport.identity.application;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.visaport.identity.membership.PostingHorizon;
import org.visaport.platform.validation.CountryCode;
import org.visaport.platform.validation.LanguageTag;

/**
 * An application for membership. The password only passes through to Keycloak, which checks it against the realm's
 * policy; the bounds here just keep absurd input away from it. The posting's end is required and at most
 * {@code visaport.identity.posting.max-ahead} away (a membership lapses with its posting), and consent is to the terms
 * in force ({@code visaport.identity.terms-version}) only.
 */
public record ApplicationRequest(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 12, max = 128) @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String password,
        @NotBlank @CountryCode String countryCode,
        @NotBlank @Size(max = 200) String mission,
        @NotBlank @Size(max = 120) String position,
        @NotBlank @Size(max = 64) String accreditationNumber,
        @NotBlank @Size(max = 120) String postingCity,
        @NotBlank @LanguageTag(subtags = false, message = "must be an ISO 639-1 language code, e.g. fr") String language,
        @NotNull @Future @PostingHorizon LocalDate postingEndsOn,
        @NotNull @AssertTrue(message = "the terms must be accepted") Boolean termsAccepted,
        @NotBlank @Size(max = 32) @CurrentTermsVersion String termsVersion) {

    @Override
    public String toString() {
        return "ApplicationRequest[redacted]";
    }
}
