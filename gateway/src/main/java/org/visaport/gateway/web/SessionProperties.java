package org.visaport.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where browser sessions live; bound at start-up so a misspelt store fails then, instead of quietly keeping sessions in
 * one instance ({@link RedisSessions} is what the redis store switches on).
 */
@ConfigurationProperties("visaport.gateway.session")
record SessionProperties(Store store) {

    enum Store { MEMORY, REDIS }

    SessionProperties {
        store = store == null ? Store.MEMORY : store;
    }
}
