package org.visaport.identity.membership;

import java.time.Instant;

/** Consent to the terms, with the server's time of receipt (a client's clock proves nothing). */
public record Consent(String termsVersion, Instant consentedAt) {
}
