package org.visaport.identity.posting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param remindBefore how long before a posting ends its member is reminded to confirm the next one */
@ConfigurationProperties("visaport.identity.posting")
public record PostingProperties(Duration remindBefore) {

    public PostingProperties {
        remindBefore = remindBefore == null ? Duration.ofDays(30) : remindBefore;
    }
}
