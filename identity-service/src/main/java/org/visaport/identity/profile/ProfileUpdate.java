package org.visaport.identity.profile;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.visaport.identity.membership.PostingHorizon;
import org.visaport.platform.validation.LanguageTag;

/**
 * What a member may change without a new verification; absent fields stay as they are. A new posting end date in
 * the future also confirms a new posting and restores a lapsed membership.
 */
public record ProfileUpdate(
        @Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
        @LanguageTag(subtags = false, message = "must be an ISO 639-1 language code, e.g. fr") String language,
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String postingCity,
        @Future @PostingHorizon LocalDate postingEndsOn) {
}
