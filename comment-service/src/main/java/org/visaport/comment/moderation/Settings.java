package org.visaport.comment.moderation;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.visaport.comment.audit.AuditEntry;
import org.visaport.comment.audit.AuditLog;
import org.visaport.platform.outbox.OutboxDefinition;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.outbox.OutboxRelays;
import org.visaport.platform.problem.Problems;

/**
 * Reads and changes the moderation settings. Read on every submission, so a change (a word added to a list) applies
 * to the next comment on every instance without a restart. Each change and its audit entry are one document write.
 */
@Service
public class Settings {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final ModerationDefaults defaults;
    private final AuditLog audit;
    private final OutboxRelay outbox;

    Settings(MongoTemplate mongo, ModerationDefaults defaults, AuditLog audit,
             @Qualifier("moderationSettingsOutboxRelay") OutboxRelay outbox) {
        this.mongo = mongo;
        this.defaults = defaults;
        this.audit = audit;
        this.outbox = outbox;
    }

    public SiteSettings site() {
        return Optional.ofNullable(document(SettingsDocument.SITE)).map(SettingsDocument::site).orElseGet(defaults::settings);
    }

    public Optional<Policy> articlePolicy(String articleId) {
        return Optional.ofNullable(document(SettingsDocument.article(articleId))).map(SettingsDocument::articlePolicy);
    }

    public MemberControls member(String memberId) {
        return Optional.ofNullable(document(SettingsDocument.member(memberId))).map(SettingsDocument::member)
                .orElse(MemberControls.NONE);
    }

    /** A settings value after a change, with the audit entry that describes it. */
    record Changed<T>(T value, AuditEntry entry) {
    }

    SiteSettings changeSite(Function<SiteSettings, Changed<SiteSettings>> change) {
        return compareAndSet(SettingsDocument.SITE, document -> change.apply(
                document == null || document.site() == null ? defaults.settings() : document.site()), "site");
    }

    MemberControls changeMember(String memberId, Function<MemberControls, Changed<MemberControls>> change) {
        return compareAndSet(SettingsDocument.member(memberId), document -> change.apply(
                document == null || document.member() == null ? MemberControls.NONE : document.member()), "member");
    }

    void changeArticlePolicy(String articleId, Policy policy, AuditEntry entry) {
        compareAndSet(SettingsDocument.article(articleId), document -> new Changed<>(policy, entry), "articlePolicy");
    }

    /**
     * Applies {@code change} to the latest stored value and writes it only if nobody wrote in between (else reads
     * again and retries), so two moderators changing different things at once both keep their change.
     */
    private <T> T compareAndSet(String id, Function<SettingsDocument, Changed<T>> change, String field) {
        for (int attempt = 1; ; attempt++) {
            SettingsDocument current = document(id);
            Changed<T> changed = change.apply(current);
            Criteria unchanged = Criteria.where("_id").is(id).and("version");
            Query query = Query.query(current == null || current.version() == null ? unchanged.exists(false) : unchanged.is(current.version()));
            Update update = new Update().set(field, changed.value()).inc("version", 1).push("outbox", audit.localStep(changed.entry()));
            try {
                mongo.upsert(query, update, SettingsDocument.class);
                outbox.dispatch(id);
                return changed.value();
            } catch (DuplicateKeyException changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw Problems.conflict("Settings changed meanwhile", "The settings kept changing while this change was applied; try again.");
                }
            }
        }
    }

    private SettingsDocument document(String id) {
        return mongo.findById(id, SettingsDocument.class);
    }

    @Configuration(proxyBeanMethods = false)
    static class Outbox {

        @Bean
        OutboxRelay moderationSettingsOutboxRelay(OutboxRelays relays, AuditLog audit) {
            return relays.create(OutboxDefinition.of(SettingsDocument.COLLECTION).withLocalStep(audit::file));
        }
    }
}
