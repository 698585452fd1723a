package org.visaport.news.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.visaport.news.events.ArticleEvents;

/** Creates the article topic where it is missing (an existing one is left as it is). */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    @Bean
    NewTopic articleEventsTopic(@Value("${visaport.events.partitions:6}") int partitions) {
        return TopicBuilder.name(ArticleEvents.TOPIC).partitions(partitions).replicas(1).build();
    }
}
