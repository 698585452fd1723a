package org.visaport.comment.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.visaport.comment.comment.CommentText;
import org.visaport.comment.comment.Hold;
import org.visaport.comment.comment.Rules;

/**
 * The rules that look at a text alone. Each finding says exactly what matched and where, so a moderator can judge
 * it at a glance. Words match whole words (or phrases) in any case: "class" does not trip on "classified".
 */
final class AutomaticRules {

    private AutomaticRules() {
    }

    static Optional<Hold> bannedWords(String text, List<String> banned) {
        List<Hold.Match> found = matches(text, banned);
        return found.isEmpty() ? Optional.empty() : Optional.of(new Hold(Rules.BANNED_WORD,
                "Contains " + describe(found) + ", on the banned list.", found, found.size(), null));
    }

    static Optional<Hold> suspectWords(String text, List<String> suspect) {
        List<Hold.Match> found = matches(text, suspect);
        return found.isEmpty() ? Optional.empty() : Optional.of(new Hold(Rules.SUSPECT_WORD,
                "Contains " + describe(found) + ", on the suspect list.", found, found.size(), null));
    }

    static Optional<Hold> links(CommentText text, int limit) {
        int count = text.links().size();
        return count <= limit ? Optional.empty() : Optional.of(new Hold(Rules.LINK_LIMIT,
                count + " links; more than " + limit + " hold a comment for review.", text.links(), count, limit));
    }

    static List<Hold.Match> matches(String text, List<String> words) {
        List<Hold.Match> found = new ArrayList<>();
        for (String word : words) {
            Matcher matcher = pattern(word).matcher(text);
            while (matcher.find()) {
                found.add(new Hold.Match(matcher.group(), matcher.start(), matcher.end()));
            }
        }
        found.sort(Comparator.comparingInt(Hold.Match::start));
        return found;
    }

    private static Pattern pattern(String word) {
        String phrase = String.join("\\s+", java.util.Arrays.stream(word.strip().split("\\s+")).map(Pattern::quote).toList());
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + phrase + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String describe(List<Hold.Match> found) {
        return String.join(", ", found.stream()
                .map(match -> "\"" + match.found() + "\" at " + match.start() + "–" + match.end()).toList());
    }
}
