package org.visaport.comment.moderation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The settings a fresh installation starts from, until moderators change them through the API. */
@ConfigurationProperties("visaport.comments.moderation")
public record ModerationDefaults(@DefaultValue("POST") Policy policy, @DefaultValue("3") int trustAfter,
                                 @DefaultValue("P30D") Duration trustWindow, @DefaultValue("3") int reportThreshold,
                                 @DefaultValue("2") int linkLimit, @DefaultValue("PT24H") Duration duplicateWindow,
                                 @DefaultValue("5") int postsPerWindow, @DefaultValue("PT10M") Duration postingWindow,
                                 List<String> bannedWords, List<String> suspectWords) {

    SiteSettings settings() {
        return new SiteSettings(policy, trustAfter, trustWindow, reportThreshold, linkLimit, duplicateWindow, postsPerWindow,
                postingWindow, List.of(), bannedWords, suspectWords);
    }
}
