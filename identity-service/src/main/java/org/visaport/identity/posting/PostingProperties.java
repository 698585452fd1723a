package org.visaport.identity.posting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param remindBefore how long before a posting ends its member is reminded to confirm the next one
 * @param batchSize    memberships the expiry job reads at a time; it pages on until it has seen all of them
 */
@ConfigurationProperties("visaport.identity.posting")
public record PostingProperties(Duration remindBefore, int batchSize) {

    public PostingProperties {
        remindBefore = remindBefore == null ? Duration.ofDays(30) : remindBefore;
        batchSize = batchSize <= 0 ? 500 : batchSize;
    }
}
