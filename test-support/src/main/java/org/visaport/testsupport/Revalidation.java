package org.visaport.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What the reader endpoints' caching tests expect of a full answer and of a 304 (service-support's ConditionalGet). */
public final class Revalidation {

    /** An answer every cache may keep for a while: the same for every reader, asked without a token. */
    public static final String PUBLIC = "public, max-age=30";
    /** An answer only the reader's own client keeps, and revalidates each time. */
    public static final String PRIVATE = "private, no-cache";

    private Revalidation() {
    }

    /** A 200 with a strong tag; returns the tag. */
    public static String etagOf(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("ETag")).as("a strong tag").matches("\"[0-9a-f]{32}\"");
        return reply.header("ETag");
    }

    /** A 304 without a body, carrying the same tag and caching rule as the full answer. */
    public static void assertNotModified(ApiClient.Reply reply, String etag, String cacheControl) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(304);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("ETag")).isEqualTo(etag);
        assertThat(reply.header("Cache-Control")).isEqualTo(cacheControl);
    }
}
