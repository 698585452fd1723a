package org.visaport.news.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.visaport.news.search.SearchableText;
import org.visaport.platform.outbox.OutboxEvent;

/**
 * A news briefing. State changes go through the methods below, and each checks that the article's state allows it
 * (a 409 problem otherwise): drafts and scheduled articles can be scheduled and published, published ones retracted
 * and corrected, all but retracted ones edited. Each change and the events it causes are stored in one document
 * write (the outbox lives inside the article), so neither is ever recorded without the other. The indexes serve the
 * queries in reading.ArticleQueries, editorial.NewsroomQueries and publishing.EmbargoPublisher: equality fields first,
 * then the sort keys.
 */
@Document("articles")
@CompoundIndexes({
        // Reader list: published articles newest first, paged by (publishedAt, _id); the from/to range is on the sort key.
        @CompoundIndex(name = "reader_newest", def = "{'status': 1, 'publishedAt': -1, '_id': -1}"),
        // The same list filtered: the filter is an equality, so it sits before the sort keys.
        @CompoundIndex(name = "reader_by_tag", def = "{'status': 1, 'tags': 1, 'publishedAt': -1, '_id': -1}"),
        @CompoundIndex(name = "reader_by_region", def = "{'status': 1, 'regions': 1, 'publishedAt': -1, '_id': -1}"),
        @CompoundIndex(name = "reader_by_country", def = "{'status': 1, 'countries': 1, 'publishedAt': -1, '_id': -1}"),
        @CompoundIndex(name = "reader_by_language", def = "{'status': 1, 'language': 1, 'publishedAt': -1, '_id': -1}"),
        // Search: every word must occur (multikey on the terms), newest candidates first.
        @CompoundIndex(name = "search_terms", def = "{'status': 1, 'searchTerms': 1, 'publishedAt': -1, '_id': -1}"),
        // Embargo job (scheduled articles whose publishAt has come, earliest first) and the newsroom's list of scheduled
        // ones, paged by (publishAt, _id).
        @CompoundIndex(name = "scheduled_by_publish_at", def = "{'status': 1, 'publishAt': 1, '_id': 1}"),
        // The newsroom's list of drafts, retracted articles or several states, newest change first; for several states
        // MongoDB merges each state's run of the index in order instead of sorting in memory. The newsroom's list of
        // published articles is in the reader list's order and uses reader_newest.
        @CompoundIndex(name = "newsroom_newest_change", def = "{'status': 1, 'updatedAt': -1, '_id': -1}"),
        // Language versions of a story that readers may see.
        @CompoundIndex(name = "translations", def = "{'translationGroup': 1, 'status': 1}")
})
public class Article {

    @Id
    private String id;
    @Indexed(unique = true)
    private String slug;
    private String translationGroup;
    private String title;
    private String lede;
    private String body;
    private String bodyHtml;
    private Dateline dateline;
    private Author author;
    private List<String> tags = List.of();
    private List<String> regions = List.of();
    private List<String> countries = List.of();
    private String language;
    private String source;
    private ArticleStatus status = ArticleStatus.DRAFT;
    private Instant publishAt;
    private Instant publishedAt;
    private boolean commentsEnabled = true;
    private Retraction retraction;
    private List<Correction> corrections = new ArrayList<>();
    /** Normalised words of title, lede and body, for search that works on every MongoDB-wire server. */
    private List<String> titleTerms = List.of();
    private List<String> ledeTerms = List.of();
    private List<String> bodyTerms = List.of();
    private List<String> searchTerms = List.of();
    private List<OutboxEvent> outbox = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Article() {
    }

    public Article(String id, String slug, String translationGroup, Author author, Instant now) {
        this.id = id;
        this.slug = slug;
        this.translationGroup = translationGroup;
        this.author = author;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Replaces what the editor wrote. A retracted article is closed to edits. {@code slugForTitle} is the free slug
     * the new title would get; the article takes it only while nobody outside the newsroom has seen it.
     */
    void edit(ArticleContent content, String renderedBody, SearchableText terms, String slugForTitle, Instant now) {
        if (status == ArticleStatus.RETRACTED) {
            throw notAllowed("edited");
        }
        this.title = content.title();
        this.lede = content.lede();
        this.body = content.body();
        this.bodyHtml = renderedBody;
        this.dateline = content.dateline();
        this.tags = List.copyOf(content.tags());
        this.regions = List.copyOf(content.regions());
        this.countries = List.copyOf(content.countries());
        this.language = content.language();
        this.source = content.source();
        this.titleTerms = terms.title();
        this.ledeTerms = terms.lede();
        this.bodyTerms = terms.body();
        this.searchTerms = terms.all();
        if (slugFollowsTitle()) {
            this.slug = slugForTitle;
        }
        this.updatedAt = now;
    }

    /** The slug moves with the title until the article is out; then links to it must keep working. */
    boolean slugFollowsTitle() {
        return isUnpublished();
    }

    /** Embargoes a draft, or moves the embargo of a scheduled article, to a time after {@code now}. */
    void schedule(Instant when, Instant now) {
        requireUnpublished("scheduled");
        if (!when.isAfter(now)) {
            throw new IllegalArgumentException("an embargo must end after " + now + ", not at " + when);
        }
        this.status = ArticleStatus.SCHEDULED;
        this.publishAt = when;
        this.updatedAt = now;
    }

    /** Publishes a draft or a scheduled article now, whatever its embargo said. */
    void publish(Instant now) {
        requireUnpublished("published");
        this.status = ArticleStatus.PUBLISHED;
        this.publishedAt = now;
        this.publishAt = now;
        this.updatedAt = now;
    }

    /** Publishes the article if it is scheduled and its embargo has lifted by {@code now}; says whether it did. */
    boolean publishIfDue(Instant now) {
        if (status != ArticleStatus.SCHEDULED || publishAt.isAfter(now)) {
            return false;
        }
        publish(now);
        return true;
    }

    void retract(String reason, Instant now) {
        requirePublished("retracted");
        this.status = ArticleStatus.RETRACTED;
        this.retraction = new Retraction(reason, now);
        this.updatedAt = now;
    }

    void correct(String note, Instant now) {
        requirePublished("corrected");
        this.corrections.add(new Correction(note, now));
        this.updatedAt = now;
    }

    /** Turns comments on or off in any state; says whether that changed anything (asking for the current setting does not). */
    boolean enableComments(boolean enabled, Instant now) {
        if (commentsEnabled == enabled) {
            return false;
        }
        this.commentsEnabled = enabled;
        this.updatedAt = now;
        return true;
    }

    void record(OutboxEvent event) {
        outbox.add(event);
    }

    public String getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getTranslationGroup() {
        return translationGroup;
    }

    public String getTitle() {
        return title;
    }

    public String getLede() {
        return lede;
    }

    public String getBody() {
        return body;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public Dateline getDateline() {
        return dateline;
    }

    public Author getAuthor() {
        return author;
    }

    public List<String> getTags() {
        return tags;
    }

    public List<String> getRegions() {
        return regions;
    }

    public List<String> getCountries() {
        return countries;
    }

    public String getLanguage() {
        return language;
    }

    public String getSource() {
        return source;
    }

    public ArticleStatus getStatus() {
        return status;
    }

    public Instant getPublishAt() {
        return publishAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public boolean isCommentsEnabled() {
        return commentsEnabled;
    }

    public Retraction getRetraction() {
        return retraction;
    }

    public List<Correction> getCorrections() {
        return List.copyOf(corrections);
    }

    public List<String> getTitleTerms() {
        return titleTerms;
    }

    public List<String> getLedeTerms() {
        return ledeTerms;
    }

    public List<String> getBodyTerms() {
        return bodyTerms;
    }

    public List<OutboxEvent> getOutbox() {
        return List.copyOf(outbox);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    private boolean isUnpublished() {
        return status == ArticleStatus.DRAFT || status == ArticleStatus.SCHEDULED;
    }

    private void requireUnpublished(String action) {
        if (!isUnpublished()) {
            throw notAllowed(action);
        }
    }

    private void requirePublished(String action) {
        if (status != ArticleStatus.PUBLISHED) {
            throw notAllowed(action);
        }
    }

    private RuntimeException notAllowed(String action) {
        return ArticleProblems.notAllowed(id, status, action);
    }
}
