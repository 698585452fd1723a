package org.visaport.platform.caching;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoTemplate.class)
public class CachingAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    ChangeStamps changeStamps(MongoTemplate mongo) {
        return new ChangeStamps(mongo);
    }
}
