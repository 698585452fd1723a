package org.visaport.comment.moderation;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.visaport.platform.outbox.OutboxEvent;

/**
 * One stored moderation setting: the site's ({@code _id} "site"), an article's policy ("article:&lt;id&gt;") or a
 * member's controls ("member:&lt;id&gt;"). Each change carries its audit entry in the same document's outbox.
 */
@Document(SettingsDocument.COLLECTION)
record SettingsDocument(@Id String id, SiteSettings site, Policy articlePolicy, MemberControls member,
                        List<OutboxEvent> outbox, Long version) {

    static final String COLLECTION = "moderation_settings";
    static final String SITE = "site";

    static String article(String articleId) {
        return "article:" + articleId;
    }

    static String member(String memberId) {
        return "member:" + memberId;
    }
}
