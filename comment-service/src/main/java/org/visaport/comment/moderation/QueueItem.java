package org.visaport.comment.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.visaport.comment.article.KnownArticle;
import org.visaport.comment.comment.Comment;
import org.visaport.comment.comment.Decision;
import org.visaport.comment.comment.Hold;

/**
 * A comment as moderators see it: the text, what held it and exactly what matched, the reports, the last decision.
 * Reporters' notes are for moderators only. The article's slug lets a moderator open the comment where readers see
 * it; title and slug are null for an article this service has no record of.
 */
public record QueueItem(String id, String articleId, String articleTitle, String articleSlug, String parentId, int depth,
                        Author author, String text, String html, String state, boolean featured, Instant postedAt,
                        Instant editedAt, Instant queuedAt, List<Hold> holds, Reports reports, Decision decision,
                        long version) {

    public record Author(String memberId, String displayName) {
    }

    public record Reports(int total, int open, Map<String, Integer> byReason, List<Recent> recent) {
    }

    public record Recent(String reason, String note, Instant at) {
    }

    static QueueItem of(Comment comment, KnownArticle article) {
        var byReason = new java.util.TreeMap<String, Integer>();
        comment.getReportsByReason().forEach((reason, count) -> byReason.put(reason.wire(), count));
        return new QueueItem(comment.getId(), comment.getArticleId(), article == null ? null : article.title(),
                article == null ? null : article.slug(), comment.getInReplyTo(), comment.getDepth(),
                new Author(comment.getAuthor().memberId(), comment.getAuthor().displayName()), comment.getText(),
                comment.getHtml(), comment.getState().name().toLowerCase(), comment.isFeatured(), comment.getPostedAt(),
                comment.getEditedAt(), comment.getQueuedAt(), comment.getHolds(),
                new Reports(comment.getTotalReports(), comment.getOpenReports(), byReason,
                        comment.getRecentReports().stream().map(r -> new Recent(r.reason().wire(), r.note(), r.at())).toList()),
                comment.getDecision(), comment.getVersion() == null ? 0 : comment.getVersion());
    }
}
