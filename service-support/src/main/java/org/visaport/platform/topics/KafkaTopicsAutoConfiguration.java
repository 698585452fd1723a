package org.visaport.platform.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every service with Kafka creates whatever topic of the catalogue is missing (existing topics are left as they are),
 * so a service started against an empty cluster finds its topics and their dead-letter topics.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaAdmin.class)
public class KafkaTopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics visaportTopics(@Value("${visaport.events.partitions:" + Topics.DEFAULT_PARTITIONS + "}") int partitions) {
        return new KafkaAdmin.NewTopics(Topics.withDeadLetters().stream()
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).build())
                .toArray(NewTopic[]::new));
    }
}
