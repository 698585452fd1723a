package org.visaport.comment.comment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.visaport.platform.outbox.OutboxEvent;

/**
 * A comment under an article. Its rules live here: who may change it in which state, how deep a thread goes, when
 * readers' reports send it back to moderators. Each change and its events are stored in one document write (the
 * outbox lives inside the comment). The indexes serve the bounded queries of the thread, the queues and the rules:
 * equality fields first, then the sort keys.
 */
@Document("comments")
@CompoundIndexes({
        @CompoundIndex(name = "thread", def = "{'articleId': 1, 'depth': 1, 'placed': 1, 'postedAt': 1, '_id': 1}"),
        @CompoundIndex(name = "thread_featured", def = "{'articleId': 1, 'depth': 1, 'featured': 1, 'featuredAt': 1, '_id': 1}"),
        @CompoundIndex(name = "replies", def = "{'rootId': 1, 'placed': 1, 'postedAt': 1, '_id': 1}"),
        @CompoundIndex(name = "visible_counts", def = "{'articleId': 1, 'state': 1}"),
        @CompoundIndex(name = "reply_counts", def = "{'rootId': 1, 'state': 1, 'depth': 1}"),
        @CompoundIndex(name = "queue", def = "{'state': 1, 'queuedAt': 1, '_id': 1}"),
        @CompoundIndex(name = "queue_decided", def = "{'state': 1, 'decidedAt': 1, '_id': 1}"),
        @CompoundIndex(name = "queue_reported", def = "{'reported': 1, 'reportedAt': 1, '_id': 1}"),
        @CompoundIndex(name = "by_author", def = "{'author.memberId': 1, 'postedAt': 1, '_id': 1}"),
        @CompoundIndex(name = "by_author_text", def = "{'author.memberId': 1, 'fingerprint': 1, 'postedAt': 1}")
})
public class Comment {

    /** Replies nest this deep; a reply to a comment at this depth joins it as a sibling. */
    public static final int MAX_DEPTH = 3;
    /** The latest reports kept on the comment for the moderator's queue; all of them are counted. */
    static final int RECENT_REPORTS = 10;

    @Id
    private String id;
    private String articleId;
    /** The comment it hangs under in the thread (for a reply at the deepest level, its parent's parent). */
    private String parentId;
    /** The comment its author answered, which may sit at the deepest level. */
    private String inReplyTo;
    private String inReplyToAuthorId;
    private String rootId;
    private int depth;
    private Author author;
    private boolean anonymised;
    private String text;
    private String html;
    private String fingerprint;
    private int links;
    private CommentState state;
    /** Once visible, a comment keeps its place in the thread, shown as removed if it is taken down. */
    private boolean placed;
    private boolean featured;
    private Instant featuredAt;
    private Instant postedAt;
    private Instant editedAt;
    private Instant queuedAt;
    private Instant decidedAt;
    private List<Hold> holds = new ArrayList<>();
    private Decision decision;
    /** Reports since a moderator last looked; {@code reported} puts the comment in the reported queue. */
    private boolean reported;
    private Instant reportedAt;
    private int openReports;
    private int totalReports;
    private Map<ReportReason, Integer> reportsByReason = new EnumMap<>(ReportReason.class);
    private List<Report> recentReports = new ArrayList<>();
    private List<OutboxEvent> outbox = new ArrayList<>();
    @Version
    private Long version;

    protected Comment() {
    }

    /**
     * A new comment, or a reply to {@code parent}. Refused texts are kept as rejected (a moderator can restore a
     * false positive), held ones wait in the queue, the rest are visible at once.
     */
    public static Comment post(String id, String articleId, Comment parent, Author author, CommentText text,
                               Screening screening, Instant now) {
        Comment comment = new Comment();
        comment.id = id;
        comment.articleId = articleId;
        if (parent == null) {
            comment.depth = 1;
            comment.rootId = id;
        } else {
            if (!parent.articleId.equals(articleId)) {
                throw CommentProblems.parentElsewhere(parent.id, articleId);
            }
            if (parent.state != CommentState.VISIBLE) {
                throw CommentProblems.parentNotVisible(parent.id);
            }
            comment.inReplyTo = parent.id;
            comment.inReplyToAuthorId = parent.anonymised ? null : parent.author.memberId();
            comment.rootId = parent.rootId;
            boolean deepest = parent.depth >= MAX_DEPTH;
            comment.parentId = deepest ? parent.parentId : parent.id;
            comment.depth = deepest ? MAX_DEPTH : parent.depth + 1;
        }
        comment.author = author;
        comment.postedAt = now;
        comment.setText(text);
        comment.screened(screening, now);
        return comment;
    }

    /** The author's change of wording, within {@code window} of posting; the new text is screened like a new one. */
    public void edit(CommentText text, Screening screening, Duration window, Instant now) {
        if (state == CommentState.DELETED || state == CommentState.REJECTED) {
            throw CommentProblems.notEditable(id, state);
        }
        if (now.isAfter(postedAt.plus(window))) {
            throw CommentProblems.editWindowClosed(id, window);
        }
        List<Hold> kept = holds.stream().filter(hold -> hold.rule().equals(Rules.REPORTS)).toList();
        setText(text);
        editedAt = now;
        if (screening.held() || !kept.isEmpty() || state == CommentState.PENDING) {
            holds = new ArrayList<>(kept);
            holds.addAll(screening.holds());
            if (state != CommentState.PENDING) {
                state = CommentState.PENDING;
                queuedAt = now;
                featured = false;
            }
            if (holds.isEmpty()) {
                // Held before by a rule the new wording no longer trips: still a moderator's call, not the author's.
                holds.add(Hold.of(Rules.EDITED_WHILE_PENDING, "Edited while waiting for moderation."));
            }
        }
    }

    public void deleteByAuthor(Instant now) {
        if (state == CommentState.DELETED) {
            throw CommentProblems.alreadyDeleted(id);
        }
        takeDown(new Decision("deleted-by-author", author.memberId(), null, now), now);
    }

    /** Shows a waiting or rejected comment; on a visible one with open reports, dismisses the reports. */
    public void approve(String moderatorId, Instant now) {
        if (state == CommentState.VISIBLE && !reported) {
            throw notAllowed("approved");
        }
        requireState("approved", CommentState.PENDING, CommentState.REJECTED, CommentState.VISIBLE);
        show(new Decision("approved", moderatorId, null, now), now);
    }

    public void reject(String moderatorId, String reason, Instant now) {
        requireState("rejected", CommentState.PENDING, CommentState.VISIBLE);
        state = CommentState.REJECTED;
        featured = false;
        closeReports();
        decided(new Decision("rejected", moderatorId, reason, now), now);
    }

    public void delete(String moderatorId, String reason, Instant now) {
        requireState("deleted", CommentState.PENDING, CommentState.VISIBLE, CommentState.REJECTED);
        takeDown(new Decision("deleted", moderatorId, reason, now), now);
    }

    public void restore(String moderatorId, Instant now) {
        requireState("restored", CommentState.DELETED, CommentState.REJECTED);
        if (anonymised && text == null) {
            throw CommentProblems.textErased(id);
        }
        if (decision != null && "deleted-by-author".equals(decision.action())) {
            // The author took it back; publishing it again is not a moderator's call.
            throw CommentProblems.deletedByAuthor(id);
        }
        show(new Decision("restored", moderatorId, null, now), now);
    }

    /** Featuring picks out a visible top-level comment, which the thread can then list first. */
    public boolean feature(boolean feature, Instant now) {
        if (feature) {
            requireState("featured", CommentState.VISIBLE);
            if (depth != 1) {
                throw CommentProblems.onlyTopLevelFeatured(id);
            }
        }
        if (featured == feature) {
            return false;
        }
        featured = feature;
        featuredAt = feature ? now : null;
        return true;
    }

    /**
     * Counts a reader's report (whether this reader reported it before is checked by the caller, which keeps one record
     * per reader). Says whether this report sent a visible comment back to the moderators.
     */
    public boolean report(Report report, int threshold) {
        requireState("reported", CommentState.VISIBLE, CommentState.PENDING);
        totalReports++;
        openReports++;
        reportsByReason.merge(report.reason(), 1, Integer::sum);
        recentReports.add(report);
        if (recentReports.size() > RECENT_REPORTS) {
            recentReports.removeFirst();
        }
        if (!reported) {
            reported = true;
            reportedAt = report.at();
        }
        if (state == CommentState.VISIBLE && openReports >= threshold) {
            state = CommentState.PENDING;
            queuedAt = report.at();
            featured = false;
            holds = new ArrayList<>(List.of(new Hold(Rules.REPORTS,
                    openReports + " readers reported it (" + reasons() + "); at " + threshold + " a comment goes back to the queue.",
                    List.of(), openReports, threshold)));
            return true;
        }
        return false;
    }

    /** The member left: the comment stays (or only its place, if texts of former members are removed). */
    public boolean anonymise(boolean removeText, Instant now) {
        if (anonymised) {
            return false;
        }
        anonymised = true;
        author = new Author(null, Author.FORMER_MEMBER);
        inReplyToAuthorId = null;
        if (removeText) {
            text = null;
            html = null;
            fingerprint = null;
            if (state != CommentState.DELETED) {
                takeDown(new Decision("erased", null, null, now), now);
            }
        }
        return true;
    }

    public boolean isAuthoredBy(String memberId) {
        return !anonymised && author.memberId() != null && author.memberId().equals(memberId);
    }

    public void record(OutboxEvent event) {
        outbox.add(event);
    }

    private void screened(Screening screening, Instant now) {
        if (screening.refused()) {
            state = CommentState.REJECTED;
            holds = new ArrayList<>(screening.refusals());
            decided(new Decision("refused", null, null, now), now);
        } else if (screening.held()) {
            state = CommentState.PENDING;
            queuedAt = now;
            holds = new ArrayList<>(screening.holds());
        } else {
            state = CommentState.VISIBLE;
            placed = true;
        }
    }

    private void show(Decision decision, Instant now) {
        state = CommentState.VISIBLE;
        placed = true;
        holds = new ArrayList<>();
        closeReports();
        decided(decision, now);
    }

    private void takeDown(Decision decision, Instant now) {
        state = CommentState.DELETED;
        featured = false;
        featuredAt = null;
        closeReports();
        decided(decision, now);
    }

    private void closeReports() {
        reported = false;
        reportedAt = null;
        openReports = 0;
    }

    private void decided(Decision decision, Instant now) {
        this.decision = decision;
        this.decidedAt = now;
        this.queuedAt = null;
    }

    private void setText(CommentText text) {
        this.text = text.source();
        this.html = text.html();
        this.fingerprint = text.fingerprint();
        this.links = text.links().size();
    }

    private RuntimeException notAllowed(String change) {
        return CommentProblems.notAllowed(id, state, change);
    }

    private void requireState(String change, CommentState... allowed) {
        for (CommentState candidate : allowed) {
            if (state == candidate) {
                return;
            }
        }
        throw CommentProblems.notAllowed(id, state, change);
    }

    private String reasons() {
        return String.join(", ", reportsByReason.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().wire()).toList());
    }

    public String getId() {
        return id;
    }

    public String getArticleId() {
        return articleId;
    }

    public String getParentId() {
        return parentId;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getInReplyToAuthorId() {
        return inReplyToAuthorId;
    }

    public String getRootId() {
        return rootId;
    }

    public int getDepth() {
        return depth;
    }

    public Author getAuthor() {
        return author;
    }

    public boolean isAnonymised() {
        return anonymised;
    }

    public String getText() {
        return text;
    }

    public String getHtml() {
        return html;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public int getLinks() {
        return links;
    }

    public CommentState getState() {
        return state;
    }

    public boolean isPlaced() {
        return placed;
    }

    public boolean isFeatured() {
        return featured;
    }

    public Instant getFeaturedAt() {
        return featuredAt;
    }

    public Instant getPostedAt() {
        return postedAt;
    }

    public Instant getEditedAt() {
        return editedAt;
    }

    public Instant getQueuedAt() {
        return queuedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public List<Hold> getHolds() {
        return List.copyOf(holds);
    }

    public Decision getDecision() {
        return decision;
    }

    public boolean isReported() {
        return reported;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public int getOpenReports() {
        return openReports;
    }

    public int getTotalReports() {
        return totalReports;
    }

    public Map<ReportReason, Integer> getReportsByReason() {
        return Map.copyOf(reportsByReason);
    }

    public List<Report> getRecentReports() {
        return List.copyOf(recentReports);
    }

    public List<OutboxEvent> getOutbox() {
        return List.copyOf(outbox);
    }

    public Long getVersion() {
        return version;
    }
}
