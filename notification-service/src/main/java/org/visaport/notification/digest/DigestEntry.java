package org.visaport.notification.digest;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.visaport.notification.subscription.Topic;

/**
 * One notice waiting for a member's daily digest. Its id derives from the notice and the member, like the feed
 * item's, so an event handled twice waits once; once its digest went, it keeps only its id and state (a replayed event
 * must not bring it into the next digest) until purged.
 *
 * @param articleId the briefing it is about, checked again when the digest goes (a retracted one is left out)
 * @param dueAt     the digest it waits for: the member's digest hour after it arrived
 */
@Document("digest_entries")
@CompoundIndexes({
        @CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}"),
        @CompoundIndex(name = "by_member", def = "{'memberId': 1, 'status': 1, 'dueAt': 1}"),
        @CompoundIndex(name = "done", def = "{'status': 1, 'doneAt': 1}")
})
public record DigestEntry(@Id String id, String memberId, Topic topic, String title, String summary, String url,
                          String articleId, Instant at, Instant dueAt, Status status, Instant doneAt) {

    public enum Status { WAITING, DONE }

    public static DigestEntry waiting(String id, String memberId, Topic topic, String title, String summary, String url,
                                      String articleId, Instant at, Instant dueAt) {
        return new DigestEntry(id, memberId, topic, title, summary, url, articleId, at, dueAt, Status.WAITING, null);
    }
}
