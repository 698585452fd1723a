package org.visaport.comment.moderation;

import java.util.Optional;
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

/**
 * Reads and changes the moderation settings. Read on every submission, so a change (a word added to a list) applies
 * to the next comment on every instance without a restart. Each change and its audit entry are one document write.
 */
@Service
public class Settings {

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

    void changeSite(SiteSettings settings, AuditEntry entry) {
        write(SettingsDocument.SITE, new Update().set("site", settings), entry);
    }

    void changeArticlePolicy(String articleId, Policy policy, AuditEntry entry) {
        write(SettingsDocument.article(articleId), new Update().set("articlePolicy", policy), entry);
    }

    void changeMember(String memberId, MemberControls controls, AuditEntry entry) {
        write(SettingsDocument.member(memberId), new Update().set("member", controls), entry);
    }

    private void write(String id, Update update, AuditEntry entry) {
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update.push("outbox", audit.localStep(entry)), SettingsDocument.class);
        outbox.dispatch(id);
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
