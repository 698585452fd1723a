package org.visaport.platform.events;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.visaport.platform.scheduling.SchedulingAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(after = SchedulingAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnBean(JsonMapper.class)
    EventRecorder eventRecorder(JsonMapper json, Clock clock, @Value("${spring.application.name}") String application) {
        return new EventRecorder(json, clock, "/" + application);
    }
}
