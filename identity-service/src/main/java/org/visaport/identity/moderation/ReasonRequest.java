package org.visaport.identity.moderation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a moderator decided as they did; required where the member deserves an explanation. */
public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
}
