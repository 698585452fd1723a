package org.visaport.comment.thread;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.visaport.comment.article.KnownArticles;
import org.visaport.comment.caller.Caller;
import org.visaport.comment.comment.Author;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.CommentEventType;
import org.visaport.comment.comment.CommentEvents;
import org.visaport.comment.comment.CommentProblems;
import org.visaport.comment.comment.CommentText;
import org.visaport.comment.comment.CommentTexts;
import org.visaport.comment.comment.Comments;
import org.visaport.comment.comment.Hold;
import org.visaport.comment.comment.Report;
import org.visaport.comment.comment.ReportReason;
import org.visaport.comment.comment.Rules;
import org.visaport.comment.comment.Screening;
import org.visaport.comment.member.KnownMember;
import org.visaport.comment.member.KnownMembers;
import org.visaport.comment.moderation.Screener;
import org.visaport.comment.moderation.Settings;
import org.visaport.platform.problem.Problems;

/**
 * Members' writes: post, reply, edit, delete, report. Checks who may write before anything is counted or stored:
 * a member in good standing, not suspended from commenting, under an article that takes comments.
 */
@Service
class Posting {

    static final String REPORTS = "comment_reports";

    private final Comments comments;
    private final CommentTexts texts;
    private final CommentEvents events;
    private final Screener screener;
    private final Settings settings;
    private final KnownArticles articles;
    private final KnownMembers members;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration editWindow;

    Posting(Comments comments, CommentTexts texts, CommentEvents events, Screener screener, Settings settings,
            KnownArticles articles, KnownMembers members, MongoTemplate mongo, Clock clock,
            @Value("${visaport.comments.edit-window:PT15M}") Duration editWindow) {
        this.comments = comments;
        this.texts = texts;
        this.events = events;
        this.screener = screener;
        this.settings = settings;
        this.articles = articles;
        this.members = members;
        this.mongo = mongo;
        this.clock = clock;
        this.editWindow = editWindow;
    }

    Duration editWindow() {
        return editWindow;
    }

    Comment post(String articleId, String parentId, String source, Caller caller) {
        requireMayWrite(caller);
        articles.forCommenting(articleId);
        Comment parent = parentId == null ? null : parent(parentId);
        screener.countSubmission(caller.memberId());
        CommentText text = texts.of(source);
        Screening screening = screener.screen(caller.memberId(), articleId, text, null);
        if (screening.refused() && onlyDuplicates(screening.refusals())) {
            // A repeat adds nothing for moderators to look at: refused without being stored.
            throw CommentProblems.refused(null, screening.refusals());
        }
        Comment comment = Comment.post(UUID.randomUUID().toString(), articleId, parent, author(caller), text, screening,
                clock.instant());
        if (!screening.refused()) {
            events.record(comment, CommentEventType.POSTED);
        }
        Comment stored = comments.insert(comment);
        if (screening.refused()) {
            throw CommentProblems.refused(stored.getId(), screening.refusals());
        }
        return stored;
    }

    Comment edit(String id, String source, Caller caller) {
        requireMayWrite(caller);
        Comment current = ownComment(id, caller);
        articles.forCommenting(current.getArticleId());
        CommentText text = texts.of(source);
        Screening screening = screener.screen(caller.memberId(), current.getArticleId(), text, id);
        if (screening.refused()) {
            throw CommentProblems.refused(id, screening.refusals());
        }
        return comments.change(id, comment -> {
            comment.edit(text, screening, editWindow, clock.instant());
            events.record(comment, CommentEventType.EDITED);
            return null;
        }).comment();
    }

    void delete(String id, Caller caller) {
        ownComment(id, caller);
        comments.change(id, comment -> {
            comment.deleteByAuthor(clock.instant());
            events.record(comment, CommentEventType.DELETED);
            return null;
        });
    }

    /** One report per member and comment, kept in its own record so a second one is refused however many there are. */
    void report(String id, ReportReason reason, String note, Caller caller) {
        requireMayWrite(caller);
        Comment comment = comments.find(id);
        if (comment.isAuthoredBy(caller.memberId())) {
            throw CommentProblems.ownComment(id);
        }
        String key = id + ":" + caller.memberId();
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", key).append("commentId", id).append("reason", reason.wire())
                    .append("at", java.util.Date.from(now)), REPORTS);
        } catch (DuplicateKeyException reportedBefore) {
            throw CommentProblems.alreadyReported(id);
        }
        int threshold = settings.site().reportThreshold();
        try {
            comments.change(id, reported -> {
                reported.report(new Report(caller.memberId(), reason, note, now), threshold);
                events.recordReport(reported, reason);
                return null;
            });
        } catch (RuntimeException notCounted) {
            // The comment did not take the report (e.g. it was deleted meanwhile): the member may report it again later.
            mongo.remove(Query.query(Criteria.where("_id").is(key)), REPORTS);
            throw notCounted;
        }
    }

    private void requireMayWrite(Caller caller) {
        members.requireMayPost(caller.memberId());
        var controls = settings.member(caller.memberId());
        if (controls.suspendedAt(clock.instant())) {
            var problem = Problems.of(HttpStatus.FORBIDDEN, "commenting-suspended", "Commenting suspended",
                    "A moderator suspended your commenting until " + controls.suspendedUntil() + ".");
            problem.setProperty("until", controls.suspendedUntil().toString());
            throw Problems.exception(problem);
        }
    }

    private Comment parent(String parentId) {
        try {
            return comments.find(parentId);
        } catch (org.springframework.web.ErrorResponseException notFound) {
            throw Problems.invalidField("parentId", "no comment " + parentId);
        }
    }

    private Comment ownComment(String id, Caller caller) {
        Comment comment = comments.find(id);
        if (!comment.isAuthoredBy(caller.memberId())) {
            throw CommentProblems.notTheAuthor(id);
        }
        return comment;
    }

    /** The name identity-service published for the member, else the token's; never an e-mail address. */
    private Author author(Caller caller) {
        String name = members.find(caller.memberId()).map(KnownMember::displayName).filter(n -> n != null && !n.isBlank())
                .orElse(caller.tokenName());
        return new Author(caller.memberId(), Author.shownName(name));
    }

    static boolean onlyDuplicates(java.util.List<Hold> refusals) {
        return refusals.stream().allMatch(hold -> hold.rule().equals(Rules.DUPLICATE));
    }
}
