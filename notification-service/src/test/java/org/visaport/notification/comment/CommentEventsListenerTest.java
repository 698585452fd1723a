package org.visaport.notification.comment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.visaport.platform.consumer.EventReader;
import org.visaport.platform.consumer.UnreadableEvent;
import tools.jackson.databind.json.JsonMapper;

class CommentEventsListenerTest {

    /** Refused before anything is read or stored, so nothing else is needed: a retry could only fail the same way. */
    private final CommentEventsListener listener = new CommentEventsListener(new EventReader(JsonMapper.builder().build()),
            null, null, null, null, null, null, 500);

    @Test
    void aCommentWithoutArticleIsUnreadableNotRetried() {
        assertThatThrownBy(() -> listener.on("""
                {"id": "e-1", "type": "comment.approved", "data": {"commentId": "c-1", "articleId": null,
                 "author": {"memberId": "m-1"}, "state": "VISIBLE"}}
                """)).isInstanceOf(UnreadableEvent.class);
    }

    @Test
    void aCommentWithoutIdIsUnreadableNotRetried() {
        assertThatThrownBy(() -> listener.on("""
                {"id": "e-1", "type": "comment.approved", "data": {"articleId": "a-1",
                 "author": {"memberId": "m-1"}, "state": "VISIBLE"}}
                """)).isInstanceOf(UnreadableEvent.class);
    }
}
