package org.visaport.comment.comment;

import java.util.List;

/**
 * Why a comment waits for a moderator or was refused, stated so a moderator can act on it: the rule, what it found,
 * and where.
 *
 * @param rule        the rule's stable name, e.g. {@code suspect-word}, {@code link-limit}, {@code new-member}
 * @param explanation one sentence for the moderator
 * @param matches     the words or links found, with their place in the text (empty for rules about the member)
 * @param count       what was counted (links, reports, approved comments), when the rule counts
 * @param limit       the limit it was held against, when the rule counts
 */
public record Hold(String rule, String explanation, List<Match> matches, Integer count, Integer limit) {

    public Hold {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }

    public static Hold of(String rule, String explanation) {
        return new Hold(rule, explanation, List.of(), null, null);
    }

    /** A word or link found at {@code start} (inclusive) to {@code end} (exclusive), in characters of the text. */
    public record Match(String found, int start, int end) {
    }
}
