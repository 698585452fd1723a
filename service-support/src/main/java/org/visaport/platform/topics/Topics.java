package org.visaport.platform.topics;

import java.util.List;
import java.util.stream.Stream;

/**
 * The one list of VisaPort's Kafka topics: the services declare them from here, the local stack's launcher creates
 * them from here. Plain Java on purpose, so the launcher can use it without Spring.
 */
public final class Topics {

    /** Public member events, read by every service. */
    public static final String MEMBER_EVENTS = "visaport.member.events";
    /** Private: the only topic carrying e-mail addresses, read by notification-service alone. */
    public static final String MEMBER_NOTIFICATIONS = "visaport.member.notifications";
    public static final String ARTICLE_EVENTS = "visaport.article.events";
    public static final String COMMENT_EVENTS = "visaport.comment.events";

    public static final List<String> EVENT_TOPICS = List.of(MEMBER_EVENTS, MEMBER_NOTIFICATIONS, ARTICLE_EVENTS, COMMENT_EVENTS);

    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }

    /** Where a consumer parks a record it cannot process; it needs at least the source topic's partitions. */
    public static String deadLetter(String topic) {
        return topic + "-dlt";
    }

    /** Every event topic followed by its dead-letter topic. */
    public static List<String> withDeadLetters() {
        return EVENT_TOPICS.stream().flatMap(topic -> Stream.of(topic, deadLetter(topic))).toList();
    }
}
