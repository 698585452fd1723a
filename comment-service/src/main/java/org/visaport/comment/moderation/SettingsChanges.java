package org.visaport.comment.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.visaport.comment.audit.AuditLog;

/** Moderators' changes of settings, word lists and member controls; each is audited like a decision. */
@Service
class SettingsChanges {

    private final Settings settings;
    private final AuditLog audit;

    SettingsChanges(Settings settings, AuditLog audit) {
        this.settings = settings;
        this.audit = audit;
    }

    SiteSettings changeSite(SiteSettings requested, String actorId) {
        return settings.changeSite(current -> {
            SiteSettings next = requested.withWords(WordList.BANNED, current.bannedWords())
                    .withWords(WordList.SUSPECT, current.suspectWords());
            return new Settings.Changed<>(next, audit.entry(actorId, "settings.changed", "settings", null, differences(current, next)));
        });
    }

    List<String> changeWords(WordList list, List<String> requested, String actorId) {
        List<String> words = List.copyOf(new TreeSet<>(requested.stream().map(SettingsChanges::normalise).toList()));
        settings.changeSite(current -> {
            List<String> added = words.stream().filter(word -> !current.words(list).contains(word)).toList();
            List<String> removed = current.words(list).stream().filter(word -> !words.contains(word)).toList();
            return new Settings.Changed<>(current.withWords(list, words), audit.entry(actorId, "word-list.changed",
                    "word-list:" + list.wire(), null, Map.of("added", String.join(", ", added), "removed", String.join(", ", removed))));
        });
        return words;
    }

    void changeArticlePolicy(String articleId, Policy policy, String actorId) {
        settings.changeArticlePolicy(articleId, policy, audit.entry(actorId, "article-policy.changed", "article:" + articleId,
                null, Map.of("policy", policy == null ? "site default" : policy.name())));
    }

    MemberControls watch(String memberId, boolean alwaysPreModerate, String reason, String actorId) {
        return settings.changeMember(memberId, current -> new Settings.Changed<>(
                new MemberControls(alwaysPreModerate, alwaysPreModerate ? reason : null, current.suspendedUntil(), current.suspensionReason()),
                audit.entry(actorId, alwaysPreModerate ? "member.watched" : "member.unwatched", "member:" + memberId, reason, Map.of())));
    }

    MemberControls suspend(String memberId, Instant until, String reason, String actorId) {
        if (until.isAfter(Instant.now().plus(java.time.Duration.ofDays(3660)))) {
            throw org.visaport.platform.problem.Problems.invalidField("until", "must be within ten years");
        }
        return settings.changeMember(memberId, current -> new Settings.Changed<>(
                new MemberControls(current.alwaysPreModerate(), current.watchReason(), until, reason),
                audit.entry(actorId, "member.commenting-suspended", "member:" + memberId, reason, Map.of("until", until.toString()))));
    }

    MemberControls lift(String memberId, String actorId) {
        return settings.changeMember(memberId, current -> new Settings.Changed<>(
                new MemberControls(current.alwaysPreModerate(), current.watchReason(), null, null),
                audit.entry(actorId, "member.commenting-restored", "member:" + memberId, null, Map.of())));
    }

    static String normalise(String word) {
        return word.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> differences(SiteSettings before, SiteSettings after) {
        Map<String, String> changed = new LinkedHashMap<>();
        compare(changed, "policy", before.policy(), after.policy());
        compare(changed, "trustAfter", before.trustAfter(), after.trustAfter());
        compare(changed, "trustWindow", before.trustWindow(), after.trustWindow());
        compare(changed, "reportThreshold", before.reportThreshold(), after.reportThreshold());
        compare(changed, "linkLimit", before.linkLimit(), after.linkLimit());
        compare(changed, "duplicateWindow", before.duplicateWindow(), after.duplicateWindow());
        compare(changed, "postsPerWindow", before.postsPerWindow(), after.postsPerWindow());
        compare(changed, "postingWindow", before.postingWindow(), after.postingWindow());
        compare(changed, "preModerationWindows", describe(before.preModerationWindows()), describe(after.preModerationWindows()));
        return changed;
    }

    private static void compare(Map<String, String> changed, String field, Object before, Object after) {
        if (!String.valueOf(before).equals(String.valueOf(after))) {
            changed.put(field, before + " → " + after);
        }
    }

    private static String describe(List<PreModerationWindow> windows) {
        List<String> described = new ArrayList<>();
        windows.forEach(window -> described.add(window.describe()));
        return String.join(", ", described);
    }
}
