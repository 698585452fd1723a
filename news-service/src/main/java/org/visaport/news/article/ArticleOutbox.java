package org.visaport.news.article;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.visaport.platform.outbox.OutboxDefinition;
import org.visaport.platform.outbox.OutboxRelay;
import org.visaport.platform.outbox.OutboxRelays;

/** Articles keep their pending events in their own {@code outbox}; the shared relay sends them. */
@Configuration(proxyBeanMethods = false)
class ArticleOutbox {

    @Bean
    OutboxRelay articleOutboxRelay(OutboxRelays relays) {
        return relays.create(OutboxDefinition.of("articles"));
    }
}
