package org.visaport.comment.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentState;
import org.visaport.comment.comment.CommentText;
import org.visaport.comment.comment.Hold;
import org.visaport.comment.comment.Rules;
import org.visaport.comment.comment.Screening;
import org.visaport.platform.ratelimit.RateLimits;

/**
 * Decides at submit time whether a text is refused, held for a moderator or shown at once, from the current settings:
 * the automatic rules on the text, then the policy for the member and the article. Every reason is collected, not
 * only the first, so the queue shows everything that applies.
 */
@Service
public class Screener {

    private final Settings settings;
    private final MongoTemplate mongo;
    private final RateLimits rateLimits;
    private final Clock clock;

    Screener(Settings settings, MongoTemplate mongo, RateLimits rateLimits, Clock clock) {
        this.settings = settings;
        this.mongo = mongo;
        this.rateLimits = rateLimits;
        this.clock = clock;
    }

    /** Counts a submission against the member's posting rate; over it, a 429 problem with Retry-After. */
    public void countSubmission(String memberId) {
        SiteSettings site = settings.site();
        rateLimits.acquire("comment-submissions:" + memberId, site.postsPerWindow(), site.postingWindow());
    }

    /**
     * Screens {@code text} by {@code memberId} under {@code articleId}; {@code editing} is the comment being edited
     * (not a duplicate of itself), or null for a new one.
     */
    public Screening screen(String memberId, String articleId, CommentText text, String editing) {
        SiteSettings site = settings.site();
        Instant now = clock.instant();
        List<Hold> refusals = new ArrayList<>();
        AutomaticRules.bannedWords(text.source(), site.bannedWords()).ifPresent(refusals::add);
        duplicate(memberId, text, editing, site, now).ifPresent(refusals::add);

        List<Hold> holds = new ArrayList<>();
        AutomaticRules.suspectWords(text.source(), site.suspectWords()).ifPresent(holds::add);
        AutomaticRules.links(text, site.linkLimit()).ifPresent(holds::add);
        holds.addAll(policyHolds(memberId, articleId, site, now));
        return new Screening(refusals, holds);
    }

    private java.util.Optional<Hold> duplicate(String memberId, CommentText text, String editing, SiteSettings site, Instant now) {
        Criteria same = Criteria.where("author.memberId").is(memberId).and("fingerprint").is(text.fingerprint())
                .and("postedAt").gte(now.minus(site.duplicateWindow()));
        if (editing != null) {
            same = same.and("_id").ne(editing);
        }
        Comment earlier = mongo.findOne(Query.query(same).with(Sort.by(Sort.Direction.DESC, "postedAt")), Comment.class);
        if (earlier == null) {
            return java.util.Optional.empty();
        }
        long minutes = java.time.Duration.between(earlier.getPostedAt(), now).toMinutes();
        return java.util.Optional.of(new Hold(Rules.DUPLICATE, "Same text as comment " + earlier.getId() + " by the same member "
                + minutes + " minutes ago; the same text within " + hours(site.duplicateWindow()) + " is refused.",
                List.of(), null, null));
    }

    private List<Hold> policyHolds(String memberId, String articleId, SiteSettings site, Instant now) {
        List<Hold> holds = new ArrayList<>();
        MemberControls controls = settings.member(memberId);
        if (controls.alwaysPreModerate()) {
            holds.add(Hold.of(Rules.WATCHED_MEMBER, "A moderator put this member on pre-moderation"
                    + (controls.watchReason() == null ? "." : ": " + controls.watchReason())));
        }
        site.preModerationWindows().stream().filter(window -> window.covers(now)).findFirst().ifPresent(window ->
                holds.add(Hold.of(Rules.SCHEDULED_PRE_MODERATION, "Pre-moderation is scheduled " + window.describe() + ".")));
        java.util.Optional<Policy> articlePolicy = settings.articlePolicy(articleId);
        if (articlePolicy.orElse(site.policy()) == Policy.PRE) {
            holds.add(Hold.of(Rules.PRE_MODERATION, articlePolicy.isPresent()
                    ? "This article is pre-moderated." : "The site is pre-moderated."));
        }
        Criteria mine = Criteria.where("author.memberId").is(memberId);
        long approved = mongo.count(Query.query(Criteria.where("author.memberId").is(memberId).and("placed").is(true))
                .limit(site.trustAfter()), Comment.class);
        boolean rejectedLately = mongo.exists(Query.query(mine.and("state").is(CommentState.REJECTED)
                .and("decidedAt").gte(now.minus(site.trustWindow()))), Comment.class);
        if (approved < site.trustAfter()) {
            holds.add(new Hold(Rules.NEW_MEMBER, approved + " of " + site.trustAfter()
                    + " approved comments; until then a member's comments are reviewed first.", List.of(), (int) approved,
                    site.trustAfter()));
        } else if (rejectedLately) {
            holds.add(Hold.of(Rules.NEW_MEMBER, "A comment of this member was rejected within the last "
                    + site.trustWindow().toDays() + " days; until then their comments are reviewed first."));
        }
        return holds;
    }

    private static String hours(java.time.Duration duration) {
        return duration.toHours() + " hours";
    }
}
