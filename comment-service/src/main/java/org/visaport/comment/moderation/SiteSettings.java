package org.visaport.comment.moderation;

import java.time.Duration;
import java.util.List;

/**
 * The site-wide moderation settings; moderators change them through the API and they apply to the next comment.
 *
 * @param trustAfter      approved comments a member needs before post-moderation applies to them
 * @param trustWindow     a rejection within this time takes the trust away again
 * @param reportThreshold reports that send a visible comment back to the queue
 * @param linkLimit       more links than this hold a comment
 * @param duplicateWindow the same text by the same member within this time is refused
 * @param postsPerWindow  comments a member may post per {@code postingWindow}
 */
public record SiteSettings(Policy policy, int trustAfter, Duration trustWindow, int reportThreshold, int linkLimit,
                           Duration duplicateWindow, int postsPerWindow, Duration postingWindow,
                           List<PreModerationWindow> preModerationWindows, List<String> bannedWords,
                           List<String> suspectWords) {

    public SiteSettings {
        preModerationWindows = preModerationWindows == null ? List.of() : List.copyOf(preModerationWindows);
        bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
        suspectWords = suspectWords == null ? List.of() : List.copyOf(suspectWords);
    }

    SiteSettings withWords(WordList list, List<String> words) {
        return list == WordList.BANNED
                ? new SiteSettings(policy, trustAfter, trustWindow, reportThreshold, linkLimit, duplicateWindow, postsPerWindow,
                postingWindow, preModerationWindows, words, suspectWords)
                : new SiteSettings(policy, trustAfter, trustWindow, reportThreshold, linkLimit, duplicateWindow, postsPerWindow,
                postingWindow, preModerationWindows, bannedWords, words);
    }

    List<String> words(WordList list) {
        return list == WordList.BANNED ? bannedWords : suspectWords;
    }
}
