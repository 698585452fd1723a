package org.visaport.identity.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on applications: per client address (as the gateway forwards it) and per e-mail address; and on a member's
 * edits of their own data (profile and application corrections, each counted on its own), per member.
 */
@ConfigurationProperties("visaport.identity.rate-limits")
public record RateLimitProperties(int applicationsPerAddress, Duration addressWindow, int applicationsPerEmail,
                                  Duration emailWindow, int profileEditsPerMember, Duration profileEditWindow) {

    public RateLimitProperties {
        applicationsPerAddress = applicationsPerAddress <= 0 ? 10 : applicationsPerAddress;
        addressWindow = addressWindow == null ? Duration.ofHours(1) : addressWindow;
        applicationsPerEmail = applicationsPerEmail <= 0 ? 3 : applicationsPerEmail;
        emailWindow = emailWindow == null ? Duration.ofDays(1) : emailWindow;
        profileEditsPerMember = profileEditsPerMember <= 0 ? 30 : profileEditsPerMember;
        profileEditWindow = profileEditWindow == null ? Duration.ofHours(1) : profileEditWindow;
    }
}
