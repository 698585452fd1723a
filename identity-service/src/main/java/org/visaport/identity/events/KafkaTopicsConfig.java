package org.visaport.identity.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Creates the member topics where they do not exist yet (existing ones are left as they are). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MemberEventProperties.class)
class KafkaTopicsConfig {

    @Bean
    NewTopic memberEvents(MemberEventProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build();
    }

    @Bean
    NewTopic memberNotifications(MemberEventProperties properties) {
        return TopicBuilder.name(properties.notificationsTopic()).partitions(properties.partitions()).build();
    }
}
