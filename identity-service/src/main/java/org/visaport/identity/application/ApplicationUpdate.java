package org.visaport.identity.application;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.visaport.identity.membership.PostingHorizon;
import org.visaport.platform.validation.CountryCode;

/**
 * Corrections an applicant makes while the application is under review, typically after moderators asked for more
 * information; absent fields stay as they are.
 */
public record ApplicationUpdate(
        @CountryCode String countryCode,
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String mission,
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String position,
        @Size(min = 1, max = 64) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String accreditationNumber,
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String postingCity,
        @Future @PostingHorizon LocalDate postingEndsOn,
        @Size(max = 2000) String note) {
}
