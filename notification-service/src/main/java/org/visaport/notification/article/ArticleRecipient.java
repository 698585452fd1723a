package org.visaport.notification.article;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who was told of a briefing, about which version, and whether by e-mail: so a correction or retraction reaches the
 * same people on the same channels, whatever they follow today.
 *
 * @param byEmail the member was told by e-mail at least once (at once or in a digest)
 */
@Document("article_recipients")
@CompoundIndexes({
        @CompoundIndex(name = "by_article", def = "{'articleId': 1, '_id': 1}"),
        @CompoundIndex(name = "by_member", def = "{'memberId': 1}")
})
public record ArticleRecipient(@Id String id, String articleId, String memberId, long version, boolean byEmail,
                               Instant toldAt) {
}
