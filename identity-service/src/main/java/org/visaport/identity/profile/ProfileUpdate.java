package org.visaport.identity.profile;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.visaport.identity.application.IsoLanguage;

/**
 * What a member may change without a new verification; absent fields stay as they are. A new posting end date in
 * the future also confirms a new posting and restores a lapsed membership.
 */
public record ProfileUpdate(
        @Size(min = 1, max = 80) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
        @IsoLanguage String language,
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String postingCity,
        @Future LocalDate postingEndsOn) {
}
