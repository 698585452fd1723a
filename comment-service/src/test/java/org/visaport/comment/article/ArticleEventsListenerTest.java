package org.visaport.comment.article;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.UnreadableEvent;
import tools.jackson.databind.json.JsonMapper;

class ArticleEventsListenerTest {

    /** Refused before anything is stored, so nothing else is needed: a retry could only fail the same way. */
    private final ArticleEventsListener listener = new ArticleEventsListener(new EventReader(JsonMapper.builder().build()),
            null, null, null);

    @Test
    void anArticleWithoutTitleIsUnreadableNotRetried() {
        assertThatThrownBy(() -> listener.on("""
                {"id": "e-1", "type": "article.published", "data": {"id": "a-1", "slug": "a-1", "title": null, "version": 1}}
                """)).isInstanceOf(UnreadableEvent.class);
    }

    @Test
    void anArticleWithoutIdIsUnreadableNotRetried() {
        assertThatThrownBy(() -> listener.on("""
                {"id": "e-1", "type": "article.corrected", "data": {"slug": "a-1", "title": "Talks", "version": 2}}
                """)).isInstanceOf(UnreadableEvent.class);
    }
}
