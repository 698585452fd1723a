package org.visaport.identity.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on applications: per client address (as the gateway forwards it) and per e-mail address.
 */
@ConfigurationProperties("visaport.identity.rate-limits")
public record RateLimitProperties(int applicationsPerAddress, Duration addressWindow, int applicationsPerEmail,
                                  Duration emailWindow) {

    public RateLimitProperties {
        applicationsPerAddress = applicationsPerAddress <= 0 ? 10 : applicationsPerAddress;
        addressWindow = addressWindow == null ? Duration.ofHours(1) : addressWindow;
        applicationsPerEmail = applicationsPerEmail <= 0 ? 3 : applicationsPerEmail;
        emailWindow = emailWindow == null ? Duration.ofDays(1) : emailWindow;
    }
}
